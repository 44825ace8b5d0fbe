// Output identity for extraction speed-ups: SHA-256 digests of the whole ExtractionResult (claims,
// proposed entities and properties, confidences, references, warnings) of extractClaims on the 14
// development texts (test/extract/dev/), the bundled sources (graph-data/sources/) and the unseen
// benchmark's texts (bench/unseen/texts/), each read alone at the default threshold and at confidence
// ≥ 0, then all of them joined into one text, cut into ~2 kB pieces, and a hand-made tiny text. A change
// meant only to make extraction faster must reproduce every digest byte for byte. The digests depend
// on the extractor's behaviour, so they are recorded before a change and checked after it, on one branch
// (no recorded file is committed: another change of behaviour would make it stale).
//   npx tsx bench/extract-digest.ts --write /tmp/NAME/before.json   (record)
//   npx tsx bench/extract-digest.ts --check /tmp/NAME/before.json   (exit 1 on any difference)
// Never run on bench/fresh/ (a fresh evaluation set that must stay unseen).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractClaims } from '../server/extract/index.js';
import { loadStore } from '../server/store/load.js';
import { DEV_TEXTS, loadDev } from '../test/extract/dev/dev.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface DigestText {
  name: string;
  text: string;
}

/** The texts digested and measured: development texts, bundled sources, unseen benchmark texts (never bench/fresh/). */
export function digestTexts(bundled: ReadonlyMap<string, string>): DigestText[] {
  const unseenDir = path.join(ROOT, 'bench/unseen/texts');
  return [
    ...DEV_TEXTS.map((name) => ({ name: `dev/${name}`, text: loadDev(name).text })),
    ...[...bundled].sort(([a], [b]) => a.localeCompare(b)).map(([id, text]) => ({ name: `bundled/${id}`, text })),
    ...readdirSync(unseenDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: `unseen/${f.replace(/\.txt$/, '')}`, text: readFileSync(path.join(unseenDir, f), 'utf8') })),
  ];
}

/** ~2 kB pieces of a text, cut at the first line break after 2,000 characters (so most pieces start a line). */
function pieces(text: string, size = 2000): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const cut = text.indexOf('\n', at + size);
    const end = cut === -1 ? text.length : cut + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

export async function digests(): Promise<Record<string, string>> {
  const { corpus } = await loadStore();
  const vocabulary = { entities: corpus.entities, properties: corpus.properties };
  const texts = digestTexts(corpus.texts);
  const sourceId = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const out: Record<string, string> = {};
  for (const t of texts) {
    const context = { sourceId: sourceId(t.name), ...vocabulary };
    out[`${t.name}/default`] = hash(extractClaims(t.text, context));
    out[`${t.name}/all`] = hash(extractClaims(t.text, context, { minConfidence: 0, minProposalConfidence: 0 }));
  }
  const joined = texts.map((t) => t.text).join('\n\n');
  out['joined/all'] = hash(extractClaims(joined, { sourceId: 'joined', ...vocabulary }, { minConfidence: 0, minProposalConfidence: 0 }));
  out['pieces/all'] = hash(
    pieces(joined).map((p, i) =>
      extractClaims(p, { sourceId: `piece-${i}`, ...vocabulary }, { minConfidence: 0, minProposalConfidence: 0 }),
    ),
  );
  out['tiny'] = hash(
    ['', ' ', 'On 3 May 1918, 7,000 troops landed.', 'Japan sent 72,000 troops.[4]', 'x'].map((s) =>
      extractClaims(s, { sourceId: 'tiny', ...vocabulary }, { minConfidence: 0, minProposalConfidence: 0 }),
    ),
  );
  return out;
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('extract-digest.ts')) {
  const { values } = parseArgs({ options: { write: { type: 'string' }, check: { type: 'string' } } });
  const now = await digests();
  if (values.write) {
    writeFileSync(values.write, JSON.stringify(now, null, 1) + '\n');
    console.log(`wrote ${Object.keys(now).length} digests to ${values.write}`);
  } else if (values.check) {
    const before = JSON.parse(readFileSync(values.check, 'utf8')) as Record<string, string>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
    const differ = keys.filter((k) => before[k] !== now[k]);
    for (const k of differ) console.log(`DIFFERS ${k}`);
    console.log(differ.length === 0 ? `identical: ${keys.length} digests` : `${differ.length} of ${keys.length} digests differ`);
    process.exit(differ.length === 0 ? 0 : 1);
  } else console.log(JSON.stringify(now, null, 1));
}
