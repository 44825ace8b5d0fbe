// Record ids are file names too ([a-z0-9-], see defs.schema.json): these turn free text into one.

/** A lowercase, hyphenated, accent-free id stem from any name; `fallback` when nothing survives. */
export function slug(name: string, fallback = 'source', maxLength = 60): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, maxLength).replace(/-+$/, '') || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. Does not add it to `taken`. */
export function uniqueId(base: string, taken: { has(id: string): boolean }): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
