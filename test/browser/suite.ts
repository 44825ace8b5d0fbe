// The per-file set-up every Chromium suite shares: a BrowserSuite started before the file's tests
// and closed after them. Kept out of harness.ts, which the client benchmark imports outside vitest.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowserSuite, type BrowserSuite, type RunningApp } from './harness.js';

export interface SuiteHandle {
  /** The running app; read inside tests (it exists once beforeAll has run). */
  readonly app: RunningApp;
  readonly context: BrowserContext;
}

/** Registers the file's beforeAll / afterAll; `prepareData` may change the copied graph-data first. */
export function useBrowserSuite(prepareData?: (dataDir: string) => Promise<void>): SuiteHandle {
  let suite: BrowserSuite | undefined;
  beforeAll(async () => {
    suite = await startBrowserSuite(prepareData);
  }, 90_000);
  afterAll(() => suite?.close());
  const started = (): BrowserSuite => {
    if (!suite) throw new Error('the browser suite is not started yet (read it inside a test)');
    return suite;
  };
  return {
    get app() {
      return started().app;
    },
    get context() {
      return started().context;
    },
  };
}
