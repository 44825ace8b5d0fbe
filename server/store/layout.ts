// Where each kind of record lives under graph-data/. Ids are schema-constrained to
// [a-z0-9-], so a path built from an id always stays inside the store.
import path from 'node:path';

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../graph-data');

export interface StoreLayout {
  root: string;
  sourcesDir: string;
  claimsDir: string;
  entitiesFile: string;
  propertiesFile: string;
  judgementsFile: string;
  /** Reviewers' judgements of sources (primary, derivative of another), one record per source. */
  trustFile: string;
  sourceFile(id: string): string;
  textFile(id: string): string;
  claimsFile(sourceId: string): string;
  /** The document a source's text was derived from (PDF, web page, Word file), kept as it came. */
  originalFile(id: string, extension: string): string;
}

const SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function storeLayout(root: string = DEFAULT_DATA_DIR): StoreLayout {
  const sourcesDir = path.join(root, 'sources');
  const claimsDir = path.join(root, 'claims');
  return {
    root,
    sourcesDir,
    claimsDir,
    entitiesFile: path.join(root, 'entities.json'),
    propertiesFile: path.join(root, 'properties.json'),
    judgementsFile: path.join(root, 'judgements.json'),
    trustFile: path.join(root, 'source-trust.json'),
    sourceFile: (id) => path.join(sourcesDir, `${safe(id)}.json`),
    textFile: (id) => path.join(sourcesDir, `${safe(id)}.txt`),
    claimsFile: (sourceId) => path.join(claimsDir, `${safe(sourceId)}.json`),
    originalFile: (id, extension) => path.join(sourcesDir, `${safe(id)}.original.${safe(extension)}`),
  };
}

function safe(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`not a valid id: ${JSON.stringify(id)}`);
  return id;
}

/** The file a record of this kind lives in, relative to the store root (for problem reports). */
export function relativeFileOf(layout: StoreLayout, claimSource: (claimId: string) => string | undefined) {
  return (kind: string, id: string): string => {
    const rel = (p: string) => path.relative(layout.root, p);
    switch (kind) {
      case 'source':
        return rel(layout.sourceFile(id));
      case 'entity':
        return rel(layout.entitiesFile);
      case 'property':
        return rel(layout.propertiesFile);
      case 'judgement':
        return rel(layout.judgementsFile);
      case 'claim': {
        const source = claimSource(id);
        return source ? rel(layout.claimsFile(source)) : rel(layout.claimsDir);
      }
      default:
        return rel(layout.root);
    }
  };
}
