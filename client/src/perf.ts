// Timings of the boot, read by the client benchmark and the debug hook: performance.now() values
// (milliseconds since navigation start) for each step, and a count of frames sigma has drawn.
export interface PerfRecord {
  marks: Record<string, number>;
  frames: number;
  lastFrameAt: number | null;
}

export const perf: PerfRecord = { marks: {}, frames: 0, lastFrameAt: null };

export function mark(name: string): void {
  perf.marks[name] ??= performance.now();
}

/** Called after every sigma render: the first one is the first frame. */
export function frameDrawn(): void {
  const now = performance.now();
  perf.frames++;
  perf.lastFrameAt = now;
  mark('firstFrame');
}
