// The fresh-text benchmark's data (bench/fresh/, the set kept for final issue-11 figures) must be exactly what
// its README promises, checked as for the unseen set (test/bench/benchmark-checks.ts), plus the size the brief
// set: at least 10 texts of 1-5 kB, 7 of them not on the Siberian intervention, 110 annotated items, none taken
// from the texts the extractor was developed or measured on.
import path from 'node:path';
import { describeBenchmarkData, ROOT } from './benchmark-checks.js';

describeBenchmarkData('fresh-text', {
  dir: path.join(ROOT, 'bench/fresh'),
  minTexts: 10,
  minOtherSubjects: 7,
  minItems: 110,
  maxBytes: 5000,
  notFrom: ['graph-data/sources', 'test/extract/held-out', 'test/extract/dev', 'bench/unseen/texts', '../shared/sources'],
  minOthers: 28,
});
