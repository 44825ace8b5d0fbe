// graphology-layout-forceatlas2 is CommonJS typed with `export default`: under NodeNext TypeScript
// sees the default as a property of module.exports, while the bundler hands over module.exports
// itself. These two lines make both agree.
import fa2Module from 'graphology-layout-forceatlas2';
import workerModule from 'graphology-layout-forceatlas2/worker.js';

type Interop<T> = T | { default: T };
const unwrap = <T>(m: Interop<T>): T => (typeof m === 'object' && m !== null && 'default' in m ? m.default : (m as T));

export const forceAtlas2 = unwrap(fa2Module as unknown as Interop<typeof fa2Module.default>);
export const FA2Layout = unwrap(workerModule as unknown as Interop<typeof workerModule.default>);
export type FA2Layout = InstanceType<typeof FA2Layout>;
