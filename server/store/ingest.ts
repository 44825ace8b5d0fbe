// Adding a source: store its text unchanged with its hash, extract candidate claims, reconcile them
// against everything already in the graph, all in one all-or-nothing write.
import { reanalyseInTurns, stepOf } from '../analysis/analyse.js';
import { judgeOffLoop } from '../analysis/likely-worker.js';
import { calendarProblem } from '../core/dates.js';
import { slug, uniqueId } from '../core/ids.js';
import { sha256 } from '../core/integrity.js';
import { claimsStoodFor, classMembers } from '../core/classes.js';
import type { Comparison } from '../core/types.js';
import { claimProblems } from '../core/review.js';
import type { CorpusIndex } from '../core/model.js';
import { LayeredMap } from '../analysis/layered-map.js';
import { LIMITS } from '../core/limits.js';
import { check } from '../core/schemas.js';
import type { BibliographicRecord, Claim, Entity, Property, Reference, Source, SourceInput } from '../core/schema-types.js';
import { toJsonFile } from './atomic.js';
import { changeLine, changelogPath } from './changelog.js';
import { advanceSeq, lastSeq, MutationError, type Actor } from './mutations.js';
import type { Repository } from './repository.js';
import type { FileWrite } from './transaction.js';
import { attachRecords, parseBibliography, recordOf } from '../formats/bibliography.js';
import { DocumentRefused } from '../formats/types.js';
import type { ExtractProgress, Extractor } from '../extract/types.js';

/** The document a source's text was derived from, kept beside the text with its own SHA-256. */
export interface SourceDocument {
  bytes: Uint8Array;
  mediaType: NonNullable<Source['original']>['mediaType'];
  extension: 'pdf' | 'html' | 'docx';
  fileName?: string;
  /** Where the derived text came from: pages, headings, footnotes. */
  segments: NonNullable<Source['segments']>;
}

export interface IngestResult {
  source: Source;
  claims: Claim[];
  proposedEntities: Entity[];
  proposedProperties: Property[];
  /** The agree/conflict edges the new claims take part in. */
  comparisons: Comparison[];
  warnings: string[];
}

export const MAX_TEXT_CHARS = LIMITS.sourceTextChars.value;

/** Candidate claims checked between two turns of the event loop (about 10-20 ms of checks on a loaded machine). */
const CHECK_SLICE = 500;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Throws the MutationError an ingest of `input` would fail with before any work: bad fields, a text
 * over the limit, binary or HTML, a duplicate. Lets the API refuse before it starts streaming progress.
 */
export function precheckSource(repo: Repository, input: SourceInput): void {
  if (typeof input?.text === 'string' && input.text.length > MAX_TEXT_CHARS) {
    throw new MutationError(
      'too-large',
      `the text has ${input.text.length} characters; the limit is ${MAX_TEXT_CHARS} ${LIMITS.sourceTextChars.what}`,
      [{ at: '/text', message: `must be at most ${MAX_TEXT_CHARS} characters` }],
    );
  }
  // The schema's checks of the text, but counting its code points for maxLength (23 ms for 5 MB):
  // the length check above, in UTF-16 units, already holds the text to that many code points or fewer.
  const text = input?.text;
  const problems = check(
    'source-input.schema.json',
    typeof text === 'string' && text.length > STAND_IN_FROM ? { ...input, text: /\S/.test(text) ? 'x' : ' ' } : input,
  );
  for (const field of ['published'] as const) {
    const value = input?.[field];
    const calendar = typeof value === 'string' && problems.length === 0 ? calendarProblem(value) : undefined;
    if (calendar) problems.push({ at: `/${field}`, message: calendar });
  }
  if (problems.length > 0) throw new MutationError('invalid', problems.map((p) => `${p.at}: ${p.message}`).join('; '), problems);
  bibliographyOf(input);
  const { refusal, hash } = checkedText(input);
  if (refusal) throw new MutationError('invalid', refusal, [{ at: '/text', message: refusal }]);
  const duplicate = repo.snapshot.analysis.corpus.sources.find((s) => s.text.sha256 === hash);
  if (duplicate) throw new MutationError('duplicate', `this text is already stored as source ${duplicate.id}`, { existing: duplicate.id });
}

/** Texts longer than this are checked against the schema through a one-character stand-in (precheckSource). */
const STAND_IN_FROM = 1_000;

/**
 * The text's refusal (refuseText) and its hash, worked out once per submitted input: the route
 * prechecks an input before it streams, then the write checks it again in the write queue (a 5 MB
 * text: scans and a hash of tens of milliseconds each, twice, before extraction starts).
 */
const textChecks = new WeakMap<SourceInput, { text: string; refusal: string | undefined; hash: string }>();

function checkedText(input: SourceInput): { refusal: string | undefined; hash: string } {
  let checked = textChecks.get(input);
  if (checked?.text !== input.text) {
    checked = { text: input.text, refusal: refuseText(input.text), hash: sha256(input.text) };
    textChecks.set(input, checked);
  }
  return checked;
}

export function ingestSource(
  repo: Repository,
  input: SourceInput,
  actor: Actor,
  extract: Extractor,
  onProgress?: ExtractProgress,
  document?: SourceDocument,
): Promise<IngestResult> {
  return repo.exclusive(async () => {
    precheckSource(repo, input);
    const { analysis } = repo.snapshot;
    const { hash } = checkedText(input);

    const bibliography = bibliographyOf(input);
    const id = uniqueId(slug(input.title), analysis.index.source);
    const extraction = await extract(input.text, {
      sourceId: id,
      entities: analysis.corpus.entities,
      properties: analysis.corpus.properties,
      onProgress,
    });
    const known = analysis.index.entity;
    const proposedEntities = extraction.proposedEntities.filter((e) => !known.has(e.id) && check('entity.schema.json', e).length === 0);
    const knownProperties = analysis.index.property;
    const proposedProperties = (extraction.proposedProperties ?? []).filter(
      (p) => !knownProperties.has(p.id) && check('property.schema.json', p).length === 0,
    );
    const source: Source = {
      id,
      title: input.title.trim(),
      publisher: input.publisher.trim(),
      kind: input.kind ?? 'other',
      ...(input.author ? { author: input.author } : {}),
      ...(input.url ? { url: input.url } : {}),
      ...(input.published ? { published: input.published } : {}),
      ...(input.language ? { language: input.language } : {}),
      text: { file: `${id}.txt`, sha256: hash, length: input.text.length },
      ...(document
        ? {
            original: {
              file: `${id}.original.${document.extension}`,
              sha256: sha256(document.bytes),
              mediaType: document.mediaType,
              size: document.bytes.length,
              ...(document.fileName ? { fileName: document.fileName } : {}),
            },
            ...(document.segments.length > 0 ? { segments: document.segments } : {}),
          }
        : {}),
      ...(bibliography.record ? { record: bibliography.record } : {}),
      references: bibliography.attach(
        extraction.references.filter((r) => check('source.schema.json#/definitions/Reference', r).length === 0),
      ),
    };
    const corpus = {
      ...analysis.corpus,
      sources: [...analysis.corpus.sources, source],
      // Layered over the previous texts, not copied (read-only from here).
      texts: LayeredMap.of(analysis.corpus.texts, [[id, input.text]]),
      // The same lists when nothing is proposed: the analysis then keeps their indexes and graph nodes as they are.
      entities: proposedEntities.length > 0 ? [...analysis.corpus.entities, ...proposedEntities] : analysis.corpus.entities,
      properties: proposedProperties.length > 0 ? [...analysis.corpus.properties, ...proposedProperties] : analysis.corpus.properties,
    };
    const warnings = [...extraction.warnings, ...bibliography.warnings];
    // The records the new claims may name, looked up rather than indexed afresh for each claim.
    const lookups: CorpusIndex = {
      source: LayeredMap.of(analysis.index.source, [[id, source]]),
      entity: LayeredMap.of(
        analysis.index.entity,
        proposedEntities.map((e) => [e.id, e]),
      ),
      property: LayeredMap.of(
        analysis.index.property,
        proposedProperties.map((p) => [p.id, p]),
      ),
      claim: analysis.index.claim,
    };
    const claims: Claim[] = [];
    // Checked in slices with a turn of the event loop between them: a paste can bring tens of thousands.
    for (let i = 0; i < extraction.claims.length; i++) {
      if (i > 0 && i % CHECK_SLICE === 0) await turn();
      const claim = extraction.claims[i]!;
      const claimIssues = claimProblems(claim, corpus, lookups);
      if (claimIssues.length === 0) claims.push(claim);
      else warnings.push(`candidate ${claim.id} left out: ${claimIssues.map((p) => `${p.at}: ${p.message}`).join('; ')}`);
    }
    const { value: most, what } = LIMITS.claimsPerSource;
    if (claims.length > most) {
      throw new MutationError(
        'too-large',
        `the text yields ${claims.length} candidate claims; the limit is ${most} ${what}: split the text into several sources`,
        [{ at: '/text', message: `yields more than ${most} claims` }],
      );
    }
    corpus.claims = [...analysis.corpus.claims, ...claims];

    // Analysed and serialised before anything is written: a failure here leaves the store untouched.
    // In turns, the likely values of large groups judged in a worker: other requests are answered meanwhile.
    const next = await reanalyseInTurns(
      analysis,
      corpus,
      claims.map((after) => ({ after })),
      ({ groups, affected, index }, likely) => judgeOffLoop(groups, affected, index, likely),
    );
    const snapshot = repo.prepare(next);
    const seq = (await lastSeq(repo)) + 1;
    const writes: FileWrite[] = [
      { file: repo.layout.textFile(id), content: input.text },
      { file: repo.layout.sourceFile(id), content: toJsonFile(source) },
      { file: repo.layout.claimsFile(id), content: toJsonFile(claims) },
    ];
    if (document) writes.push({ file: repo.layout.originalFile(id, document.extension), content: document.bytes });
    if (proposedEntities.length > 0) writes.push({ file: repo.layout.entitiesFile, content: toJsonFile(corpus.entities) });
    if (proposedProperties.length > 0) writes.push({ file: repo.layout.propertiesFile, content: toJsonFile(corpus.properties) });
    const change = changeLine({ seq, at: new Date().toISOString(), who: actor.who, action: 'ingest', source: id, count: claims.length });
    await repo.commit(writes, [{ file: changelogPath(repo.layout.root), content: change }]);
    advanceSeq(repo, seq);
    repo.install(snapshot);
    const mine = new Set(claims.map((c) => c.id));
    // A value class's record names its first two members; a new claim may be any member of it.
    // New claims are compared only within the groups the write re-compared: its added comparisons, not all.
    const added = stepOf(next)?.added ?? next.comparisons;
    const classes = classMembers(added);
    const comparisons = added.filter((c) => mine.has(c.a) || mine.has(c.b) || claimsStoodFor(c, classes).some((id) => mine.has(id)));
    return { source, claims, proposedEntities, proposedProperties, comparisons, warnings };
  });
}

interface SourceBibliography {
  record?: BibliographicRecord;
  /** The references with the records that belong to them. */
  attach(references: Reference[]): Reference[];
  warnings: string[];
}

/** The source's own record and its references' records, read from the reference manager's export; a 400 naming the field when unreadable. */
function bibliographyOf(input: SourceInput): SourceBibliography {
  const given = input.bibliography;
  const read = (text: string | undefined, at: string): BibliographicRecord[] => {
    if (!text) return [];
    try {
      return parseBibliography(text, at === '/bibliography/record' ? 'record' : 'reference list').map(recordOf);
    } catch (err) {
      if (err instanceof DocumentRefused) throw new MutationError('invalid', err.message, [{ at, message: err.message }]);
      throw err;
    }
  };
  const own = read(given?.record, '/bibliography/record');
  if (own.length > 1)
    throw new MutationError('invalid', `the record names ${own.length} works; give the source's own record alone`, [
      { at: '/bibliography/record', message: 'must hold one entry' },
    ]);
  const cited = read(given?.references, '/bibliography/references');
  const warnings: string[] = [];
  return {
    ...(own[0] ? { record: own[0] } : {}),
    warnings,
    attach(references) {
      if (cited.length === 0) return references;
      const attached = attachRecords(references, cited);
      if (attached.unmatched.length > 0)
        warnings.push(
          `${attached.unmatched.length} bibliography entr${attached.unmatched.length === 1 ? 'y matches' : 'ies match'} no reference of the text: ${attached.unmatched.slice(0, 5).join(' | ')}`,
        );
      return attached.references;
    },
  };
}

/** Why a text cannot be stored as a source, or undefined. HTML documents are refused, not stripped:
 * offsets must point into the text the user sees, so the user should paste the text itself. */
export function refuseText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'the text contains NUL bytes: it looks like a binary file, not text';
  if (text.includes('\uFFFD')) return 'the text contains U+FFFD replacement characters: it was not valid UTF-8';
  // JSON can carry half a surrogate pair ("\ud800"); UTF-8 cannot. The file would hold U+FFFD, every
  // quote anchored in the text as sent would stop matching, and the store would refuse to reopen.
  if (/\p{Cs}/u.test(text)) return 'the text contains a lone UTF-16 surrogate (half of a character): it cannot be stored as UTF-8';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text) || /<(head|body)[\s>]/i.test(text)) {
    return 'the text is an HTML document; paste its plain text instead (HTML is refused, not stripped, so that quotes keep exact offsets)';
  }
  if (text.trim().length === 0) return 'the text is empty';
  return undefined;
}
