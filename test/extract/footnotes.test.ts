import { describe, expect, it } from 'vitest';
import { citationsOf, findMarkers, maskSpans } from '../../server/extract/footnotes.js';

const refsOf = (text: string, maxRef?: number) =>
  findMarkers(text, { maxRef }).map((m) => ({ exact: text.slice(m.start, m.end), refs: m.refs, kind: m.kind }));

describe('footnote markers', () => {
  it('reads bracketed numbers and citation-needed notes', () => {
    expect(refsOf('disease. [4] Japanese forces')).toEqual([{ exact: '[4]', refs: [4], kind: 'bracket' }]);
    expect(refsOf('coalition.[ citation needed ]')).toEqual([{ exact: '[ citation needed ]', refs: [], kind: 'citation-needed' }]);
  });

  it('reads OCR superscripts, splitting a run that exceeds the reference list', () => {
    expect(refsOf('troops.¹² The', 20)).toEqual([{ exact: '¹²', refs: [12], kind: 'superscript' }]);
    expect(refsOf('troops.¹² The', 5)).toEqual([{ exact: '¹²', refs: [1, 2], kind: 'superscript' }]);
    expect(refsOf('troops¹,³ and', 5)[0]!.refs).toEqual([1, 3]);
  });

  it('reads digits glued after a full stop only when a new sentence follows', () => {
    expect(refsOf('deployed 70,000 troops.12 The Army stayed.', 20)).toEqual([{ exact: '12', refs: [12], kind: 'glued' }]);
    expect(refsOf('deployed 70,000 troops.12 more arrived.', 20)).toEqual([]);
    expect(refsOf('Gow 2004, p.12 The next', 20)).toEqual([]); // a page locator
    expect(refsOf('grew by 1.12 Then', 20)).toEqual([]); // a decimal
    expect(refsOf('the troops.45 The', 20)).toEqual([]); // beyond the reference list
  });

  it('masks notes that cite nothing, and keeps offsets when masking', () => {
    const text = 'He was Ataman.[a] Then [ clarification needed ] came [7].';
    const markers = findMarkers(text);
    expect(markers.map((m) => m.kind)).toEqual(['note', 'note', 'bracket']);
    const masked = maskSpans(text, markers);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/\[|\]/);
    expect(citationsOf(text, markers)).toEqual([{ kind: 'reference', ref: 7, marker: expect.objectContaining({ exact: '[7]' }) }]);
  });
});
