import { loadStore } from '../server/store/load.js';
import { extractClaims } from '../server/extract/index.js';
import { evaluate } from '../server/extract/evaluate.js';
import { check } from '../server/core/schemas.js';
const { corpus } = await loadStore();
const min = Number(process.argv[2] ?? 0.5);
const all = [];
for (const s of corpus.sources) {
  const text = corpus.texts.get(s.id)!;
  const r = extractClaims(text, { sourceId: s.id, entities: corpus.entities, properties: corpus.properties }, { minConfidence: min });
  for (const c of r.claims) { const p = check('claim.schema.json', c); if (p.length) console.log('INVALID', c.id, p); if (text.slice(c.quote.start, c.quote.end) !== c.quote.exact) console.log('QUOTE', c.id); }
  all.push(...r.claims);
  if (process.argv[3] === 'p') console.log(s.id, 'proposals', r.proposedEntities.map(e => `${e.label}:${e.type}:${r.proposalConfidence[e.id]}`).join(' | '), r.warnings, r.references.length);
}
const ev = evaluate({ extracted: all, curated: corpus.claims, properties: corpus.properties, judgements: corpus.judgements });
const f = (c: any) => `P ${c.precision.toFixed(2)} R ${c.recall.toFixed(2)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
console.log('overall all', f(ev.overall.all), '\n quantity', f(ev.overall.quantity), '\n date', f(ev.overall.date));
for (const [k, v] of Object.entries(ev.perSource)) console.log(k, f(v.all));
console.log('edges', ev.edges.reproduced, '/', ev.edges.curated, 'all', ev.edges.curatedAll);
const show = (c: any) => { const v = c.value; const val = v.type === 'quantity' ? `${v.comparator} ${v.amount}${v.parts ? ' parts' : ''}` : `${v.date.value}/${v.date.precision}${v.date.part ? '/' + v.date.part : ''}${v.date.comparator ? '/' + v.date.comparator : ''}`; return `${c.id} ${c.subject} ${c.property} ${val} | ${c.wording} | conf ${c.confidence ?? ''} | ${JSON.stringify(c.scope ?? {})}`; };
if (process.argv.includes('miss')) { console.log('--- MISSED'); for (const c of ev.unmatchedCurated) console.log(show(c), '|', c.quote.exact.slice(0, 80)); }
if (process.argv.includes('fp')) { console.log('--- FALSE POS'); for (const c of ev.unmatchedExtracted) console.log(show(c), '|', c.quote.exact.slice(0, 80)); }
if (process.argv.includes('edges')) console.log(ev.edges.missing.join('\n'));
