// Entities: the list with aliases and counts, and one entity with what every source says about it,
// property by property, values side by side per source with the verdicts between them.
import type { Analysis } from '../../analysis/analyse.js';
import { groupKey } from '../../core/grouping.js';
import type { Claim, Entity, Property, TextSelector } from '../../core/schema-types.js';
import { describeScope } from '../../core/scope.js';
import {
  comparisonsByGroup,
  comparisonView,
  entityRef,
  groupBy,
  isLive,
  likelyOfSet,
  mention,
  perAnalysis,
  propertyRef,
  sourceRef,
  type ComparisonView,
  type LabelRef,
  type LikelyView,
  type SourceRef,
} from './common.js';

export interface EntitySummary {
  id: string;
  label: string;
  type: Entity['type'];
  status: NonNullable<Entity['status']>;
  aliases: string[];
  counts: {
    /** Live claims with this entity as subject. */
    claims: number;
    /** Live relation claims with this entity as object. */
    relations: number;
  };
}

export interface AliasView {
  name: string;
  kind: string | null;
  language: string | null;
  sources: SourceRef[];
}

/** One source's value for a property, in its own words. */
export interface ValueView {
  claim: string;
  source: SourceRef;
  wording: string;
  mention: string;
  scopeWording: string | null;
  quote: Pick<TextSelector, 'exact' | 'start' | 'end'>;
  status: Claim['status'];
}

export interface PropertyGroup {
  property: LabelRef & { valueType: Property['valueType']; unit: string | null; functional: boolean };
  /** Values grouped per source, so they can be read side by side. */
  bySource: { source: SourceRef; values: ValueView[] }[];
  comparisons: ComparisonView[];
  /** The likely value of the largest set of claims stating one figure in one scope, or null. */
  likely: LikelyView | null;
  /** Every such set with two claims or more (a series over time has several). */
  likelySets: (LikelyView & { scope: string })[];
}

export interface RelationView extends ValueView {
  subject: LabelRef;
  property: LabelRef;
  negated: boolean;
}

export interface EntityDetail extends Omit<EntitySummary, 'aliases'> {
  description: string | null;
  aliases: AliasView[];
  properties: PropertyGroup[];
  relations: RelationView[];
}

const claimsByEntity = perAnalysis((analysis) => {
  const live = analysis.corpus.claims.filter(isLive);
  return {
    asSubject: groupBy(live, (c) => c.subject),
    asObject: groupBy(live, (c) => (c.value.type === 'entity' ? c.value.entity : undefined)),
  };
});

/** Entities not rejected, by label. */
export function listEntities(analysis: Analysis): EntitySummary[] {
  return analysis.corpus.entities
    .filter((e) => e.status !== 'rejected')
    .map((e) => ({ ...summaryFields(analysis, e), aliases: e.aliases.map((a) => a.name) }))
    .sort((x, y) => x.label.localeCompare(y.label));
}

/** The entity with its claims, or undefined for an unknown id. */
export function entityDetail(analysis: Analysis, id: string): EntityDetail | undefined {
  const entity = analysis.index.entity.get(id);
  if (!entity) return undefined;
  const { asSubject, asObject } = claimsByEntity(analysis);
  return {
    ...summaryFields(analysis, entity),
    description: entity.description ?? null,
    aliases: entity.aliases.map((a) => ({
      name: a.name,
      kind: a.kind ?? null,
      language: a.language ?? null,
      sources: (a.sources ?? []).map((s) => sourceRef(analysis, s)),
    })),
    properties: propertyGroups(analysis, asSubject.get(id) ?? []),
    relations: (asObject.get(id) ?? []).map((c) => relationView(analysis, c)).sort(byLocation),
  };
}

function summaryFields(analysis: Analysis, e: Entity): Omit<EntitySummary, 'aliases'> {
  const { asSubject, asObject } = claimsByEntity(analysis);
  return {
    id: e.id,
    label: e.label,
    type: e.type,
    status: e.status ?? 'reviewed',
    counts: { claims: asSubject.get(e.id)?.length ?? 0, relations: asObject.get(e.id)?.length ?? 0 },
  };
}

function propertyGroups(analysis: Analysis, claims: readonly Claim[]): PropertyGroup[] {
  const groups = [...groupBy(claims, (c) => c.property)].map(([propertyId, group]): PropertyGroup => {
    const property = analysis.index.property.get(propertyId);
    // The reconciliation's group key: its comparisons are exactly the verdicts between these values.
    const key = groupKey(group[0]!);
    return {
      property: {
        ...propertyRef(analysis, propertyId),
        valueType: property?.valueType ?? group[0]!.value.type,
        unit: property?.unit ?? null,
        functional: property?.functional ?? false,
      },
      bySource: perSource(group.map((c) => valueView(analysis, c))),
      comparisons: (comparisonsByGroup(analysis).get(key) ?? []).map(comparisonView),
      ...likelySetsOf(analysis, key),
    };
  });
  return groups.sort((x, y) => x.property.label.localeCompare(y.property.label));
}

function likelySetsOf(analysis: Analysis, key: string): Pick<PropertyGroup, 'likely' | 'likelySets'> {
  const likelySets = (analysis.likely.byGroup.get(key) ?? []).flatMap((verdict) => {
    const view = likelyOfSet(analysis, verdict.group);
    const claim = analysis.index.claim.get(verdict.claimIds[0]!);
    return view ? [{ ...view, scope: describeScope(claim?.scope) }] : [];
  });
  return { likely: likelySets[0] ?? null, likelySets };
}

function perSource(values: ValueView[]): PropertyGroup['bySource'] {
  return [...groupBy([...values].sort(byLocation), (v) => v.source.id).values()].map((column) => ({
    source: column[0]!.source,
    values: column,
  }));
}

function valueView(analysis: Analysis, claim: Claim): ValueView {
  const { exact, start, end } = claim.quote;
  return {
    claim: claim.id,
    source: sourceRef(analysis, claim.source),
    wording: claim.wording,
    mention: mention(analysis, claim),
    scopeWording: claim.scope?.wording ?? null,
    quote: { exact, start, end },
    status: claim.status,
  };
}

function relationView(analysis: Analysis, claim: Claim): RelationView {
  return {
    ...valueView(analysis, claim),
    subject: entityRef(analysis, claim.subject),
    property: propertyRef(analysis, claim.property),
    negated: claim.value.type === 'entity' && claim.value.negated === true,
  };
}

/** Source title, then position in the text: the order a reader meets the values. */
function byLocation(x: ValueView, y: ValueView): number {
  return x.source.title.localeCompare(y.source.title) || x.quote.start - y.quote.start;
}
