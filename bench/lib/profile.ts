// CPU profiles of one phase only (reconcile(), not the generator), through the inspector, and
// the top self-time functions of a .cpuprofile: the first thing to read when a target is missed.
import { Session } from 'node:inspector';
import { readFileSync, writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `fn` under the V8 sampling profiler and writes the profile to `file`. */
export function profiled<T>(file: string, fn: () => T): T {
  const session = new Session();
  session.connect();
  // An in-process session answers synchronously, so the profile brackets exactly `fn`.
  const post = (method: string, params?: object): unknown => {
    let result: unknown;
    let failure: Error | null = null;
    session.post(method, params ?? {}, (err, res) => {
      failure = err;
      result = res;
    });
    if (failure) throw failure;
    return result;
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 200 });
  post('Profiler.start');
  try {
    return fn();
  } finally {
    const { profile } = post('Profiler.stop') as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Functions by self time (time on top of the stack), largest first. */
export function topSelfTime(profile: CpuProfile, count = 25): SelfTime[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((node, i) => byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    total += us;
    const { functionName, url } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}`.trim();
    byName.set(name, (byName.get(name) ?? 0) + us);
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: total > 0 ? us / total : 0 }));
}

export function printTopSelfTime(file: string, count = 25): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  for (const t of topSelfTime(profile, count))
    console.log(`${(t.share * 100).toFixed(1).padStart(5)} % ${String(t.ms).padStart(7)} ms  ${t.name}`);
}

// tsx bench/lib/profile.ts <file.cpuprofile> [count]
if (process.argv[1] && import.meta.filename === process.argv[1] && process.argv[2]) {
  printTopSelfTime(process.argv[2], Number(process.argv[3] ?? 25));
}
