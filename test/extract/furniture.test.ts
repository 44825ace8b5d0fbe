import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/extract/index.js';
import { pageFurniture } from '../../server/extract/furniture.js';

const slice = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end).trim());

const CAPTURE = [
  'Jump to content',
  'Main menu',
  'Home | News | Sport | Weather | Contact',
  'Published 3 May 2021',
  '',
  'Harbour Bridge Reopens After Repairs',
  '',
  'By Jane Doe',
  '',
  'The Harbour Bridge reopened on Monday after repairs that cost 4 million pounds, the city council said. About 40,000 vehicles cross the Harbour Bridge each day.',
  '',
  'Share this article',
  'Print Email Facebook Twitter',
  'Contact: 555-123-4567',
  'Read more',
].join('\n');

describe('page furniture (furniture.ts)', () => {
  it('masks menus, timestamps and contact lines, and proposes no name from the chrome around the prose', () => {
    const f = pageFurniture(CAPTURE);
    expect(slice(CAPTURE, f.masked)).toEqual(
      expect.arrayContaining([
        'Home | News | Sport | Weather | Contact',
        'Published 3 May 2021',
        'Contact: 555-123-4567',
        'Print Email Facebook Twitter',
      ]),
    );
    const noNames = slice(CAPTURE, f.noNames);
    for (const line of ['Jump to content', 'Main menu', 'By Jane Doe', 'Share this article', 'Read more']) expect(noNames).toContain(line);
    expect(noNames.some((l) => l.startsWith('The Harbour Bridge'))).toBe(false);
  });

  it('takes as title the heading the opening prose restates, not the first line of the page', () => {
    const f = pageFurniture(CAPTURE);
    expect(f.title && CAPTURE.slice(f.title.start, f.title.end)).toBe('Harbour Bridge Reopens After Repairs');
  });

  it('gives no entity for furniture and hangs the figures on the named subject, not on the chrome', () => {
    const r = extractClaims(CAPTURE, { sourceId: 'capture', entities: [], properties: [] }, { minConfidence: 0 });
    const labels = r.proposedEntities.map((e) => e.label);
    for (const junk of ['Jump', 'Main', 'Jane Doe', 'Share', 'Read', 'Published', 'Home', 'Contact'])
      expect(labels.some((l) => l.includes(junk))).toBe(false);
    expect(r.claims.some((c) => c.quote.exact.includes('555'))).toBe(false);
    expect(r.claims.some((c) => c.value.type === 'date' && c.value.date.value === '2021-05-03')).toBe(false);
    const vehicles = r.claims.find((c) => c.value.type === 'quantity' && c.value.amount === 40000);
    expect(vehicles?.subject).toMatch(/harbour-bridge/);
  });

  it('keeps a heading set in capitals as the title, and infobox rows and hard-wrapped prose as they are', () => {
    const report =
      'REPORT ON THE FIRE AT THE GRAND THEATRE, EXETER\n\n1. The fire broke out at the theatre on the night of 5 September 1887, when the house was full.';
    const f = pageFurniture(report);
    expect(f.masked).toEqual([]);
    expect(f.title && report.slice(f.title.start, f.title.end)).toBe('REPORT ON THE FIRE AT THE GRAND THEATRE, EXETER');
    const infobox =
      'Battle of Example\n\nDate: 4 June 1916\nLocation: Example Bay\nStrength: 12,000 infantry, 40 guns\n\nThe Battle of Example was fought between two fleets in the bay, and it lasted two days.';
    expect(slice(infobox, pageFurniture(infobox).masked)).toEqual([]);
    const ocr =
      'the Allied governments had still reached no agreement on the\nscale of the undertaking. By 6 June 1918 the Supreme War\nCouncil had asked Japan to send a force into Siberia.';
    expect(pageFurniture(ocr).noNames).toEqual([]);
  });

  it('masks a line repeated below the opening (a running footer), not the heading it repeats nor the prose', () => {
    const text =
      'Annual Report 1998\n\nThe mill employed 300 people in the first year of its working life.\n\nAnnual Report 1998\n\nThe mill employed 420 people in the second year of its working life.';
    const masked = pageFurniture(text).masked;
    expect(slice(text, masked)).toEqual(['Annual Report 1998']);
    expect(masked[0]!.start).toBe(text.lastIndexOf('Annual Report'));
  });

  it('reads an encyclopedia capture: its title among the chrome, and its "last edited" line at the foot is no claim', () => {
    const page = [
      'Jump to content',
      'Main menu',
      'Search',
      'Log in',
      '',
      'Contents',
      'hide',
      '(Top)',
      'History',
      '',
      'Tay Bridge',
      '',
      'Article',
      'Talk',
      'Read',
      'View history',
      'From Wikipedia, the free encyclopedia',
      '',
      'The Tay Bridge carries the railway across the Firth of Tay in Scotland between Dundee and Wormit. It is 2.75 kilometres long. The first bridge opened in 1878 and collapsed on 28 December 1879, when 75 people died.',
      '',
      'References',
      'This page was last edited on 3 May 2024, at 10:12 (UTC).',
      'Privacy policy',
      'About Wikipedia',
    ].join('\n');
    const f = pageFurniture(page);
    expect(f.title && page.slice(f.title.start, f.title.end)).toBe('Tay Bridge');
    expect(slice(page, f.masked)).toContain('This page was last edited on 3 May 2024, at 10:12 (UTC).');
    const r = extractClaims(page, { sourceId: 'capture', entities: [], properties: [] }, { minConfidence: 0 });
    expect(r.claims.some((c) => c.value.type === 'date' && c.value.date.value.startsWith('2024'))).toBe(false);
    const died = r.claims.find((c) => c.value.type === 'quantity' && c.value.amount === 75);
    expect(died?.subject).toBe('tay-bridge');
    const labels = r.proposedEntities.map((e) => e.label);
    for (const chrome of ['Jump', 'Main menu', 'Log in', 'View history', 'Privacy', 'About Wikipedia', 'From Wikipedia'])
      expect(labels.some((l) => l.includes(chrome))).toBe(false);
  });
});
