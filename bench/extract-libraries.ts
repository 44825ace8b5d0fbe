// npx tsx bench/extract-libraries.ts
//   Measures well-kept recognizers against the extractor's hand-written readers on the development
//   material (issue 11): chrono-node (dates with offsets), @microsoft/recognizers-text-suite (numbers and
//   dates with offsets) and compromise (numbers, verbs). Gold: every figure and date annotated in the
//   development texts (test/extract/dev/), the held-out texts' expected claims, and the bundled sources'
//   curated figure and date claims. A value counts as found when a reading overlaps its words (or lies in
//   its quote) with the same value: a number with the same amount; a date agreeing to the annotation's
//   precision (a library's year-less "XXXX-07-12" counts when month and day agree — lenient to it).
//   Also counted: footnote markers and page numbers read as numbers, and speed. Prints a markdown table
//   that bench/results/extract.md quotes (by hand, with the load).
import * as chrono from 'chrono-node';
import * as Recognizers from '@microsoft/recognizers-text-suite';
import nlp from 'compromise';
import { loadavg } from 'node:os';
import type { Claim } from '../server/core/schema-types.js';
import { extractClaims, findDates, findNumbers, splitSentences } from '../server/extract/index.js';
import { loadStore } from '../server/store/load.js';
import { DEV_TEXTS, loadDev, spanOf } from '../test/extract/dev/dev.js';
import { HELD_OUT, loadHeldOut } from '../test/extract/held-out/held-out.js';

interface Gold {
  text: string;
  start: number;
  end: number;
  value: number | string;
}

interface Reading {
  start: number;
  end: number;
  value: number | string;
}

const { corpus } = await loadStore();
const texts: {
  name: string;
  text: string;
  gold: Gold[];
  markers: { start: number; end: number }[];
  entities: typeof corpus.entities;
  properties: typeof corpus.properties;
}[] = [];
const valueOf = (v: Claim['value']): number | string | undefined =>
  v.type === 'quantity' ? v.amount : v.type === 'date' ? v.date.value : undefined;
for (const name of DEV_TEXTS) {
  const { text, fixture } = loadDev(name);
  const gold = fixture.expected.map((x) => ({ text, ...spanOf(text, x.at), value: x.value }));
  const markers = fixture.notClaims.map((n) => spanOf(text, n));
  texts.push({ name, text, gold, markers, entities: corpus.entities, properties: corpus.properties });
}
for (const name of HELD_OUT) {
  const { text, fixture, expected } = loadHeldOut(name);
  const gold = expected.flatMap((c) => {
    const v = valueOf(c.value);
    return v === undefined ? [] : [{ text, start: c.quote.start, end: c.quote.end, value: v }];
  });
  texts.push({ name, text, gold, markers: [], entities: fixture.entities, properties: fixture.properties });
}
for (const source of corpus.sources) {
  const text = corpus.texts.get(source.id)!;
  const gold = corpus.claims
    .filter((c) => c.source === source.id && c.status !== 'rejected')
    .flatMap((c) => {
      const v = valueOf(c.value);
      return v === undefined ? [] : [{ text, start: c.quote.start, end: c.quote.end, value: v }];
    });
  const markers = [...text.matchAll(/\[\d{1,3}\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  texts.push({ name: source.id, text, gold, markers, entities: corpus.entities, properties: corpus.properties });
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateAgrees(expected: string, found: string): boolean {
  if (found.startsWith('XXXX')) return expected.length === 10 && found.slice(4, 10) === expected.slice(4, 10);
  return found.length >= expected.length && found.slice(0, expected.length) === expected;
}

function hits(gold: readonly Gold[], readings: readonly Reading[]): { dates: number; numbers: number } {
  let dates = 0;
  let numbers = 0;
  for (const g of gold) {
    const found = readings.some(
      (r) =>
        r.start < g.end &&
        g.start < r.end &&
        (typeof g.value === 'number' ? r.value === g.value : typeof r.value === 'string' && dateAgrees(g.value, r.value)),
    );
    if (!found) continue;
    if (typeof g.value === 'number') numbers++;
    else dates++;
  }
  return { dates, numbers };
}

/** chrono-node: dates only; the reference date is the text's first year, as a reader would assume. */
function chronoReadings(text: string): Reading[] {
  const firstYear = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text)?.[1];
  const ref = new Date(Date.UTC(Number(firstYear ?? 2000), 0, 1));
  return chrono.parse(text, ref).flatMap((r) => {
    const out: Reading[] = [];
    for (const c of [r.start, r.end]) {
      if (!c) continue;
      const y = c.get('year');
      const value = c.isCertain('day')
        ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`
        : c.isCertain('month')
          ? `${y}-${pad(c.get('month')!)}`
          : String(y);
      out.push({ start: r.index, end: r.index + r.text.length, value });
    }
    return out;
  });
}

/** Recognizers-Text: numbers and dates, run paragraph by paragraph (its cost grows fast with input length). */
function recognizerReadings(text: string): Reading[] {
  const out: Reading[] = [];
  let at = 0;
  for (const para of text.split(/\n/)) {
    if (para.trim()) {
      for (const r of Recognizers.recognizeNumber(para, Recognizers.Culture.English)) {
        const v = Number(r.resolution?.value);
        if (Number.isFinite(v)) out.push({ start: at + r.start, end: at + r.end + 1, value: v });
      }
      for (const r of Recognizers.recognizeDateTime(para, Recognizers.Culture.English)) {
        for (const value of (r.resolution?.values ?? []) as { timex?: string }[]) {
          const timex = value.timex ?? '';
          const parts = /^(XXXX|\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(timex);
          if (parts) out.push({ start: at + r.start, end: at + r.end + 1, value: parts[0] });
        }
      }
    }
    at += para.length + 1;
  }
  return out;
}

function compromiseReadings(text: string): Reading[] {
  return (nlp(text).numbers().json({ offset: true }) as { offset: { start: number; length: number }; number: { num: number } }[]).map(
    (n) => ({ start: n.offset.start, end: n.offset.start + n.offset.length, value: n.number.num }),
  );
}

function oursReadings(t: (typeof texts)[number]): Reading[] {
  return extractClaims(t.text, { sourceId: 'bench', entities: t.entities, properties: t.properties }, { minConfidence: 0 }).claims.flatMap(
    (c) => {
      const v = valueOf(c.value);
      if (v === undefined) return [];
      const at = c.quote.exact.indexOf(c.wording.split(' ')[0]!);
      const start = at === -1 ? c.quote.start : c.quote.start + at;
      const parts = c.value.type === 'quantity' ? (c.value.parts ?? []).map((p) => p.amount) : [];
      return [v, ...parts].map((value) => ({ start, end: Math.max(start + c.wording.length, start + 1), value }));
    },
  );
}

/** The extractor's own readers alone (numbers.ts, dates.ts) over its sentences, the year carried from sentence to sentence. */
function readerReadings(text: string): Reading[] {
  const out: Reading[] = [];
  let year: number | undefined;
  for (const s of splitSentences(text)) {
    const part = text.slice(s.start, s.end);
    const dates = findDates(part, year);
    for (const d of dates) {
      for (const v of [d.date, d.until]) if (v) out.push({ start: s.start + d.start, end: s.start + d.end, value: v.value });
      if (!d.inferredYear) year = Number((d.until ?? d.date).value.slice(0, 4));
    }
    for (const n of findNumbers(part)) out.push({ start: s.start + n.start, end: s.start + n.end, value: n.amount });
  }
  return out;
}

const tools: [string, (t: (typeof texts)[number]) => Reading[]][] = [
  ['this extractor: its readers alone (numbers.ts, dates.ts)', (t) => readerReadings(t.text)],
  ['this extractor: its claims at any confidence', oursReadings],
  ['chrono-node 2.10', (t) => chronoReadings(t.text)],
  ['Recognizers-Text 1.3', (t) => recognizerReadings(t.text)],
  ['compromise 14.17 (numbers)', (t) => compromiseReadings(t.text)],
];

const totalDates = texts.reduce((n, t) => n + t.gold.filter((g) => typeof g.value === 'string').length, 0);
const totalNumbers = texts.reduce((n, t) => n + t.gold.filter((g) => typeof g.value === 'number').length, 0);
const sample = texts.map((t) => t.text).join('\n\n');
const rows: string[] = [];
for (const [name, read] of tools) {
  let dates = 0;
  let numbers = 0;
  let apparatus = 0;
  const perGroup = { dev: 0, devTotal: 0 };
  for (const t of texts) {
    const readings = read(t);
    const h = hits(t.gold, readings);
    dates += h.dates;
    numbers += h.numbers;
    if ((DEV_TEXTS as readonly string[]).includes(t.name)) {
      perGroup.dev += h.dates + h.numbers;
      perGroup.devTotal += t.gold.length;
    }
    apparatus += readings.filter((r) => t.markers.some((m) => r.start < m.end && m.start < r.end)).length;
  }
  const started = performance.now();
  read({ name: 'speed', text: sample, gold: [], markers: [], entities: corpus.entities, properties: corpus.properties });
  const seconds = (performance.now() - started) / 1000;
  rows.push(
    `| ${name} | ${dates}/${totalDates} | ${numbers}/${totalNumbers} | ${perGroup.dev}/${perGroup.devTotal} | ${apparatus} | ${(Buffer.byteLength(sample) / 1e6 / seconds).toFixed(2)} |`,
  );
}

// Verbs for naming proposed properties: for each annotated value of the development texts, does the
// tool find a verb in the value's sentence? (ours: a past tense or "-ing" form; compromise: its verbs)
let oursVerb = 0;
let compromiseVerb = 0;
let devItems = 0;
const { isPastVerb } = await import('../server/extract/words.js');
for (const name of DEV_TEXTS) {
  const { text, fixture } = loadDev(name);
  for (const x of fixture.expected) {
    const { start } = spanOf(text, x.at);
    const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n\n', start - 1)) + 1;
    const stop = text.indexOf('.', start + x.at.length);
    const sentence = text.slice(from, stop === -1 ? text.length : stop + 1);
    devItems++;
    if (sentence.split(/[^\p{L}]+/u).some((w) => w && isPastVerb(w))) oursVerb++;
    if ((nlp(sentence).verbs().json() as unknown[]).length > 0) compromiseVerb++;
  }
}

console.log(
  `Gold: ${totalDates} dates and ${totalNumbers} figures (${texts.length} texts: ${DEV_TEXTS.length} development, ${HELD_OUT.length} held-out, ${corpus.sources.length} bundled); load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log('');
console.log('| reader | dates found | figures found | of which dev texts | markers / page numbers read as values | MB/s |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('');
console.log(`Verb in the sentence of an annotated dev value: ours ${oursVerb}/${devItems}, compromise ${compromiseVerb}/${devItems}`);
