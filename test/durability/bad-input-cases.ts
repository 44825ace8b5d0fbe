// Hostile and malformed requests, as data: every read endpoint (from the OpenAPI endpoint table, so a
// new endpoint is covered without touching this file) and every write endpoint, each with the 4xx
// it must get. The test sends each one and checks the answer and that the store did not change.
import { ENDPOINTS } from '../../server/api/openapi.js';
import { requestSchemas } from '../../server/api/validation.js';
import { WP } from '../api/fixture-store.js';

export interface BadCase {
  name: string;
  method: string;
  /** Sent byte for byte: nothing resolves "../" or re-encodes on the way. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  chunked?: boolean;
  /** The status required; a list when routing decides between equally right refusals. */
  status: number | number[];
  /** A JSON pointer the details must name. */
  at?: string;
}

/** Ids of the fixture store (test/api/fixture-store.ts) that exist, per kind of {id} route. */
export const EXISTING = { sources: WP, entities: 'semyonov', claims: 'wp-troops-70000' } as const;

/** Path segments that must never be taken as an id: traversal, NUL, lookalikes, bad encodings. */
export const HOSTILE_IDS: { name: string; segment: string; status: number | number[] }[] = [
  { name: 'encoded ../../', segment: '..%2F..%2Fentities', status: 400 },
  { name: 'lower-case encoded ../', segment: '..%2f..%2fetc%2fpasswd', status: 400 },
  { name: 'encoded dots', segment: '%2e%2e', status: 400 },
  { name: 'encoded dots and slashes', segment: '%2E%2E%2F%2E%2E%2Fgraph-data', status: 400 },
  { name: 'raw ..', segment: '..', status: [400, 404] },
  { name: 'raw ../..', segment: '../../entities', status: [400, 404] },
  { name: 'an absolute path', segment: '%2Fetc%2Fpasswd', status: 400 },
  { name: 'backslashes', segment: '..%5C..%5Cwindows', status: 400 },
  { name: 'a NUL byte', segment: 'semyonov%00.json', status: 400 },
  { name: 'fullwidth letters', segment: encodeURIComponent('ｓｅｍｙｏｎｏｖ'), status: 400 },
  { name: 'a Cyrillic lookalike', segment: encodeURIComponent('sеmyonov'), status: 400 },
  { name: 'an RTL override', segment: encodeURIComponent('\u202Esemyonov'), status: 400 },
  { name: 'a combining mark', segment: encodeURIComponent('semyono\u0301v'), status: 400 },
  { name: 'an encoded lone surrogate', segment: '%ED%A0%80', status: 400 },
  { name: 'a broken escape', segment: '%zz', status: 400 },
  { name: 'upper case', segment: 'SEMYONOV', status: 400 },
  { name: 'an over-long id', segment: 'a'.repeat(129), status: 400 },
  { name: 'a double hyphen', segment: 'a--b', status: 400 },
];

const fill = (template: string, id: string) => template.replace('{id}', id);
const kindOf = (template: string) => template.split('/')[2] as keyof typeof EXISTING;

/** Unknown and repeated query parameters on every GET endpoint; hostile ids on every {id} route. */
export function readCases(): BadCase[] {
  const cases: BadCase[] = [];
  for (const e of ENDPOINTS.filter((x) => (x.method ?? 'get') === 'get')) {
    const path = fill(e.path, EXISTING[kindOf(e.path)] ?? '');
    const required = e.path === '/api/search' ? 'q=semyonov&' : '';
    cases.push({
      name: `GET ${e.path} with an unknown parameter`,
      method: 'GET',
      path: `${path}?${required}colour=red`,
      status: 400,
      at: '/query/colour',
    });
    const first = Object.keys((requestSchemas.get(e.query)?.properties ?? {}) as object)[0] ?? 'x';
    cases.push({
      name: `GET ${e.path} with ${first} repeated`,
      method: 'GET',
      path: `${path}?${first}=a&${first}=b`,
      status: 400,
      at: `/query/${first}`,
    });
    if (!e.path.includes('{id}')) continue;
    for (const h of HOSTILE_IDS)
      cases.push({ name: `GET ${e.path} with ${h.name}`, method: 'GET', path: fill(e.path, h.segment), status: h.status });
  }
  const get = (name: string, path: string, status: number, at?: string): BadCase => ({ name, method: 'GET', path, status, at });
  cases.push(
    get('search without q', '/api/search', 400, '/query/q'),
    get('search for punctuation only', '/api/search?q=--', 400, '/query/q'),
    get('search with a bare %', '/api/search?q=%', 400, '/query/q'),
    get('search with an encoded lone surrogate', '/api/search?q=%ED%A0%80', 400, '/query/q'),
    get('search with q as an object', '/api/search?q[a]=b', 400),
    get('search over 200 characters', `/api/search?q=${'a'.repeat(201)}`, 400, '/query/q'),
    get('search with limit 0', '/api/search?q=semyonov&limit=0', 400, '/query/limit'),
    get('search with limit -1', '/api/search?q=semyonov&limit=-1', 400, '/query/limit'),
    get('conflicts of an unknown entity', '/api/conflicts?entity=nobody', 400, '/query/entity'),
    get('conflicts of an unknown source', '/api/conflicts?source=nowhere', 400, '/query/source'),
    get('agreements of an unknown property', '/api/agreements?property=no-such-property', 400, '/query/property'),
    get('conflicts with a traversal source', '/api/conflicts?source=..%2F..%2Fetc', 400, '/query/source'),
    get('conflicts with a bad scope', '/api/conflicts?scope=sideways', 400, '/query/scope'),
    get('a graph view of an unknown entity', '/api/graph?view=entity&id=nobody', 404),
    get('a graph view without its id', '/api/graph?view=source', 400, '/query/id'),
    get('a graph neighbourhood 4 hops deep', '/api/graph?view=neighbourhood&id=entity:semyonov&hops=4', 400, '/query/hops'),
  );
  return cases;
}

export interface WriteTarget {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };

export const PATCH_CLAIM: WriteTarget = {
  name: 'PATCH /api/claims/:id',
  method: 'PATCH',
  path: `/api/claims/${EXISTING.claims}`,
  headers: { ...JSON_TYPE, 'if-match': '"1"' },
};
export const POST_CLAIM: WriteTarget = { name: 'POST /api/claims', method: 'POST', path: '/api/claims', headers: JSON_TYPE };
export const POST_SOURCE: WriteTarget = { name: 'POST /api/sources', method: 'POST', path: '/api/sources', headers: JSON_TYPE };
export const WRITE_TARGETS = [PATCH_CLAIM, POST_CLAIM, POST_SOURCE];

/** Over the 21 MB body limit. */
const HUGE = Buffer.alloc(22 * 1024 * 1024, 'x');

/** What every write endpoint must refuse whatever it expects: broken JSON, non-objects, oversize, bad headers. */
export function malformedBodyCases(t: WriteTarget): BadCase[] {
  const raw = (
    name: string,
    body: string | Buffer,
    status: number,
    headers: Record<string, string> = {},
    extra: Partial<BadCase> = {},
  ): BadCase => ({
    name: `${t.name}: ${name}`,
    method: t.method,
    path: t.path,
    headers: { ...t.headers, ...headers },
    body,
    status,
    ...extra,
  });
  return [
    raw('an unclosed object', '{', 400),
    raw('a trailing comma', '{"action":"accept",}', 400),
    raw('single quotes', "{'action':'accept'}", 400),
    raw('garbage after the object', '{"action":"accept"} x', 400),
    raw('a raw control character in a string', '{"note":"a\u0001b"}', 400),
    raw('a bare word', 'nul', 400),
    raw('JSON null', 'null', 400),
    raw('a JSON string', '"accept"', 400),
    raw('a JSON number', '42', 400),
    raw('a JSON array', '[]', 400, {}, { at: '/body' }),
    raw('an array of objects', '[{"action":"accept"}]', 400, {}, { at: '/body' }),
    raw('an object nested 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 400),
    raw('an array nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400),
    raw('a body over the limit', HUGE, 413),
    raw('a chunked body over the limit', HUGE, 413, {}, { chunked: true }),
    raw('form encoding', 'action=accept', 415, { 'content-type': 'application/x-www-form-urlencoded' }),
    raw('no content type', '{}', 415, { 'content-type': '' }),
    raw('an unsupported charset', '{}', 415, { 'content-type': 'application/json; charset=latin1' }),
    raw('a corrupt gzip body', 'not gzip', 400, { 'content-encoding': 'gzip' }),
    raw('an unknown content encoding', '{}', 415, { 'content-encoding': 'zz' }),
    raw('a malformed reviewer name', '{}', 400, { 'x-reviewer': '<script>' }, { at: '/headers/x-reviewer' }),
    { ...raw('a query parameter', '{}', 400), path: `${t.path}?dryRun=1`, at: '/query/dryRun' },
    { ...raw('a repeated query parameter', '{}', 400), path: `${t.path}?a=1&a=2`, at: '/query/a' },
  ];
}

/** A JSON body case: `body` is serialised as is (JSON.stringify escapes a lone surrogate as \ud800). */
export function bodyCase(t: WriteTarget, name: string, body: unknown, status: number, at?: string): BadCase {
  return { name: `${t.name}: ${name}`, method: t.method, path: t.path, headers: t.headers, body: JSON.stringify(body), status, at };
}

/** PATCH-only refusals: If-Match, and hostile ids in the path of a write. */
export function patchHeaderCases(): BadCase[] {
  const body = JSON.stringify({ action: 'accept' });
  const patch = (name: string, headers: Record<string, string>, status: number, at?: string): BadCase => ({
    name: `${PATCH_CLAIM.name}: ${name}`,
    method: 'PATCH',
    path: PATCH_CLAIM.path,
    headers: { ...JSON_TYPE, ...headers },
    body,
    status,
    at,
  });
  return [
    patch('no If-Match', {}, 428, '/headers/if-match'),
    patch('If-Match *', { 'if-match': '*' }, 400, '/headers/if-match'),
    patch('two ETags in If-Match', { 'if-match': '"1", "2"' }, 400, '/headers/if-match'),
    patch('a version too large to be one', { 'if-match': '"99999999999"' }, 400, '/headers/if-match'),
    patch('a stale version', { 'if-match': '"7"' }, 412),
    ...HOSTILE_IDS.map((h): BadCase => ({
      ...patch(h.name, { 'if-match': '"1"' }, 0),
      path: `/api/claims/${h.segment}`,
      status: h.status,
    })),
    { ...patch('an unknown claim', { 'if-match': '"1"' }, 404), path: '/api/claims/no-such-claim' },
  ];
}

/** DELETE /api/sources/:id and POST /api/changes/:seq/revert: If-Match, hostile ids and seqs, bodies. */
export function deleteAndRevertCases(): BadCase[] {
  const source = `/api/sources/${EXISTING.sources}`;
  const del = (name: string, headers: Record<string, string>, status: number | number[], path = source, at?: string): BadCase => ({
    name: `DELETE /api/sources/{id}: ${name}`,
    method: 'DELETE',
    path,
    headers,
    status,
    at,
  });
  const revert = (name: string, seq: string, status: number | number[], body?: string, at?: string): BadCase => ({
    name: `POST /api/changes/{seq}/revert: ${name}`,
    method: 'POST',
    path: `/api/changes/${seq}/revert`,
    headers: JSON_TYPE,
    body,
    status,
    at,
  });
  return [
    del('no If-Match', {}, 428, source, '/headers/if-match'),
    del('a weak ETag', { 'if-match': 'W/"abc"' }, 400, source, '/headers/if-match'),
    del('If-Match *', { 'if-match': '*' }, 400, source, '/headers/if-match'),
    del('a stale ETag', { 'if-match': '"not-the-etag"' }, 412),
    del('an unknown source', { 'if-match': '"x"' }, 404, '/api/sources/no-such-source'),
    ...HOSTILE_IDS.map((h) => del(h.name, { 'if-match': '"x"' }, ([] as number[]).concat(h.status, 405), `/api/sources/${h.segment}`)),
    revert('an unknown change', '999999', 404),
    revert('seq 0', '0', 400, undefined, '/params/seq'),
    revert('a negative seq', '-1', 400, undefined, '/params/seq'),
    revert('an exponent', '1e3', 400, undefined, '/params/seq'),
    revert('a seq beyond 2^53', '9007199254740993', 400, undefined, '/params/seq'),
    revert('an encoded traversal', '..%2F..%2Fsources', [400, 404]),
    revert('an unknown field', '1', 400, JSON.stringify({ colour: 'red' }), '/'),
    revert('a note with ESC', '1', 400, JSON.stringify({ note: '\u001b[2J' }), '/note'),
    revert('a note too long', '1', 400, JSON.stringify({ note: 'x'.repeat(2001) }), '/note'),
    revert('a body that is not an object', '1', 400, '[1]'),
  ];
}
