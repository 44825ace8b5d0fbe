// npx tsx test/extract/dev/run.ts — prints the development-text scores (see dev.ts) and what is missed.
import { loadStore } from '../../../server/store/load.js';
import { measureDev } from './dev.js';

const { corpus } = await loadStore();
const scores = measureDev(corpus.entities, corpus.properties);
const sum = (k: 'expected' | 'found' | 'withSubject' | 'withProperty' | 'candidates' | 'candidatesRight') =>
  scores.reduce((n, s) => n + s[k], 0);
for (const s of scores) {
  console.log(
    `${s.name.padEnd(24)} found ${s.found}/${s.expected}  subject ${s.withSubject}  property ${s.withProperty}  candidates ${s.candidatesRight}/${s.candidates}  apparatus ${s.fromApparatus.length}  proposals ${s.proposals.length} junk ${s.junk.length}`,
  );
  if (process.argv.includes('-v')) {
    for (const m of s.misses) console.log(`   miss: ${m}`);
    console.log(`   proposals: ${s.proposals.join(', ')}`);
    if (s.junk.length) console.log(`   junk: ${s.junk.join(', ')}`);
    if (s.fromApparatus.length) console.log(`   apparatus: ${s.fromApparatus.join(' | ')}`);
  }
}
const proposals = scores.reduce((n, s) => n + s.proposals.length, 0);
const junk = scores.reduce((n, s) => n + s.junk.length, 0);
console.log(
  `ALL found ${sum('found')}/${sum('expected')}  subject ${sum('withSubject')}  property ${sum('withProperty')}  precision ${sum('candidatesRight')}/${sum('candidates')}  junk proposals ${junk}/${proposals}`,
);
