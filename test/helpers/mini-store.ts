// A tiny, complete store on disk, for tests that need to write without depending on curated data.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anchorQuote } from '../../server/core/anchor.js';
import { sha256 } from '../../server/core/integrity.js';
import type { Claim, Entity, Property, Source } from '../../server/core/schema-types.js';

export const MINI_TEXT =
  'The garrison numbered 4,000 men in 1919. [1] Another account says the garrison numbered some 6,000 men. [ citation needed ]\n\n  1. Smith 1990, p. 4.\n';

export async function miniStore(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'concordance-mini-'));
  await mkdir(path.join(root, 'sources'));
  await mkdir(path.join(root, 'claims'));
  const source: Source = {
    id: 'chronicle',
    title: 'A chronicle',
    publisher: 'Test press',
    kind: 'book',
    text: { file: 'chronicle.txt', sha256: sha256(MINI_TEXT), length: MINI_TEXT.length },
    references: [{ number: 1, text: 'Smith 1990, p. 4.', work: 'Smith 1990', pages: 'p. 4' }],
  };
  const entities: Entity[] = [
    { id: 'garrison', type: 'armed-force', label: 'The garrison', aliases: [{ name: 'garrison' }] },
    { id: 'town', type: 'place', label: 'The town', aliases: [] },
  ];
  const properties: Property[] = [
    { id: 'troop-strength', label: 'troop strength', valueType: 'quantity', unit: 'soldiers', functional: true, cues: ['men', 'troops'] },
    { id: 'founding-date', label: 'founding date', valueType: 'date', functional: true, cues: ['founded'] },
  ];
  const quote = (exact: string) => anchorQuote(MINI_TEXT, exact)!;
  const claims: Claim[] = [
    {
      id: 'chronicle-1',
      source: 'chronicle',
      subject: 'garrison',
      property: 'troop-strength',
      value: { type: 'quantity', comparator: 'exact', amount: 4000, unit: 'soldiers' },
      wording: '4,000 men',
      quote: quote('The garrison numbered 4,000 men in 1919.'),
      citations: [{ kind: 'reference', ref: 1 }],
      status: 'reviewed',
      version: 1,
    },
    {
      id: 'chronicle-2',
      source: 'chronicle',
      subject: 'garrison',
      property: 'troop-strength',
      value: { type: 'quantity', comparator: 'approx', amount: 6000, unit: 'soldiers' },
      wording: 'some 6,000 men',
      quote: quote('the garrison numbered some 6,000 men'),
      citations: [{ kind: 'citation-needed' }],
      status: 'extracted',
      confidence: 0.7,
      version: 1,
    },
  ];
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  await writeFile(path.join(root, 'sources', 'chronicle.txt'), MINI_TEXT);
  await writeFile(path.join(root, 'sources', 'chronicle.json'), json(source));
  await writeFile(path.join(root, 'entities.json'), json(entities));
  await writeFile(path.join(root, 'properties.json'), json(properties));
  await writeFile(path.join(root, 'judgements.json'), '[]\n');
  await writeFile(path.join(root, 'claims', 'chronicle.json'), json(claims));
  return root;
}
