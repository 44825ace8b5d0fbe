import { loadStore } from '../server/store/load.js';
import { extractClaims } from '../server/extract/index.js';
const { corpus } = await loadStore();
const needle = process.argv[2]!;
for (const s of corpus.sources) {
  const text = corpus.texts.get(s.id)!;
  const r = extractClaims(text, { sourceId: s.id, entities: corpus.entities, properties: corpus.properties }, { minConfidence: 0 });
  for (const c of r.claims) if (c.quote.exact.includes(needle)) { const v: any = c.value; console.log(c.subject, c.property, JSON.stringify(v.type === 'date' ? v.date : [v.comparator, v.amount, v.unit]), '|', c.wording, '|', c.confidence, c.note, JSON.stringify(c.scope ?? {}), JSON.stringify(c.citations.map((x: any) => x.ref ?? 'cn'))); }
}
