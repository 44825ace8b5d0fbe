// The client's pure helpers, without a browser: the view state <-> URL normalisation and the
// source reader's cutting of text into highlighted pieces.
import { describe, expect, it } from 'vitest';
import { segments } from '../../client/src/panels/source-reader.js';
import { DEFAULT_STATE, type ViewState } from '../../client/src/state/types.js';
import { normalise, parseQuery, toQuery } from '../../client/src/state/url.js';

const state = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...patch });

describe('view state in the URL', () => {
  it('the default view is the bare address', () => {
    expect(toQuery(DEFAULT_STATE)).toBe('');
    expect(parseQuery('')).toEqual(DEFAULT_STATE);
  });

  it('drops defaults, keeps a fixed order and readable keys, rounds the camera', () => {
    const q = toQuery(
      state({
        lens: true,
        node: 'claim:wp-7',
        panel: 'details',
        hidden: ['citation', 'source'],
        camera: { x: 0.123456, y: 0.5, ratio: 0.333333 },
      }),
    );
    expect(q).toBe('?node=claim:wp-7&panel=details&lens=1&hide=source,citation&cam=0.1235,0.5,0.3333');
    expect(toQuery(state({ camera: { x: 0.5, y: 0.5, ratio: 1 } }))).toBe('');
  });

  it('round-trips, and parsing is forgiving of junk', () => {
    const s = state({ edge: 'conflicts:a--b', panel: 'details', list: true, hidden: ['claim'] });
    expect(parseQuery(toQuery(s))).toEqual(s);
    expect(parseQuery('?node=<script>&hide=bogus,entity&cam=1,2&lens=yes&panel=evil')).toEqual(state({ hidden: ['entity'] }));
  });

  it('a panel needs a selection; node wins over edge; the reader needs a node', () => {
    expect(normalise(state({ panel: 'details' })).panel).toBeNull();
    expect(parseQuery('?node=entity:x&edge=agrees:y')).toMatchObject({ node: 'entity:x', edge: null });
    expect(parseQuery('?edge=agrees:y&panel=reader').panel).toBe('details');
  });
});

describe('source reader segments', () => {
  const span = (claim: string, start: number, end: number) => ({
    claim,
    start,
    end,
    property: 'p',
    status: 'reviewed' as const,
    citationNeeded: false,
    verdicts: { agrees: 0, conflicts: 0 },
  });

  it('cuts at every boundary; overlapping spans cover the shared piece; out-of-range spans are ignored', () => {
    const text = 'abcdefghij';
    const segs = segments(
      text,
      [span('a', 2, 6), span('b', 4, 8), span('bad', 5, 99)],
      [{ kind: 'reference', ref: 1, exact: 'j', start: 9, end: 10 }],
    );
    expect(segs.map((s) => text.slice(s.start, s.end))).toEqual(['ab', 'cd', 'ef', 'gh', 'i', 'j']);
    expect(segs.map((s) => s.spans.map((x) => x.claim).join('+'))).toEqual(['', 'a', 'a+b', 'b', '', '']);
    expect(segs.at(-1)!.marker?.ref).toBe(1);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
  });
});
