// Well-formed JSON with the wrong content, per write endpoint: wrong types, unknown fields (refused
// at every depth), references to records that do not exist, ids that try to be paths, and strings
// that cannot be stored as they were sent. Each starts from a body the endpoint accepts
// (VALID_*, checked by the test) and breaks one thing.
import { WP } from '../api/fixture-store.js';
import { bodyCase, PATCH_CLAIM, POST_CLAIM, POST_SOURCE, type BadCase } from './bad-input-cases.js';

const troops = { type: 'quantity', comparator: 'exact', amount: 70000, unit: 'soldiers' };

export const VALID_CLAIM = {
  source: WP,
  subject: 'japanese-force',
  property: 'troop-strength',
  value: troops,
  wording: '70,000',
  quote: { exact: 'deployed 70,000 troops' },
};
export const VALID_PATCH = { action: 'edit', wording: '70,000 troops', value: { ...troops, amount: 70001 } };
export const VALID_SOURCE = { title: 'Bad input probe', publisher: 'Test press', text: 'The garrison had 9,000 men that winter.' };

/** Strings valid Unicode cannot hold: stored as UTF-8 they would come back as U+FFFD. */
const LONE = ['\ud800', 'x\udfff', '\udc00\ud800'];

export function patchBodyCases(): BadCase[] {
  const c = (name: string, body: unknown, at?: string) => bodyCase(PATCH_CLAIM, name, body, 400, at);
  return [
    c('no action', {}, '/'),
    c('a numeric action', { action: 1 }, '/action'),
    c('an action in an array', { action: ['accept'] }, '/action'),
    c('an unknown action', { action: 'approve' }, '/action'),
    c('a numeric wording', { action: 'edit', wording: 5 }, '/wording'),
    c('an empty wording', { action: 'edit', wording: '' }, '/wording'),
    c('a value as a string', { action: 'edit', value: '70000' }, '/value'),
    c('an amount as a string', { action: 'edit', value: { ...troops, amount: '70000' } }, '/value/amount'),
    c('a scope as an array', { action: 'edit', scope: [] }, '/scope'),
    c('a note as an object', { action: 'accept', note: {} }, '/note'),
    c('an unknown field', { action: 'accept', colour: 'red' }, '/'),
    c('a version in the body', { action: 'accept', version: 5 }, '/'),
    c('an id in the body', { action: 'accept', id: 'other-claim' }, '/'),
    c('a status in the body', { action: 'accept', status: 'reviewed' }, '/'),
    c('an unknown field in the value', { action: 'edit', value: { ...troops, colour: 'red' } }, '/value'),
    c('an unknown field in the scope', { action: 'edit', scope: { colour: 'red' } }, '/scope'),
    c(
      'an unknown field in a scope date',
      { action: 'edit', scope: { pointInTime: { value: '1919', precision: 'year', colour: 1 } } },
      '/scope/pointInTime',
    ),
    c('a __proto__ field', JSON.parse('{"action":"accept","__proto__":{"polluted":true}}'), '/'),
    c('a constructor field', { action: 'accept', constructor: { prototype: { polluted: true } } }, '/'),
    c('an edit of an accept', { action: 'accept', wording: 'x' }, '/wording'),
    c('an unknown subject', { action: 'edit', subject: 'nobody' }, '/subject'),
    c('an unknown property', { action: 'edit', property: 'no-such-property' }, '/property'),
    c('a property of another value type', { action: 'edit', property: 'commanded-by' }, '/value/type'),
    c('an unknown place', { action: 'edit', scope: { place: 'atlantis' } }, '/scope/place'),
    c('a traversal subject', { action: 'edit', subject: '../../etc/passwd' }, '/subject'),
    c('a range ending below its start', { action: 'edit', value: { ...troops, comparator: 'range', upper: 1 } }, '/value/upper'),
    c('an upper end on an exact value', { action: 'edit', value: { ...troops, upper: 80000 } }, '/value/upper'),
    ...LONE.map((s, i) => c(`a lone surrogate in the note (${i + 1})`, { action: 'accept', note: s }, '/note')),
    c('a lone surrogate in the wording', { action: 'edit', wording: `70,000 ${LONE[0]}` }, '/wording'),
  ];
}

export function createClaimCases(): BadCase[] {
  const c = (name: string, change: Record<string, unknown>, at?: string, status = 400) =>
    bodyCase(POST_CLAIM, name, { ...VALID_CLAIM, ...change }, status, at);
  const without = (field: keyof typeof VALID_CLAIM) => {
    const { [field]: _, ...rest } = VALID_CLAIM;
    return bodyCase(POST_CLAIM, `no ${field}`, rest, 400, '/');
  };
  return [
    ...(['source', 'subject', 'property', 'value', 'wording', 'quote'] as const).map(without),
    c('a numeric source', { source: 7 }, '/source'),
    c('a quote as a string', { quote: 'deployed 70,000 troops' }, '/quote'),
    c('a numeric quote', { quote: { exact: 5 } }, '/quote/exact'),
    c('an empty quote', { quote: { exact: '' } }, '/quote/exact'),
    c('a negative quote start', { quote: { exact: 'deployed', start: -1 } }, '/quote/start'),
    c('an amount as a string', { value: { ...troops, amount: '70000' } }, '/value/amount'),
    c('a wording in an array', { wording: ['70,000'] }, '/wording'),
    c('an id (a claim that exists)', { id: 'wp-troops-70000' }, '/'),
    c('a status', { status: 'reviewed' }, '/'),
    c('a version', { version: 1 }, '/'),
    c('citations', { citations: [] }, '/'),
    c('an unknown field', { colour: 'red' }, '/'),
    c('an unknown field in the value', { value: { ...troops, colour: 'red' } }, '/value'),
    c('an end offset in the quote', { quote: { exact: 'deployed', end: 8 } }, '/quote'),
    c('an unknown field in the scope', { scope: { colour: 'red' } }, '/scope'),
    c('an unknown source', { source: 'no-such-source' }, '/source'),
    c('an unknown subject', { subject: 'nobody' }, '/subject'),
    c('an unknown property', { property: 'no-such-property' }, '/property'),
    c('an unknown object entity', { property: 'supported', value: { type: 'entity', entity: 'nobody' } }, '/value/entity'),
    c('a value of another type than the property', { value: { type: 'date', date: { value: '1919', precision: 'year' } } }, '/value/type'),
    c('an unknown partOf', { partOf: 'no-such-claim' }, '/partOf'),
    c('an unknown place', { scope: { place: 'atlantis' } }, '/scope/place'),
    c('a traversal source', { source: '../../etc/passwd' }, '/source'),
    c('a source with a slash', { source: `${WP}/../entities` }, '/source'),
    c('a quote not in the text', { quote: { exact: 'deployed 80,000 troops' } }, '/quote/exact'),
    c('a quote with an RTL override', { quote: { exact: 'deployed \u202E70,000 troops' } }, '/quote/exact'),
    // The text has the composed "Ōtani"; a decomposed lookalike is not the same quote.
    c('a decomposed lookalike of a quote', { quote: { exact: 'O\u0304tani' } }, '/quote/exact'),
    ...LONE.map((s, i) => c(`a lone surrogate in the wording (${i + 1})`, { wording: s }, '/wording')),
    c('a lone surrogate in the note', { note: LONE[0] }, '/note'),
    c('a lone surrogate in the quote', { quote: { exact: `deployed${LONE[0]}` } }, '/quote/exact'),
  ];
}

export function createSourceCases(existingText: string): BadCase[] {
  const c = (name: string, change: Record<string, unknown>, at?: string, status = 400) =>
    bodyCase(POST_SOURCE, name, { ...VALID_SOURCE, ...change }, status, at);
  return [
    c('a numeric title', { title: 7 }, '/title'),
    c('a blank title', { title: '   ' }, '/title'),
    c('a text in an array', { text: ['x'] }, '/text'),
    c('a text as an object', { text: { file: '../../etc/passwd' } }, '/text'),
    c('a numeric kind', { kind: 5 }, '/kind'),
    c('an unknown kind', { kind: 'blog' }, '/kind'),
    c('a numeric date', { published: 1919 }, '/published'),
    c('a malformed date', { published: '19/10/1918' }, '/published'),
    c('a malformed language', { language: 'English' }, '/language'),
    c('a url that is not one', { url: 'not a url' }, '/url'),
    c('an id (a source that exists)', { id: WP }, '/'),
    c('references', { references: [] }, '/'),
    c('claims', { claims: [] }, '/'),
    c('an unknown field', { colour: 'red' }, '/'),
    c('an empty text', { text: '' }, '/text'),
    c('a blank text', { text: ' \n\t ' }, '/text'),
    c('a NUL in the text', { text: 'a\u0000b' }, '/text'),
    c('a replacement character in the text', { text: 'a\uFFFDb' }, '/text'),
    c('an HTML document', { text: '<!DOCTYPE html><html><body>x</body></html>' }, '/text'),
    c('the text of a stored source', { text: existingText }, undefined, 409),
    c('a text over 5 million characters', { text: 'x'.repeat(5_000_001) }, undefined, 413),
    ...LONE.map((s, i) => c(`a lone surrogate in the text (${i + 1})`, { text: `The garrison had 9,000 men ${s} that winter.` }, '/text')),
    c('a lone surrogate in the title', { title: `Probe ${LONE[0]}` }, '/title'),
    c('a lone surrogate in the publisher', { publisher: LONE[1] }, '/publisher'),
  ];
}

/**
 * POST /api/sources with a body a cross-site form or no-cors fetch can send without a CORS
 * preflight (text/plain, url-encoded, multipart): refused with 415 whatever it holds, well formed
 * or not (the plain-text upload with its metadata in the query is gone, issue 12).
 */
export function plainTextCases(): BadCase[] {
  const form = (name: string, contentType: string, query: string, body: string | Buffer): BadCase => ({
    name: `POST /api/sources (${contentType.split(';')[0]}): ${name}`,
    method: 'POST',
    path: `/api/sources${query}`,
    headers: { 'content-type': contentType },
    body,
    status: 415,
    at: '/headers/content-type',
  });
  const ok = '?title=Probe&publisher=Test';
  return [
    form('a well-formed upload', 'text/plain; charset=utf-8', ok, 'Some text.'),
    form('an unknown parameter', 'text/plain; charset=utf-8', `${ok}&colour=red`, 'Some text.'),
    form('a body that is not UTF-8', 'text/plain; charset=utf-8', ok, Buffer.from([0x41, 0xff, 0xfe, 0x42])),
    form('a UTF-16 body', 'text/plain; charset=utf-16le', ok, Buffer.from('Some text.', 'utf16le')),
    form('an empty body', 'text/plain', ok, ''),
    form('a url-encoded form', 'application/x-www-form-urlencoded', '', 'title=Probe&publisher=Test&text=Some+text.'),
    form(
      'a multipart form',
      'multipart/form-data; boundary=x',
      '',
      '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nSome text.\r\n--x--\r\n',
    ),
  ];
}
