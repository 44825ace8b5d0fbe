// How a source is named on the graph, where a few words must say who it is.

/**
 * A source's name as a reader would say it. A source imported from a table (npm run truth:import)
 * is titled "<contributor> in <file>": the contributor is the name ("Mohammedfairouz", not
 * "1513217: Mohammedfairouz in population_claims.csv"); a leading numeric account id ("1513217: ")
 * and the "0 (address)" form of anonymous editors go too. Other titles are left as they are.
 */
export function readableSourceName(title: string): string {
  const imported = /^(.+) in [^\s/]+\.(?:csv|tsv|json)$/i.exec(title.trim());
  if (!imported) return title;
  const base = imported[1]!.trim();
  const anonymous = /^\d+ \((.+)\)$/.exec(base);
  if (anonymous) return anonymous[1]!;
  const named = /^\d+:\s*(\S.*)$/.exec(base);
  return named ? named[1]! : base;
}

/** What a source node carries for the explorer: its readable name as label and as the name its abbreviation is made from. */
export function sourceNames(title: string): { label: string; shortName: string } {
  const name = readableSourceName(title);
  return { label: name, shortName: name };
}
