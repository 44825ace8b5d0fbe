// The unseen-text benchmark's data must be exactly what its README promises: every annotation parses,
// every annotated quote is the text at its offsets, every text has its origin, licence and retrieval
// recorded and is byte for byte what was recorded. The checker itself is tested on broken copies.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchmarkProblems, loadBenchmark, UNSEEN_DIR, type Annotation } from '../../bench/unseen/data.js';

const texts = loadBenchmark();

describe('unseen-text benchmark data', () => {
  it('holds at least 8 annotated texts, at least 3 of them on subjects other than the Siberian intervention', () => {
    expect(texts.length).toBeGreaterThanOrEqual(8);
    expect(texts.filter((t) => t.source && t.source.subject !== 'siberian-intervention').length).toBeGreaterThanOrEqual(3);
    expect(new Set(texts.map((t) => t.source?.publisher)).size).toBe(texts.length);
    for (const t of texts) expect(Buffer.byteLength(t.text), `${t.id}: a few kB`).toBeGreaterThanOrEqual(1000);
    for (const t of texts) expect(Buffer.byteLength(t.text), `${t.id}: a few kB`).toBeLessThanOrEqual(15000);
  });

  it('has no problem: quotes at their offsets, values well formed, origins, licences and checksums recorded', () => {
    expect(benchmarkProblems(texts)).toEqual([]);
  });

  it('annotates figures and dates in every text, and lists the proper names each mentions', () => {
    for (const t of texts) {
      expect(t.annotation.items.length, t.id).toBeGreaterThan(0);
      expect(t.annotation.entities.length, t.id).toBeGreaterThan(0);
    }
    const all = texts.flatMap((t) => t.annotation.items);
    expect(all.some((i) => i.value.type === 'date')).toBe(true);
    expect(all.some((i) => i.value.type === 'quantity')).toBe(true);
  });

  it('uses none of the bundled or held-out texts', () => {
    const others = ['graph-data/sources', 'test/extract/held-out'].flatMap((dir) => textsIn(path.resolve(UNSEEN_DIR, '../..', dir)));
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const t of texts) for (const other of others) expect(other.includes(t.text.slice(0, 200)), t.id).toBe(false);
  });
});

describe('the benchmark checker', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'unseen-'));
  cpSync(UNSEEN_DIR, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  const first = texts[0]!.id;
  const annotationFile = path.join(copy, 'annotations', `${first}.json`);
  const original = readFileSync(annotationFile, 'utf8');

  it('reports a quote that is not the text at its offsets, naming the text and the item', () => {
    const broken = JSON.parse(original) as Annotation;
    broken.items[0]!.start += 1;
    writeFileSync(annotationFile, JSON.stringify(broken));
    const problems = benchmarkProblems(loadBenchmark(copy), copy);
    writeFileSync(annotationFile, original);
    expect(problems.some((p) => p.startsWith(`${first}: item ${broken.items[0]!.id}: quote`))).toBe(true);
  });

  it('reports a text changed after its checksum was recorded, and a source without a licence', () => {
    const textFile = path.join(copy, 'texts', `${first}.txt`);
    const text = readFileSync(textFile);
    writeFileSync(textFile, Buffer.concat([text, Buffer.from(' ')]));
    const sourcesFile = path.join(copy, 'sources.json');
    const sources = readFileSync(sourcesFile, 'utf8');
    const parsed = JSON.parse(sources) as { sources: { id: string; licence: string }[] };
    parsed.sources.find((s) => s.id === first)!.licence = '';
    writeFileSync(sourcesFile, JSON.stringify(parsed));
    const problems = benchmarkProblems(loadBenchmark(copy), copy);
    writeFileSync(textFile, text);
    writeFileSync(sourcesFile, sources);
    expect(problems).toContain(`${first}: text differs from the size or SHA-256 recorded in sources.json`);
    expect(problems).toContain(`${first}: source record has no licence`);
  });
});

function textsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}
