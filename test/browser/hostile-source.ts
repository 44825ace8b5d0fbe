// A hostile source for the XSS test, written into a temp copy of graph-data/: markup in the text, the
// title, a reference, an entity's label and alias, a property label, claim wordings and a curated
// judgement's reason. Any of them rendered as HTML would set window.__pwned.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const HOSTILE = {
  source: 'xss-test',
  entity: 'xss-entity',
  property: 'xss-note',
  claimScript: 'xss-claim-script',
  claimImg: 'xss-claim-img',
  judgement: 'xss-judgement',
};

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

export const HOSTILE_TEXT = [
  `Hostile source ${IMG} for the browser tests.`,
  '',
  `The next line is a script element: ${SCRIPT}`,
  `And an image with an onerror handler: ${IMG} [1]`,
  'A statement nobody supports. [ citation needed ]',
  '',
].join('\n');

async function readArray(file: string): Promise<unknown[]> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown[];
}

function quoteOf(exact: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = HOSTILE_TEXT.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`hostile text lacks ${exact}`);
  return { exact, start, end: start + exact.length };
}

export async function addHostileSource(dataDir: string): Promise<void> {
  const sources = path.join(dataDir, 'sources');
  await writeFile(path.join(sources, `${HOSTILE.source}.txt`), HOSTILE_TEXT, 'utf8');
  await writeFile(
    path.join(sources, `${HOSTILE.source}.json`),
    JSON.stringify(
      {
        id: HOSTILE.source,
        title: `${IMG} Hostile ${SCRIPT} source`,
        publisher: `${SCRIPT} Publisher`,
        kind: 'other',
        language: 'en',
        note: `${IMG} a note`,
        text: {
          file: `${HOSTILE.source}.txt`,
          sha256: createHash('sha256').update(HOSTILE_TEXT, 'utf8').digest('hex'),
          length: HOSTILE_TEXT.length,
        },
        references: [{ number: 1, text: `${IMG} Reference ${SCRIPT}` }],
      },
      null,
      2,
    ),
  );

  const entitiesFile = path.join(dataDir, 'entities.json');
  await writeFile(
    entitiesFile,
    JSON.stringify(
      [
        ...(await readArray(entitiesFile)),
        {
          id: HOSTILE.entity,
          type: 'person',
          label: `${IMG}Mallory`,
          description: `${SCRIPT} described`,
          status: 'reviewed',
          aliases: [
            { name: `${IMG}Mallory`, kind: 'label' },
            { name: `Mallory ${SCRIPT}`, kind: 'spelling' },
          ],
        },
      ],
      null,
      2,
    ),
  );

  const propertiesFile = path.join(dataDir, 'properties.json');
  await writeFile(
    propertiesFile,
    JSON.stringify(
      [
        ...(await readArray(propertiesFile)),
        {
          id: HOSTILE.property,
          label: `${IMG} note`,
          valueType: 'text',
          functional: true,
        },
      ],
      null,
      2,
    ),
  );

  const claim = (id: string, text: string, quote: ReturnType<typeof quoteOf>, citations: unknown[]) => ({
    id,
    source: HOSTILE.source,
    subject: HOSTILE.entity,
    property: HOSTILE.property,
    value: { type: 'text', text },
    wording: text,
    quote,
    citations,
    status: 'reviewed',
  });
  await writeFile(
    path.join(dataDir, 'claims', `${HOSTILE.source}.json`),
    JSON.stringify(
      [
        claim(HOSTILE.claimScript, SCRIPT, quoteOf(SCRIPT), []),
        claim(HOSTILE.claimImg, IMG, quoteOf(IMG, 1), [{ kind: 'reference', ref: 1 }]),
      ],
      null,
      2,
    ),
  );

  const judgementsFile = path.join(dataDir, 'judgements.json');
  await writeFile(
    judgementsFile,
    JSON.stringify(
      [
        ...(await readArray(judgementsFile)),
        {
          id: HOSTILE.judgement,
          a: HOSTILE.claimScript,
          b: HOSTILE.claimImg,
          verdict: 'conflicts',
          reason: `${IMG} because ${SCRIPT}`,
        },
      ],
      null,
      2,
    ),
  );
}
