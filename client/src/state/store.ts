// The app store: one ViewState, changed only through `update`, which says how the browser history
// should record the change. Rendering subscribes; nothing else holds view state.
import { normalise, sameState, toQuery } from './url.js';
import type { ViewState } from './types.js';

/** push: a meaningful change (back returns to it); replace: a camera move; none: came from history. */
export type HistoryMode = 'push' | 'replace' | 'none';

export type Listener = (state: ViewState, previous: ViewState) => void;

export class Store {
  private current: ViewState;
  private listeners = new Set<Listener>();
  /** Called before a history step is pushed, so pending camera moves land in the entry being left. */
  beforePush: (() => void) | null = null;

  constructor(initial: ViewState) {
    this.current = normalise(initial);
  }

  get state(): ViewState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(patch: Partial<ViewState>, mode: HistoryMode = 'push'): void {
    if (mode === 'push') this.beforePush?.();
    const next = normalise({ ...this.current, ...patch });
    if (sameState(next, this.current)) return;
    const previous = this.current;
    this.current = next;
    const url = `${location.pathname}${toQuery(next)}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else if (mode === 'replace') history.replaceState(null, '', url);
    for (const listener of this.listeners) listener(next, previous);
  }

  /** Selecting a node or an edge clears the other; `panel` stays as it is unless given. */
  select(target: { node?: string | null; edge?: string | null }, panel?: ViewState['panel']): void {
    this.update({
      node: target.node ?? null,
      edge: target.node ? null : (target.edge ?? null),
      ...(panel !== undefined ? { panel } : {}),
    });
  }
}
