// The third fresh-text benchmark's data (bench/fresh3/, built for the final issue-11 figure after bench/fresh/
// was studied) must be exactly what its README promises, checked as for the other sets
// (test/bench/benchmark-checks.ts): at least 10 texts of 1-5 kB from different publishers, 7 of them not on the
// Siberian intervention, 110 annotated items, none taken from the texts the extractor was developed or measured
// on, the two earlier benchmark sets included.
import path from 'node:path';
import { describeBenchmarkData, ROOT } from './benchmark-checks.js';

describeBenchmarkData('fresh3-text', {
  dir: path.join(ROOT, 'bench/fresh3'),
  minTexts: 10,
  minOtherSubjects: 7,
  minItems: 110,
  maxBytes: 5000,
  notFrom: [
    'graph-data/sources',
    'test/extract/held-out',
    'test/extract/dev',
    'bench/unseen/texts',
    'bench/fresh/texts',
    '../shared/sources',
  ],
  // 39 texts in the repository's folders (2 + 2 + 14 + 10 + 11), whether or not ../shared is there.
  minOthers: 39,
});
