import { loadStore } from '../server/store/load.js';
import { buildEntityIndex, findMentions, splitSentences, findMarkers, maskSpans } from '../server/extract/index.js';
import { tokenize } from '../server/extract/tokens.js';
const { corpus } = await loadStore();
const needle = process.argv[2]!;
const idx = buildEntityIndex(corpus.entities);
for (const s of corpus.sources) {
  const text = corpus.texts.get(s.id)!;
  const masked = maskSpans(text, findMarkers(text));
  for (const sen of splitSentences(masked)) {
    const st = masked.slice(sen.start, sen.end);
    if (!st.includes(needle)) continue;
    console.log(JSON.stringify(st), sen.isLine, sen.paragraph);
    for (const m of findMentions(idx, masked, tokenize(st, sen.start))) console.log('  ', masked.slice(m.start, m.end), m.entities.map(e => e.id), m.confidence, m.via);
  }
}
