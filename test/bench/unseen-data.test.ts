// The unseen-text benchmark's data (bench/unseen/, development data since 2026-12-03) must be exactly what its
// README promises; the checks are shared with the fresh set (test/bench/benchmark-checks.ts).
import { UNSEEN_DIR } from '../../bench/unseen/data.js';
import { describeBenchmarkData } from './benchmark-checks.js';

describeBenchmarkData('unseen-text', {
  dir: UNSEEN_DIR,
  minTexts: 8,
  minOtherSubjects: 3,
  maxBytes: 15000,
  notFrom: ['graph-data/sources', 'test/extract/held-out'],
  minOthers: 4,
});
