// The page's one set of source styles (a page shows one graph): filled from the source nodes when
// the graph is prepared, and grown as a large graph loads sources it had not drawn yet.
import { SourceStyles, type SourceInfo, type SourceStyle } from '../../../server/common/source-styles.js';

let styles = new SourceStyles([], false);

interface NodeLike {
  key: string;
  attributes?: Record<string, unknown> | undefined;
}

function infoOf(node: NodeLike): SourceInfo | null {
  const a = node.attributes ?? {};
  if (a.kind !== 'source') return null;
  const id = typeof a.sourceId === 'string' ? a.sourceId : node.key.slice(node.key.indexOf(':') + 1);
  const title = String(a.fullLabel ?? a.label ?? id);
  const publisher = typeof a.publisher === 'string' && a.publisher.trim() ? a.publisher : null;
  // shortName: the server's readable name for a source imported from a table (the contributor's).
  const short = typeof a.shortName === 'string' && a.shortName.trim() ? a.shortName : null;
  return { id, title, name: short ?? publisher ?? title };
}

/** Starts afresh from the source nodes of the data (`complete`: every source of the graph is there). */
export function registerSources(nodes: readonly NodeLike[], complete: boolean): void {
  styles = new SourceStyles(
    nodes.flatMap((n) => infoOf(n) ?? []),
    complete,
  );
}

/** A source's style; one not seen yet gets a colour by its id, and a name made from its id. */
export function sourceStyleOf(id: string, known?: { title: string; name?: string }): SourceStyle {
  const name = known?.name ?? known?.title ?? id.replace(/[-_]+/g, ' ');
  return styles.get(id) ?? styles.of({ id, name, title: known?.title ?? name });
}

export function sourceStyles(): SourceStyles {
  return styles;
}
