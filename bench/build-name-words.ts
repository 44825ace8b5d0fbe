// npx tsx bench/build-name-words.ts [word list …]
//   Writes the two general word lists the extractor judges proposed names by (server/extract/name-plausibility.ts):
//   - server/extract/words/english.txt: common English words in lower case, from SCOWL's small American and British
//     lists as Debian ships them (packages wamerican-small and wbritish-small: /usr/share/dict/*-english-small;
//     licence: SCOWL's, free to use, copy and distribute with its notice, kept in the file's header);
//   - server/extract/words/given-names.txt: given names, from the lexicon of the compromise package (MIT), tagged
//     #MaleName, #FemaleName or #FirstName.
//   (Kept in bench/ with the other tools run by hand: it needs the devDependency compromise.) Neither list is taken from any text the extractor is measured on; rerun only to change the source lists.
import nlp from 'compromise';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const sources = process.argv.slice(2);
const lists = sources.length > 0 ? sources : ['/usr/share/dict/american-english-small', '/usr/share/dict/british-english-small'];
const english = new Set<string>();
for (const file of lists)
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const w = line.trim();
    // Lower-case entries only: the lists' capitalised entries are proper names and the words formed from them.
    if (/^[a-z]+$/.test(w)) english.add(w);
  }
const header = [
  '# Common English words in lower case (bench/build-name-words.ts): SCOWL small American and British lists,',
  '# Copyright 2000-2011 Kevin Atkinson; permission to use, copy, modify, distribute and sell these word lists,',
  '# the associated scripts, the output created from the scripts and its documentation for any purpose is',
  '# granted without fee, provided that the above copyright notice appears in all copies and that both that',
  '# copyright notice and this permission notice appear in supporting documentation.',
];
writeFileSync(path.join(ROOT, 'server/extract/words/english.txt'), [...header, ...[...english].sort()].join('\n') + '\n');

const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one
  .lexicon;
const given = Object.entries(lexicon)
  .filter(([word, tags]) => /^[a-z]+$/.test(word) && /MaleName|FemaleName|FirstName/.test([tags].flat().join(',')))
  .map(([word]) => word)
  .sort();
writeFileSync(
  path.join(ROOT, 'server/extract/words/given-names.txt'),
  ['# Given names in lower case (bench/build-name-words.ts): the lexicon of the compromise package (MIT licence).', ...given].join('\n') +
    '\n',
);
console.log(`english.txt: ${english.size} words; given-names.txt: ${given.length} names`);
