// Review decisions as pure functions: a patch or a hand-made claim in, a new claim record or the
// problems with it out. Nothing is deleted: a rejected claim stays, with status "rejected".
import { anchorQuote } from './anchor.js';
import { citationFromMarker, markersClosingSentence } from './citations.js';
import { checkIntegrity } from './integrity.js';
import { indexCorpus, type Corpus, type CorpusIndex, type DataProblem } from './model.js';
import { check, type SchemaProblem } from './schemas.js';
import type { Claim, ClaimInput, ClaimPatch } from './schema-types.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

export function applyPatch(claim: Claim, patch: ClaimPatch, corpus: Corpus, index?: CorpusIndex): Outcome<Claim> {
  const schema = check('claim-patch.schema.json', patch);
  if (schema.length > 0) return { ok: false, problems: schema };
  const edits = (['value', 'subject', 'property', 'wording', 'scope'] as const).filter((k) => patch[k] !== undefined);
  if (patch.action !== 'edit' && edits.length > 0) {
    return { ok: false, problems: [{ at: `/${edits[0]}`, message: `only an edit may change ${edits.join(', ')}` }] };
  }
  if (patch.action === 'edit' && edits.length === 0) {
    return { ok: false, problems: [{ at: '/', message: 'an edit must change at least one of value, subject, property, wording, scope' }] };
  }
  const next: Claim = {
    ...claim,
    ...(patch.value !== undefined ? { value: patch.value } : {}),
    ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
    ...(patch.property !== undefined ? { property: patch.property } : {}),
    ...(patch.wording !== undefined ? { wording: patch.wording } : {}),
    ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
    ...(patch.note !== undefined ? { note: patch.note } : {}),
    status: patch.action === 'reject' ? 'rejected' : 'reviewed',
    version: (claim.version ?? 1) + 1,
  };
  const problems = claimProblems(next, corpus, index);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: next };
}

export function claimFromInput(input: ClaimInput, corpus: Corpus, id: string, index?: CorpusIndex): Outcome<Claim> {
  const schema = check('claim-input.schema.json', input);
  if (schema.length > 0) return { ok: false, problems: schema };
  const text = corpus.texts.get(input.source);
  if (text === undefined) return { ok: false, problems: [{ at: '/source', message: `unknown source ${input.source}` }] };
  const quote = anchorQuote(text, input.quote.exact, { near: input.quote.start });
  if (!quote) return { ok: false, problems: [{ at: '/quote/exact', message: `the quote is not in the text of ${input.source}` }] };
  const claim: Claim = {
    id,
    source: input.source,
    subject: input.subject,
    property: input.property,
    value: input.value,
    wording: input.wording,
    ...(input.scope ? { scope: input.scope } : {}),
    quote,
    citations: markersClosingSentence(text, quote.end - 1).map(citationFromMarker),
    ...(input.partOf ? { partOf: input.partOf } : {}),
    status: 'reviewed',
    version: 1,
    ...(input.note ? { note: input.note } : {}),
  };
  const problems = claimProblems(claim, corpus, index);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: claim };
}

/**
 * Schema and cross-record problems of one claim against the rest of the corpus: checked on the records
 * it names alone, looked up in `index` (the corpus's, when the caller has it: then the check costs the
 * claim, not the corpus; built here otherwise).
 */
export function claimProblems(claim: Claim, corpus: Corpus, index: CorpusIndex = indexCorpus(corpus)): SchemaProblem[] {
  const schema = check('claim.schema.json', claim);
  if (schema.length > 0) return schema;
  const source = index.source.get(claim.source);
  const property = index.property.get(claim.property);
  const total = claim.partOf ? index.claim.get(claim.partOf) : undefined;
  const entities = new Set<string>([claim.subject]);
  if (claim.value.type === 'entity') entities.add(claim.value.entity);
  if (claim.scope?.place) entities.add(claim.scope.place);
  const slice: Corpus = {
    ...corpus,
    sources: source ? [source] : [],
    entities: [...entities].flatMap((id) => index.entity.get(id) ?? []),
    properties: property ? [property] : [],
    claims: total ? [claim, total] : [claim],
    judgements: [],
  };
  return checkIntegrity(slice, () => '')
    .filter((p: DataProblem) => p.record === claim.id)
    .map((p) => ({ at: p.at ?? '/', message: p.message }));
}
