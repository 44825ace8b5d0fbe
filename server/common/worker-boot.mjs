// Starts a worker thread's module (the extraction worker, the document reader). Under tsx (npm run serve, vitest) the worker is
// TypeScript, and a worker thread does not inherit the parent's tsx loader on Node 20 (an --import tsx
// in execArgv is not applied to the worker's entry either): so the loader is registered here first.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
