// Results files mix measured figures, rewritten by each run, with notes written by hand (what a
// profile showed, what changed): a run replaces only the part between its markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- measurements:start (rewritten by the benchmark; notes outside these markers are kept) -->';
const END = '<!-- measurements:end -->';

export function writeMeasurements(file: string, title: string, section: string): void {
  const block = `${START}\n${section}\n${END}`;
  if (!existsSync(file)) {
    writeFileSync(file, `# ${title}\n\n${block}\n`);
    return;
  }
  const old = readFileSync(file, 'utf8');
  // Earlier files named the benchmark in the start marker: any start marker counts.
  const from = old.indexOf('<!-- measurements:start');
  const to = old.indexOf(END);
  writeFileSync(
    file,
    from === -1 || to === -1 ? `${old.trimEnd()}\n\n${block}\n` : old.slice(0, from) + block + old.slice(to + END.length),
  );
}
