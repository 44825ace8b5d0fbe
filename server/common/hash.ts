// Shared by the server and the browser client (the client bundles it through Vite): plain
// TypeScript that imports nothing, so neither side pulls the other's dependencies in.

/**
 * 32-bit FNV-1a over UTF-16 code units, unsigned: tiny, fast and stable across runs and machines,
 * for anything that must scatter ids the same way every time (tie-breaks, colours, offsets).
 * Not for security.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
