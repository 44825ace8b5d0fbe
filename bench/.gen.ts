import type { Corpus } from '../server/core/model.js';
import { loadStore } from '../server/store/load.js';
import { writeFileSync } from 'node:fs';
/** A deterministic 5 MB text in the bundled sources' vocabulary: names, cues, figures, dates, markers, OCR noise. */
function syntheticText(c: Corpus, bytes: number): string {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const names = c.entities.flatMap((e) => e.aliases.map((a) => a.name)).filter((n) => /^[A-Z]/.test(n));
  const cues = c.properties.flatMap((p) => p.cues ?? []);
  const months = ['January', 'March', 'May', 'July', 'October', 'December'];
  const figure = () => `${pick(['', 'over ', 'some ', 'almost ', 'up to ', 'at least ', 'fewer than '])}${Math.floor(rand() * 90 + 1)},${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  const date = () => pick([`${pick(months)} ${Math.floor(rand() * 28) + 1}, 19${10 + Math.floor(rand() * 20)}`, `${Math.floor(rand() * 28) + 1} ${pick(months)} 19${10 + Math.floor(rand() * 20)}`, `early 19${10 + Math.floor(rand() * 20)}`, `by ${pick(months)} 19${10 + Math.floor(rand() * 20)}`]);
  // Prose without figures or dates, as most sentences of a real source are (the bundled sources hold
  // about 3 claims per kilobyte; this text is generated to a similar density, reported below).
  const prose = () => pick([
    () => `${pick(names)} ${pick(cues)} the ${pick(names)} near ${pick(names)}, while ${pick(names)} ${pick(cues)} its position.`,
    () => `According to ${pick(names)}, the ${pick(names)} had ${pick(cues)} the ${pick(names)} and could damage the interests of ${pick(names)}.`,
    () => `However, ${pick(names)} was not ready for a large-scale open war with ${pick(names)}, and ${pick(names)} found the proposal acceptable.`,
  ])();
  const figures = () => pick([
    () => `By ${date()}, ${pick(names)} ${pick(cues)} ${figure()} ${pick(['troops', 'soldiers', 'men', 'settlers', 'dead'])}.`,
    () => `${pick(names)} was ${pick(cues)} on ${date()} at ${pick(names)}.[${Math.floor(rand() * 9) + 1}]`,
    () => `Tbe ${pick(names)} ${pick(cues)} ${figure().replace(',', '.')} troops¹ and ${pick(['two', 'five', 'a hundred'])} officers.`,
    () => `The ${pick(names)} suffered ${figure()} killed and another ${figure()} deaths from disease.[ citation needed ]`,
    () => `${pick(names)} (${1850 + Math.floor(rand() * 40)}–${1900 + Math.floor(rand() * 40)}) ${pick(cues)} the ${pick(names)} from 19${10 + Math.floor(rand() * 10)} to 19${20 + Math.floor(rand() * 10)}.`,
  ])();
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 4 + Math.floor(rand() * 4) }, () => (rand() < 0.3 ? figures() : prose())).join(' ') + '\n\n';
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}


const { corpus } = await loadStore();
writeFileSync('/tmp/wx/synth.txt', syntheticText(corpus, 5_000_000));
