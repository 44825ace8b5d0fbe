// npx tsx bench/extract-names.ts
//   Proper names proposed as new entities, measured against the development texts whose annotation lists
//   every proper name the text states (test/extract/dev/*.json "names"): the extractor's hand-written
//   reading (proposals.ts with furniture.ts) against compromise's part-of-speech tags (runs of #ProperNoun,
//   and its people/places/organizations), given the same text and no graph. A proposal is right when its
//   label contains an annotated name or lies inside one (folded); a name is found when some proposal is
//   right for it. Prints a markdown table; figures are quoted in commit messages and the report.
import nlp from 'compromise';
import { loadavg } from 'node:os';
import { extractClaims, foldName } from '../server/extract/index.js';
import { DEV_TEXTS, loadDev } from '../test/extract/dev/dev.js';

interface Tally {
  proposals: number;
  right: number;
  names: number;
  found: number;
}

const tallies: Record<string, Tally> = {};
const add = (reader: string, labels: string[], names: string[]) => {
  const t = (tallies[reader] ??= { proposals: 0, right: 0, names: 0, found: 0 });
  const folded = names.map(foldName).filter((n) => n.length > 1);
  const fits = (label: string, name: string) => label.length > 1 && (label.includes(name) || name.includes(label));
  const unique = [...new Set(labels.map(foldName).filter((l) => l.length > 1))];
  t.proposals += unique.length;
  t.right += unique.filter((l) => folded.some((n) => fits(l, n))).length;
  t.names += folded.length;
  t.found += folded.filter((n) => unique.some((l) => fits(l, n))).length;
};

const rows: string[] = [];
for (const name of DEV_TEXTS) {
  const { text, fixture } = loadDev(name);
  if (!fixture.names) continue;
  rows.push(name);
  const ours = extractClaims(
    text,
    { sourceId: 'names', entities: [], properties: [] },
    { minConfidence: 0, minProposalConfidence: 0 },
  ).proposedEntities.map((e) => e.label);
  add('extractor (proposals.ts + furniture.ts)', ours, fixture.names);
  const doc = nlp(text);
  add('compromise #ProperNoun+', doc.match('#ProperNoun+').out('array') as string[], fixture.names);
  add(
    'compromise people/places/organizations',
    [...doc.people().out('array'), ...doc.places().out('array'), ...doc.organizations().out('array')] as string[],
    fixture.names,
  );
}
console.log(`Texts with annotated names: ${rows.join(', ')}; load average ${loadavg()[0]!.toFixed(1)}\n`);
console.log('| reader | proposals | right | precision | junk share | names found | recall |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [reader, t] of Object.entries(tallies)) {
  console.log(
    `| ${reader} | ${t.proposals} | ${t.right} | ${(t.right / t.proposals).toFixed(2)} | ${((t.proposals - t.right) / t.proposals).toFixed(2)} | ${t.found}/${t.names} | ${(t.found / t.names).toFixed(2)} |`,
  );
}
