// Cross-record checks that a schema cannot express: ids resolve, quotes match their source text,
// reference numbers exist, texts match their recorded hash.
import { createHash } from 'node:crypto';
import { selectorProblem } from './anchor.js';
import { calendarProblem, dateSpan } from './dates.js';
import { indexCorpus, type Corpus, type DataProblem } from './model.js';
import type { Claim, DateValue } from './schema-types.js';

export function sha256(data: string | Uint8Array): string {
  return (typeof data === 'string' ? createHash('sha256').update(data, 'utf8') : createHash('sha256').update(data)).digest('hex');
}

/**
 * The hash of a source text, remembered for the last text: claimProblems checks an ingest's claims one
 * at a time, each against the same source text, and hashing a 5 MB text again for each of 152 claims
 * held the event loop for 1.7 s (bench/results/ingest-stall.md).
 */
let lastHashed: { text: string; hash: string } | undefined;
function textHash(text: string): string {
  if (lastHashed?.text !== text) lastHashed = { text, hash: sha256(text) };
  return lastHashed.hash;
}

export function checkIntegrity(corpus: Corpus, fileOf: (kind: string, id: string) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  const index = indexCorpus(corpus);
  const report = (kind: string, id: string, message: string, at?: string, code?: DataProblem['code']) =>
    problems.push({ file: fileOf(kind, id), record: id, at, message, ...(code ? { code } : {}) });
  const changedTexts = new Set<string>();

  duplicates(corpus.sources, 'source', report);
  duplicates(corpus.entities, 'entity', report);
  duplicates(corpus.properties, 'property', report);
  duplicates(corpus.claims, 'claim', report);
  duplicates(corpus.judgements, 'judgement', report);

  for (const source of corpus.sources) {
    const text = corpus.texts.get(source.id);
    if (text === undefined) {
      report('source', source.id, `text file ${source.text.file} is missing`);
      continue;
    }
    const actual = textHash(text);
    if (actual !== source.text.sha256) {
      changedTexts.add(source.id);
      report('source', source.id, `text changed: sha256 is ${actual}, recorded ${source.text.sha256}`, '/text/sha256', 'text-changed');
    }
    if (text.length !== source.text.length)
      report('source', source.id, `text length is ${text.length}, recorded ${source.text.length}`, '/text/length', 'text-changed');
    const numbers = new Set<number>();
    source.references.forEach((ref, i) => {
      if (numbers.has(ref.number)) report('source', source.id, `reference ${ref.number} appears twice`, `/references/${i}`);
      numbers.add(ref.number);
      const problem = ref.quote && selectorProblem(text, ref.quote);
      if (problem)
        report(
          'source',
          source.id,
          `reference ${ref.number} quote: ${problem}`,
          `/references/${i}/quote`,
          changedTexts.has(source.id) ? 'orphaned-quote' : undefined,
        );
    });
  }

  for (const claim of corpus.claims) checkClaim(claim);
  for (const j of corpus.judgements) {
    for (const side of ['a', 'b'] as const) {
      if (!index.claim.has(j[side])) report('judgement', j.id, `${side} names unknown claim ${j[side]}`, `/${side}`);
    }
    if (j.a === j.b) report('judgement', j.id, 'a judgement compares a claim with itself');
  }
  return problems;

  function checkClaim(claim: Claim): void {
    const bad = (message: string, at?: string, code?: DataProblem['code']) => report('claim', claim.id, message, at, code);
    const source = index.source.get(claim.source);
    if (!source) bad(`unknown source ${claim.source}`, '/source');
    if (!index.entity.has(claim.subject)) bad(`unknown subject entity ${claim.subject}`, '/subject');
    const property = index.property.get(claim.property);
    if (!property) bad(`unknown property ${claim.property}`, '/property');
    else if (property.valueType !== claim.value.type) {
      bad(`property ${property.id} takes ${property.valueType} values, not ${claim.value.type}`, '/value/type');
    }
    if (claim.value.type === 'entity' && !index.entity.has(claim.value.entity)) {
      bad(`unknown object entity ${claim.value.entity}`, '/value/entity');
    }
    if (claim.value.type === 'quantity') checkQuantity(claim, bad);
    checkDates(claim, bad);
    if (claim.scope?.place && !index.entity.has(claim.scope.place)) bad(`unknown place ${claim.scope.place}`, '/scope/place');
    if (claim.partOf) {
      const total = index.claim.get(claim.partOf);
      if (!total) bad(`partOf names unknown claim ${claim.partOf}`, '/partOf');
      else if (total.source !== claim.source) bad(`partOf names claim ${claim.partOf} of another source`, '/partOf');
    }
    const text = corpus.texts.get(claim.source);
    if (text === undefined) return;
    const quoteProblem = selectorProblem(text, claim.quote);
    if (quoteProblem) bad(`quote: ${quoteProblem}`, '/quote', changedTexts.has(claim.source) ? 'orphaned-quote' : undefined);
    claim.citations.forEach((c, i) => {
      if (c.kind === 'reference' && source && !source.references.some((r) => r.number === c.ref)) {
        bad(`citation [${c.ref}] is not in the reference list of ${source.id}`, `/citations/${i}/ref`);
      }
      const markerProblem = c.marker && selectorProblem(text, c.marker);
      if (markerProblem)
        bad(`citation marker: ${markerProblem}`, `/citations/${i}/marker`, changedTexts.has(claim.source) ? 'orphaned-quote' : undefined);
    });
  }
}

function checkQuantity(claim: Claim, bad: (message: string, at?: string) => void): void {
  const value = claim.value;
  if (value.type !== 'quantity') return;
  if (value.comparator === 'range' && (value.upper === undefined || value.upper < value.amount)) {
    bad('a range needs an upper end not below its amount', '/value/upper');
  }
  if (value.comparator !== 'range' && value.upper !== undefined) bad('only a range has an upper end', '/value/upper');
  if (value.parts) {
    const sum = value.parts.reduce((s, p) => s + p.amount, 0);
    if (sum !== value.amount) bad(`amount ${value.amount} is not the sum of its parts (${sum})`, '/value/amount');
  }
}

/** Every date of a claim names a real day, and a period does not end before it starts. */
function checkDates(claim: Claim, bad: (message: string, at?: string) => void): void {
  const dated: [string, DateValue | undefined][] = [
    ['/value/date', claim.value.type === 'date' ? claim.value.date : undefined],
    ['/scope/pointInTime', claim.scope?.pointInTime],
    ['/scope/period/start', claim.scope?.period?.start],
    ['/scope/period/end', claim.scope?.period?.end],
  ];
  for (const [at, date] of dated) {
    const problem = date && calendarProblem(date.value);
    if (problem) bad(problem, `${at}/value`);
  }
  const { start, end } = claim.scope?.period ?? {};
  if (start && end && !calendarProblem(start.value) && !calendarProblem(end.value) && dateSpan(end).hi < dateSpan(start).lo) {
    bad('the period ends before it starts', '/scope/period');
  }
}

function duplicates(records: { id: string }[], kind: string, report: (kind: string, id: string, message: string) => void): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) report(kind, r.id, `duplicate ${kind} id`);
    seen.add(r.id);
  }
}
