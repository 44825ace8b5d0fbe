// Search over entities (every alias), claims (wording, quote, subject, the references they cite),
// sources (title, publisher) and the sources' reference entries, insensitive to accents, case and
// punctuation: "semenov" finds Semyonov through his alias, "otani" finds Ōtani Kikuzō, "Humphreys"
// finds the reference and the claims citing it. Ranked exact match, then prefix, then word start,
// then substring; a query of several words that no one field holds matches a record holding every
// word somewhere in its fields ("Vladivostok 1918": a claim about Vladivostok quoting 1918), last.
import type { Analysis } from '../../analysis/analyse.js';
import type { Entity } from '../../core/schema-types.js';
import { fold } from '../../common/fold.js';
import { entityRef, isLive, perAnalysis, propertyRef, sourceRef, type LabelRef, type SourceRef } from './common.js';

export const DEFAULT_SEARCH_LIMIT = 20;

export type MatchRank = 'exact' | 'prefix' | 'word' | 'substring' | 'words';
const RANK_ORDER: readonly MatchRank[] = ['exact', 'prefix', 'word', 'substring', 'words'];

/** How a folded candidate matches a folded query, or undefined when it does not. */
export function matchRank(candidate: string, query: string): MatchRank | undefined {
  if (query === '') return undefined;
  if (candidate === query) return 'exact';
  if (candidate.startsWith(query)) return 'prefix';
  if (candidate.includes(` ${query}`)) return 'word';
  return candidate.includes(query) ? 'substring' : undefined;
}

interface Field<F extends string> {
  field: F;
  text: string;
  folded: string;
}

interface Indexed<T, F extends string> {
  hit: T;
  fields: Field<F>[];
}

export type Hit<T, F extends string> = T & { rank: MatchRank; field: F; matched: string };

interface EntityRecord {
  id: string;
  label: string;
  type: Entity['type'];
}
interface ClaimRecord {
  id: string;
  source: SourceRef;
  subject: LabelRef;
  property: LabelRef;
  wording: string;
}
interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
}
interface ReferenceRecord {
  source: SourceRef;
  number: number;
  text: string;
}

export type EntityHit = Hit<EntityRecord, 'label' | 'alias'>;
export type ClaimHit = Hit<ClaimRecord, 'wording' | 'quote' | 'subject' | 'citation'>;
export type SourceHit = Hit<SourceRecord, 'title' | 'publisher'>;
export type ReferenceHit = Hit<ReferenceRecord, 'text'>;

export interface SearchResults {
  query: string;
  folded: string;
  /** Matches per kind before the limit. */
  counts: { entities: number; claims: number; sources: number; references: number };
  entities: EntityHit[];
  claims: ClaimHit[];
  sources: SourceHit[];
  references: ReferenceHit[];
}

const field = <F extends string>(name: F, text: string): Field<F> => ({ field: name, text, folded: fold(text) });

/** Folded text of everything searchable, built once per snapshot. */
const searchIndex = perAnalysis((analysis) => ({
  entities: analysis.corpus.entities
    .filter((e) => e.status !== 'rejected')
    .map((e): Indexed<EntityRecord, EntityHit['field']> => ({
      hit: { id: e.id, label: e.label, type: e.type },
      fields: [field('label', e.label), ...e.aliases.map((a) => field('alias', a.name))],
    })),
  claims: analysis.corpus.claims.filter(isLive).map((c): Indexed<ClaimRecord, ClaimHit['field']> => {
    const subject = entityRef(analysis, c.subject);
    const references = analysis.index.source.get(c.source)?.references ?? [];
    const cited = c.citations.flatMap((cit) =>
      cit.kind === 'reference' ? references.filter((r) => r.number === cit.ref).map((r) => field('citation', r.text)) : [],
    );
    return {
      hit: { id: c.id, source: sourceRef(analysis, c.source), subject, property: propertyRef(analysis, c.property), wording: c.wording },
      fields: [field('wording', c.wording), field('quote', c.quote.exact), field('subject', subject.label), ...cited],
    };
  }),
  sources: analysis.corpus.sources.map((s): Indexed<SourceRecord, SourceHit['field']> => ({
    hit: { id: s.id, title: s.title, publisher: s.publisher },
    fields: [field('title', s.title), field('publisher', s.publisher)],
  })),
  references: analysis.corpus.sources.flatMap((s) =>
    s.references.map((r): Indexed<ReferenceRecord, ReferenceHit['field']> => ({
      hit: { source: { id: s.id, title: s.title }, number: r.number, text: r.text },
      fields: [field('text', r.text)],
    })),
  ),
}));

/** Search results, or undefined when the query has no letter or digit left to search for. */
export function search(analysis: Analysis, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResults | undefined {
  const folded = fold(query);
  if (folded === '') return undefined;
  const index = searchIndex(analysis);
  const entities = ranked(index.entities, folded);
  const claims = ranked(index.claims, folded);
  const sources = ranked(index.sources, folded);
  const references = ranked(index.references, folded);
  return {
    query,
    folded,
    counts: { entities: entities.length, claims: claims.length, sources: sources.length, references: references.length },
    entities: entities.slice(0, limit),
    claims: claims.slice(0, limit),
    sources: sources.slice(0, limit),
    references: references.slice(0, limit),
  };
}

/** Each record's best-matching field, best records first; shorter matched text breaks ties. */
function ranked<T, F extends string>(records: readonly Indexed<T, F>[], query: string): Hit<T, F>[] {
  const words = query.split(' ');
  const hits: { hit: Hit<T, F>; order: number; length: number }[] = [];
  for (const { hit, fields } of records) {
    let best: { rank: MatchRank; order: number; f: Field<F> } | undefined;
    for (const f of fields) {
      const rank = matchRank(f.folded, query);
      const order = rank ? RANK_ORDER.indexOf(rank) : Infinity;
      if (rank && (!best || order < best.order || (order === best.order && f.folded.length < best.f.folded.length)))
        best = { rank, order, f };
    }
    if (!best && words.length > 1) best = everyWord(fields, words);
    if (best)
      hits.push({
        hit: { ...hit, rank: best.rank, field: best.f.field, matched: best.f.text },
        order: best.order,
        length: best.f.folded.length,
      });
  }
  hits.sort((x, y) => x.order - y.order || x.length - y.length || x.hit.matched.localeCompare(y.hit.matched));
  return hits.map((h) => h.hit);
}

/**
 * Several words that no single field holds together: a match when each word starts a word of some
 * field of the record. The field reported is the one holding the most of them.
 */
function everyWord<F extends string>(
  fields: readonly Field<F>[],
  words: readonly string[],
): { rank: MatchRank; order: number; f: Field<F> } | undefined {
  const holds = (f: Field<F>, w: string) => f.folded.startsWith(w) || f.folded.includes(` ${w}`);
  if (!words.every((w) => fields.some((f) => holds(f, w)))) return undefined;
  const f = [...fields].sort((a, b) => words.filter((w) => holds(b, w)).length - words.filter((w) => holds(a, w)).length)[0]!;
  return { rank: 'words', order: RANK_ORDER.indexOf('words'), f };
}
