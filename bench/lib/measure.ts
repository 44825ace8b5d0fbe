// Timing and memory probes shared by the benchmarks, and a description of the machine so a
// figure is never read without knowing what produced it.
import os from 'node:os';

/** Peak resident memory of this process so far, in MB (the kernel's high-water mark: no sampling gaps). */
export function peakMB(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function rssMB(): number {
  return Math.round(process.memoryUsage().rss / 1048576);
}

export function heapMB(): number {
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

/** A full collection when node runs with --expose-gc, so one phase's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Milliseconds for a fixed integer loop (5e7 steps, already optimised), timed just before a
 * measurement: how fast this machine runs plain JavaScript at that moment, so runs taken under
 * different load can be compared.
 */
export function calibrationMs(): number {
  // Warm first: otherwise the time depends on when the optimising compiler gets a core.
  for (let i = 0; i < 50; i++) spin(1e5);
  const start = process.hrtime.bigint();
  const x = spin(5e7);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return x === 1 ? -1 : round(ms, 1);
}

function spin(steps: number): number {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x + i) | 0;
  return x;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on a shared machine skews timings. */
  load: number;
  date: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load: round(os.loadavg()[0] ?? 0, 2),
    date: new Date().toISOString(),
  };
}
