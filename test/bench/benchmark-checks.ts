// The checks every unseen-text benchmark folder must pass (bench/unseen/, bench/fresh/): its data is exactly
// what its README promises — every annotation parses, every annotated quote is the text at its offsets, every
// text has its origin, licence and retrieval recorded and is byte for byte what was recorded, and no text is
// one the extractor was developed on. The checker itself is tested on broken copies of the folder.
// Not a test file itself: test/bench/unseen-data.test.ts and test/bench/fresh-data.test.ts call it.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchmarkProblems, loadBenchmark, UNSEEN_DIR, type Annotation } from '../../bench/unseen/data.js';

export const ROOT = path.resolve(UNSEEN_DIR, '../..');

export interface BenchmarkExpectations {
  /** The benchmark folder. */
  dir: string;
  minTexts: number;
  /** Texts whose recorded subject is not the Siberian intervention. */
  minOtherSubjects: number;
  minItems?: number;
  /** Largest text in bytes (the smallest is always 1000). */
  maxBytes: number;
  /** Folders (relative to the repository) whose .txt files none of the texts may be taken from. */
  notFrom: string[];
  /** At least this many texts must be found in `notFrom`, so that a moved folder cannot pass unnoticed. */
  minOthers: number;
}

export function describeBenchmarkData(name: string, x: BenchmarkExpectations): void {
  const texts = loadBenchmark(x.dir);

  describe(`${name} benchmark data`, () => {
    it(`holds at least ${x.minTexts} annotated texts, at least ${x.minOtherSubjects} of them on subjects other than the Siberian intervention`, () => {
      expect(texts.length).toBeGreaterThanOrEqual(x.minTexts);
      expect(texts.filter((t) => t.source && t.source.subject !== 'siberian-intervention').length).toBeGreaterThanOrEqual(
        x.minOtherSubjects,
      );
      expect(new Set(texts.map((t) => t.source?.publisher)).size).toBe(texts.length);
      for (const t of texts) expect(Buffer.byteLength(t.text), `${t.id}: a few kB`).toBeGreaterThanOrEqual(1000);
      for (const t of texts) expect(Buffer.byteLength(t.text), `${t.id}: a few kB`).toBeLessThanOrEqual(x.maxBytes);
      if (x.minItems !== undefined) expect(texts.reduce((n, t) => n + t.annotation.items.length, 0)).toBeGreaterThanOrEqual(x.minItems);
    });

    it('has no problem: quotes at their offsets, values well formed, origins, licences and checksums recorded', () => {
      expect(benchmarkProblems(texts, x.dir)).toEqual([]);
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

    it(`uses none of the texts in ${x.notFrom.join(', ')}`, () => {
      const others = x.notFrom.flatMap((dir) => textsIn(path.resolve(ROOT, dir)));
      expect(others.length).toBeGreaterThanOrEqual(x.minOthers);
      for (const t of texts) for (const other of others) expect(other.includes(t.text.slice(0, 200)), t.id).toBe(false);
    });
  });

  describe(`the benchmark checker, on a copy of ${name}`, () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'benchmark-'));
    cpSync(x.dir, copy, { recursive: true });
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
}

function textsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}
