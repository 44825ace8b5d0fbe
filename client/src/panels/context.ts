// What every panel receives: the store to read, the graph for labels, the actions to call.
import type { Actions } from '../actions.js';
import type { AppGraph } from '../graph-view/load.js';
import type { Store } from '../state/store.js';

export interface PanelContext {
  store: Store;
  graph: AppGraph;
  actions: Actions;
}

/** A panel's content: a title for the panel's aria-label and heading, and its body. */
export interface PanelContent {
  title: string;
  /** Kind shown above the title: "Claim", "Entity", "Source text"... */
  eyebrow: string;
  body: HTMLElement;
  /** Element to scroll to and focus once shown (the active claim in the reader). */
  focusTarget?: HTMLElement | null;
  /** Called when the panel shows something else: drops listeners the content installed. */
  dispose?: () => void;
}

/** A source's short name for tight places (its publisher: "Russia Beyond"), its title otherwise. */
export function sourceName(ctx: PanelContext, source: { id: string; title: string }): string {
  const key = `source:${source.id}`;
  const publisher = ctx.graph.hasNode(key) ? ctx.graph.getNodeAttribute(key, 'publisher') : undefined;
  return typeof publisher === 'string' && publisher ? publisher : source.title;
}
