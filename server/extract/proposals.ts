// New entities proposed for capitalised names no alias matched: a person after a title or with an
// initial, a place after "in"/"at" or named "Lake …"/"… River", an organisation, force, event or
// document by its head word. Spellings of one name (same folded key, or the same phonetic key for a
// person) become one proposal. The words below are generic English, never a subject area's vocabulary.
import type { Entity } from '../core/schema-types.js';
import { phoneticKeys } from './entities.js';
import { foldName, stripAccents, type Token } from './tokens.js';

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: Entity['type'];
  confidence: number;
}

const TITLES = new Set(['general', 'admiral', 'president', 'minister', 'prime', 'lieutenant', 'lieut', 'colonel', 'captain', 'major', 'ataman', 'baron', 'tsar', 'emperor', 'empress', 'king', 'queen', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'count', 'prince', 'princess', 'marshal', 'commander', 'senator', 'governor', 'judge', 'bishop', 'rear', 'vice', 'chief', 'foreign', 'editor', 'professor', 'sergeant', 'duke', 'mayor', 'sheriff', 'reverend', 'father', 'brother', 'sister', 'saint']);
const STOP = new Set(['the', 'tbe', 'thc', 'tho', 'a', 'an', 'in', 'on', 'at', 'by', 'after', 'before', 'however', 'although', 'during', 'following', 'when', 'while', 'this', 'that', 'these', 'those', 'it', 'its', 'his', 'her', 'their', 'they', 'he', 'she', 'we', 'our', 'there', 'once', 'unlike', 'according', 'if', 'any', 'some', 'many', 'most', 'soon', 'furthermore', 'rather', 'similar', 'thus', 'initially', 'as', 'for', 'from', 'with', 'of', 'to', 'under', 'since', 'until', 'both', 'each', 'all', 'one', 'two', 'three', 'but', 'and', 'or', 'so', 'yet', 'also', 'not', 'no', 'yes', 'what', 'which', 'who', 'why', 'how', 'where', 'then', 'here', 'read', 'click', 'accept', 'part', 'date', 'last', 'first', 'i', 'you', 'my', 'your', 'over', 'more', 'less', 'only', 'even', 'still', 'now', 'later', 'overtly', 'previously', 'instead', 'meanwhile', 'moreover', 'nevertheless', 'besides', 'therefore', 'indeed', 'again', 'another', 'other', 'such', 'every', 'several', 'between', 'among', 'within', 'without', 'into', 'onto', 'upon', 'about', 'against', 'along', 'around', 'towards', 'near', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'fall', 'winter', 'retrieved', 'archive', 'photo', 'flag', 'related', 'casualties', 'commanders', 'leaders', 'losses', 'effects', 'background']);
const PLACE_HEAD = new Set(['river', 'lake', 'sea', 'ocean', 'bay', 'gulf', 'island', 'islands', 'mountains', 'mount', 'peninsula', 'strait', 'province', 'provinces', 'region', 'district', 'krai', 'oblast', 'city', 'town', 'village', 'valley', 'station', 'port', 'street', 'square', 'county', 'state', 'territory', 'coast', 'cape', 'fort', 'desert', 'forest', 'plain', 'pass', 'harbour', 'harbor', 'junction', 'yard', 'yards', 'mills', 'works']);
const ORG_HEAD = new Set(['company', 'committee', 'party', 'ministry', 'government', 'union', 'society', 'council', 'bank', 'railway', 'railroad', 'corporation', 'association', 'office', 'department', 'bureau', 'university', 'church', 'league', 'federation', 'institute', 'agency', 'cross', 'club', 'newspaper', 'press', 'house', 'brotherhood', 'guild', 'assembly', 'parliament', 'senate', 'congress', 'diet', 'court', 'commission', 'board', 'trust', 'works', 'inc', 'ltd']);
const FORCE_HEAD = new Set(['army', 'navy', 'force', 'forces', 'corps', 'division', 'regiment', 'brigade', 'legion', 'fleet', 'squadron', 'guard', 'guards', 'marines', 'militia', 'battalion', 'police']);
const EVENT_HEAD = new Set(['war', 'revolution', 'battle', 'incident', 'intervention', 'expedition', 'conference', 'strike', 'massacre', 'uprising', 'revolt', 'rebellion', 'crisis', 'campaign', 'siege', 'riot', 'riots', 'election', 'movement']);
const DOCUMENT_HEAD = new Set(['treaty', 'convention', 'agreement', 'act', 'accord', 'pact', 'declaration', 'protocol', 'charter', 'constitution', 'report']);
const CONNECTORS = new Set(['of', 'the', 'de', 'von', 'van', 'der', 'den', 'al', 'on', 'and', 'du', 'la', 'le', 'des', 'da', 'di']);
const GAP = /^[\s.'’‐-]{0,3}$/;

/** Capitalised name spans among tokens, skipping tokens already matched to an entity (`covered[i]`). */
export function nameSpans(text: string, tokens: readonly Token[], covered: readonly boolean[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isNameWord(tokens[i]!)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (covered[j + 1] || !joins(text, tokens[j]!, next)) break;
      if (isNameWord(next)) { j++; continue; }
      const after = tokens[j + 2];
      // "Baltimore and Ohio Railroad" is one name, "the Chinese Eastern Railway and Lake Khanka" two.
      const listed = next.lower === 'and' && isHead(tokens[j]!.lower);
      if (CONNECTORS.has(next.lower) && !listed && after && !covered[j + 2] && isNameWord(after) && joins(text, next, after)) { j += 2; continue; }
      break;
    }
    const span = classify(text, tokens, i, j);
    if (span) out.push(span);
    i = j;
  }
  return out;
}

function isHead(word: string): boolean {
  return PLACE_HEAD.has(word) || ORG_HEAD.has(word) || FORCE_HEAD.has(word) || EVENT_HEAD.has(word) || DOCUMENT_HEAD.has(word);
}

/** Two words of one name: a space or hyphen between them, or a full stop only after an initial ("G. F. Krivosheyev"). */
function joins(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return GAP.test(gap) && (!gap.includes('.') || a.text.length <= 2);
}

function isNameWord(t: Token): boolean {
  if (!t.capital) return false;
  return /^\p{L}+(?:['’]\p{L}+)?$/u.test(t.text) && !(t.text.length > 5 && t.text === t.text.toUpperCase());
}

function classify(text: string, tokens: readonly Token[], i: number, j: number): NameSpan | undefined {
  const words = tokens.slice(i, j + 1);
  let first = 0;
  while (first < words.length && (STOP.has(words[first]!.lower) || TITLES.has(words[first]!.lower))) first++;
  const core = words.slice(first);
  if (core.length === 0) return undefined;
  const lower = core.map((w) => w.lower);
  const head = lower[lower.length - 1]!;
  const titled = first > 0 && words.slice(0, first).some((w) => TITLES.has(w.lower));
  const previous = i > 0 ? tokens[i - 1]!.lower : '';
  const hasInitial = /(?:^|\s)\p{Lu}\.\s*\p{Lu}/u.test(text.slice(core[0]!.start, core[core.length - 1]!.end + 1));
  let type: Entity['type'] = 'other';
  let confidence = 0.3;
  if (DOCUMENT_HEAD.has(lower[0]!) || lower.some((w) => DOCUMENT_HEAD.has(w) && w !== 'act' && w !== 'report')) [type, confidence] = ['document', 0.6];
  else if (EVENT_HEAD.has(head)) [type, confidence] = ['event', 0.6];
  else if (FORCE_HEAD.has(head)) [type, confidence] = ['armed-force', 0.6];
  else if (ORG_HEAD.has(head)) [type, confidence] = ['organisation', 0.6];
  else if (PLACE_HEAD.has(head) || PLACE_HEAD.has(lower[0]!)) [type, confidence] = ['place', 0.6];
  else if (titled || hasInitial) [type, confidence] = ['person', 0.65];
  else if (/^(?:in|at|near|from|to|towards|via|outside)$/.test(previous) && core.length <= 2) [type, confidence] = ['place', 0.45];
  else if (core.length >= 2 && core.length <= 3 && core.every((w) => !CONNECTORS.has(w.lower))) [type, confidence] = ['person', 0.4];
  if (type === 'other' || lower.every((w) => TITLES.has(w) || STOP.has(w) || CONNECTORS.has(w))) return undefined;
  // A head word alone ("War", "River", "Army") names nothing in particular.
  if (core.length === 1 && isHead(head)) return undefined;
  const start = core[0]!.start;
  const end = core[core.length - 1]!.end;
  return { start, end, text: text.slice(start, end), type, confidence };
}

interface Proposal {
  entity: Entity;
  confidence: number;
  count: number;
  keys: string[];
}

/** Gathers name spans across a text into proposed entities with stable ids. */
export class ProposalCollector {
  private readonly byKey = new Map<string, Proposal>();
  private readonly ordered: Proposal[] = [];
  private readonly taken: Set<string>;

  constructor(private readonly sourceId: string, existingIds: Iterable<string>) {
    this.taken = new Set(existingIds);
  }

  /** Records a name and returns its proposal, merged with earlier spellings. */
  add(span: NameSpan): { entity: Entity; confidence: number } {
    const key = foldName(span.text);
    const sound = span.type === 'person' ? phoneticKeys(span.text.split(/\s+/).pop()!).map((k) => `${span.type}:${k}:${key.split(' ').length}`) : [];
    let proposal = this.byKey.get(key) ?? sound.map((k) => this.byKey.get(k)).find(Boolean);
    if (!proposal) {
      const entity: Entity = { id: this.freshId(span.text), type: span.type, label: span.text, status: 'proposed', aliases: [{ name: span.text, kind: 'label', sources: [this.sourceId] }] };
      proposal = { entity, confidence: span.confidence, count: 0, keys: [] };
      this.ordered.push(proposal);
    } else if (!proposal.entity.aliases.some((a) => a.name === span.text)) {
      proposal.entity.aliases.push({ name: span.text, kind: 'spelling', sources: [this.sourceId] });
    }
    proposal.count++;
    proposal.confidence = Math.min(0.9, Math.max(proposal.confidence, span.confidence) + (proposal.count > 1 ? 0.05 : 0));
    for (const k of [key, ...sound]) if (!this.byKey.has(k)) this.byKey.set(k, proposal);
    return { entity: proposal.entity, confidence: proposal.confidence };
  }

  results(minConfidence: number): { entities: Entity[]; confidence: Record<string, number> } {
    const kept = this.ordered.filter((p) => p.confidence >= minConfidence);
    for (const p of kept) p.entity.description = `Proposed by extraction from ${this.sourceId}: ${p.count} mention${p.count === 1 ? '' : 's'}, confidence ${p.confidence.toFixed(2)}.`;
    return { entities: kept.map((p) => p.entity), confidence: Object.fromEntries(kept.map((p) => [p.entity.id, Number(p.confidence.toFixed(2))])) };
  }

  private freshId(name: string): string {
    const base = stripAccents(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'entity';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
