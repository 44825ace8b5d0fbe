// ForceAtlas2 in its web worker (started from a blob: URL, allowed by the CSP's worker-src), with a
// time budget: it stops by itself, and the positions it reached stay.
import { mark } from '../perf.js';
import { FA2Layout } from './fa2.js';
import { layoutSettings, layoutWeight, type AppGraph } from './load.js';

export type LayoutListener = (running: boolean) => void;

export class LayoutRunner {
  private supervisor: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<LayoutListener>();

  constructor(
    private readonly graph: AppGraph,
    private readonly budgetMs = 4000,
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  onChange(listener: LayoutListener): void {
    this.listeners.add(listener);
  }

  start(): void {
    if (this.running) return;
    this.supervisor ??= new FA2Layout(this.graph, {
      getEdgeWeight: layoutWeight,
      settings: { ...layoutSettings(this.graph), slowDown: 5 },
    });
    this.supervisor.start();
    mark('layoutStarted');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), this.budgetMs);
    this.emit();
  }

  stop(): void {
    clearTimeout(this.timer);
    if (!this.supervisor?.isRunning()) return;
    this.supervisor.stop();
    this.emit();
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  kill(): void {
    clearTimeout(this.timer);
    this.supervisor?.kill();
    this.supervisor = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.running);
  }
}
