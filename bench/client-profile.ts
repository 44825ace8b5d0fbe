// Where a journey's time goes in the page: the DevTools CPU profiler around one action, summed by
// function (self time), and the API requests it made with their server time. Used by
// bench/client-journeys.ts with --profile; prints, changes nothing.
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface JourneyProfile {
  /** Self time by function, largest first. */
  functions: { name: string; ms: number }[];
  /** Each /api request made during the action: its path and the time from request to last byte. */
  requests: { path: string; ms: number; bytes: number }[];
}

export async function profileAction(page: Page, action: () => Promise<unknown>, top = 12): Promise<JourneyProfile> {
  const cdp = await page.context().newCDPSession(page);
  const requests: JourneyProfile['requests'] = [];
  const started = new Map<string, { path: string; at: number }>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string }; timestamp: number }) => {
    if (e.request.url.includes('/api/'))
      started.set(e.requestId, { path: new URL(e.request.url).pathname + new URL(e.request.url).search, at: e.timestamp });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const s = started.get(e.requestId);
    if (s) requests.push({ path: s.path, ms: Math.round((e.timestamp - s.at) * 1000), bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byNode.get(id)!;
    const file = n.callFrame.url.split('/').pop() ?? '';
    const name = `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${n.callFrame.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const functions = [...self]
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return { functions, requests };
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: unknown;
}

/**
 * A Chrome trace of one action (DevTools timeline categories): time by event name on the page's
 * main thread, for the work a CPU profile shows only as "(program)": style, layout, paint, GPU.
 */
export async function traceAction(page: Page, action: () => Promise<unknown>, top = 15): Promise<{ name: string; ms: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: '__metadata,devtools.timeline,v8.execute,blink,gpu,cc', transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The page's main thread: the one Chromium names CrRendererMain.
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...sums]
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
