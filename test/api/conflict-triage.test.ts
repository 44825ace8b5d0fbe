// GET /api/conflicts as the explorer's triage list reads it: sorted by the size of the
// disagreement, identical pairs folded, filtered by review status and tolerance, paged.
// Over a copy of the curated graph-data/: asserts relations between answers, not totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData, expectError, expectShape, startApi, type RunningApi } from './harness.js';

interface Claim {
  id: string;
  source: string;
  wording: string;
  status: string;
  scope?: { wording?: string };
}
interface Item {
  id: string;
  reason: string;
  subject: { id: string };
  property: { id: string };
  gap?: { relative?: number; absolute: number };
  a: Claim;
  b: Claim;
  parts?: Claim[];
  same?: string[];
}
interface List {
  count: number;
  offset: number;
  items: Item[];
}

let api: RunningApi;
const list = async (query: string): Promise<List> => {
  const reply = await api.get(`/api/conflicts${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expectShape(reply.body, 'ComparisonList');
  return reply.body as List;
};

beforeAll(async () => {
  api = await startApi(await copyGraphData());
});
afterAll(() => api.close());

const rank = (i: Item): [number, number] =>
  i.gap?.relative !== undefined ? [0, Math.abs(i.gap.relative)] : i.gap ? [1, Math.abs(i.gap.absolute)] : [2, 0];

describe('GET /api/conflicts triage', () => {
  it('sorts by the size of the disagreement, largest first', async () => {
    const { items } = await list('?sort=gap');
    expect(items.length).toBeGreaterThan(3);
    for (let i = 1; i < items.length; i++) {
      const [t0, m0] = rank(items[i - 1]!);
      const [t1, m1] = rank(items[i]!);
      expect(t0 < t1 || (t0 === t1 && m0 >= m1), `${items[i - 1]!.reason} before ${items[i]!.reason}`).toBe(true);
    }
  });

  it('folds identical-looking pairs ("over 72,000" vs two different 70,000 claims) into one item with a count', async () => {
    const all = await list('');
    const grouped = await list('?group=identical');
    expect(grouped.count).toBeLessThan(all.count);
    const folded = grouped.items.filter((i) => i.same);
    expect(folded.length).toBeGreaterThan(0);
    for (const item of folded) {
      expect(item.same![0]).toBe(item.id);
      const members = all.items.filter((i) => item.same!.includes(i.id));
      expect(members).toHaveLength(item.same!.length);
      // Every member reads the same: reason, and the same wordings from the same sources.
      const read = (i: Item) => [i.reason, ...[i.a, i.b].map((c) => `${c.source}|${c.wording}`).sort()].join('#');
      expect(new Set(members.map(read)).size).toBe(1);
    }
    // Nothing lost: the folded items account for every comparison.
    expect(grouped.items.reduce((n, i) => n + (i.same?.length ?? 1), 0)).toBe(all.count);
  });

  it('pages: count is the whole, items the page, the pages join up to the whole list', async () => {
    const whole = await list('?sort=gap&group=identical');
    const first = await list('?sort=gap&group=identical&limit=5');
    const second = await list('?sort=gap&group=identical&offset=5&limit=5');
    expect(first.count).toBe(whole.count);
    expect(second.offset).toBe(5);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(whole.items.slice(0, 10).map((i) => i.id));
    expect((await list(`?group=identical&offset=${whole.count}`)).items).toEqual([]);
  });

  it('a tolerance hides relative gaps under it and keeps those without one', async () => {
    const all = await list('');
    const tolerant = await list('?tolerance=5');
    const expected = all.items.filter((i) => i.gap?.relative === undefined || Math.abs(i.gap.relative) >= 0.05).map((i) => i.id);
    expect(tolerant.items.map((i) => i.id)).toEqual(expected);
    expect(tolerant.count).toBeLessThan(all.count);
  });

  it('filters by review status: unreviewed claims involved, or all reviewed', async () => {
    const all = await list('');
    const unreviewed = await list('?status=extracted');
    const reviewed = await list('?status=reviewed');
    expect(unreviewed.count + reviewed.count).toBe(all.count);
    for (const i of reviewed.items) expect([i.a, i.b, ...(i.parts ?? [])].every((c) => c.status === 'reviewed')).toBe(true);
    for (const i of unreviewed.items) expect([i.a, i.b, ...(i.parts ?? [])].some((c) => c.status === 'extracted')).toBe(true);
  });

  it('sorts by entity, property, source and date without losing items', async () => {
    const all = await list('');
    for (const sort of ['entity', 'property', 'source', 'date']) {
      const sorted = await list(`?sort=${sort}`);
      expect(sorted.items.map((i) => i.id).sort()).toEqual(all.items.map((i) => i.id).sort());
    }
  });

  it('refuses bad paging and sorting with a 400 naming the parameter', async () => {
    expectError(await api.get('/api/conflicts?sort=size'), 400, '/query/sort');
    expectError(await api.get('/api/conflicts?limit=0'), 400, '/query/limit');
    expectError(await api.get('/api/conflicts?offset=-1'), 400, '/query/offset');
    expectError(await api.get('/api/conflicts?tolerance=five'), 400, '/query/tolerance');
    expectError(await api.get('/api/conflicts?status=rejected'), 400, '/query/status');
  });
});

describe('GET /api/search across fields and references', () => {
  interface Hit {
    rank: string;
    field: string;
    matched: string;
  }
  interface Results {
    counts: Record<string, number>;
    claims: (Hit & { id: string })[];
    references: (Hit & { number: number; text: string })[];
  }
  const find = async (q: string): Promise<Results> => {
    const reply = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    expectShape(reply.body, 'SearchResults');
    return reply.body as Results;
  };

  it('finds a reference entry by an author, and the claims citing it', async () => {
    const r = await find('Humphreys');
    expect(r.references.some((h) => h.text.includes('Humphreys'))).toBe(true);
    expect(r.claims.some((h) => h.field === 'citation' && h.matched.includes('Humphreys'))).toBe(true);
  });

  it('matches several words across fields, after the records holding them in one field', async () => {
    const r = await find('Vladivostok 1918');
    expect(r.counts.claims).toBeGreaterThan(0);
    const ranks = r.claims.map((h) => h.rank);
    expect(ranks).toContain('words');
    // "words" matches come after every single-field match.
    expect(ranks.slice(ranks.indexOf('words')).every((k) => k === 'words')).toBe(true);
    // A word that is nowhere still finds nothing.
    expect((await find('Vladivostok zzzqx')).counts.claims).toBe(0);
  });
});

describe('GET /api/timeline', () => {
  interface Entry {
    claim: string;
    source: { id: string };
    subject: { id: string };
    from: number;
    to: number;
    when: string;
    dated: string;
  }
  interface Timeline {
    count: number;
    truncated: boolean;
    entries: Entry[];
    conflicts: { a: string; b: string; reason: string }[];
  }
  const get = async (q: string): Promise<Timeline> => {
    const reply = await api.get(`/api/timeline${q}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expectShape(reply.body, 'Timeline');
    return reply.body as Timeline;
  };

  it('lists the dated claims of an entity earliest first, with the conflicts between them', async () => {
    const all = await get('');
    expect(all.count).toBeGreaterThan(10);
    // The entity with the most dated claims, found from the answer itself.
    const bySubject = new Map<string, number>();
    for (const e of all.entries) bySubject.set(e.subject.id, (bySubject.get(e.subject.id) ?? 0) + 1);
    const [entity] = [...bySubject].sort((a, b) => b[1] - a[1])[0]!;
    const one = await get(`?entity=${entity}`);
    expect(one.entries.length).toBeGreaterThan(1);
    for (let i = 1; i < one.entries.length; i++) expect(one.entries[i]!.from).toBeGreaterThanOrEqual(one.entries[i - 1]!.from);
    for (const e of one.entries) expect(e.to).toBeGreaterThanOrEqual(e.from);
    const ids = new Set(one.entries.map((e) => e.claim));
    for (const c of one.conflicts) expect(ids.has(c.a) && ids.has(c.b)).toBe(true);
    // Across the whole store, some dated claims conflict.
    expect(all.conflicts.length).toBeGreaterThan(0);
    const limited = await get('?limit=3');
    expect(limited).toMatchObject({ count: all.count, truncated: true });
    expect(limited.entries).toHaveLength(3);
  });

  it('refuses an unknown entity with a 400 naming the parameter', async () => {
    expectError(await api.get('/api/timeline?entity=no-such-entity'), 400, '/query/entity');
  });
});
