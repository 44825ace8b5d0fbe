// npx tsx bench/unseen.ts [--data <benchmark folder>] [--commit <hash>] [--results <file>] [--note <text>] [--seconds <throughput time>]
//   Runs the product's extractor, with the bundled vocabulary frozen, on an unseen-text benchmark
//   (--data, default bench/unseen/: texts annotated by hand before any run; bench/fresh/ is the set kept for
//   final figures) and scores it as bench/unseen/README.md defines: value recall, value with the right
//   subject, property, candidate precision, junk entity proposals, throughput, each with 95 % Wilson
//   intervals, per text and overall, and the errors. Adds this run to the results file (default
//   bench/results/<data folder's name>.md, so bench/results/unseen.md for the default; earlier runs are
//   kept) and prints the headline. --dir is the older name of --data.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { formatDate } from '../server/core/dates.js';
import type { Claim, Entity, Property } from '../server/core/schema-types.js';
import { extractClaims } from '../server/extract/index.js';
import { benchmarkProblems, loadBenchmark, UNSEEN_DIR, type AnnotatedItem, type BenchmarkText } from './unseen/data.js';
import { pool, scoreText, wilson, type ProposedPropertyInfo, type TextScore } from './unseen/score.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const RUN_START = '<!-- run:start -->';
const RUN_END = '<!-- run:end -->';
/** Hand-written notes below this line of the results file are kept when a run rewrites it. */
const NOTES_MARK = '<!-- notes: hand-written, kept by bench/unseen.ts -->';
const TARGETS = { values: 0.9, subject: 0.75, precision: 0.7, junk: 0.1, mbPerSecond: 2 };

const DIR = path.resolve(arg('data') ?? arg('dir') ?? UNSEEN_DIR);
/** The data folder as written in the results (relative to the repository when inside it). */
const DATA = path.relative(ROOT, DIR).startsWith('..') ? DIR : path.relative(ROOT, DIR);
const RESULTS = path.resolve(arg('results') ?? path.join(ROOT, 'bench/results', `${path.basename(DIR)}.md`));
const THROUGHPUT_SECONDS = Number(arg('seconds') ?? 2);
const texts = loadBenchmark(DIR);
const problems = benchmarkProblems(texts, DIR);
if (problems.length > 0) {
  console.error(`the benchmark data has problems; fix them first:\n${problems.join('\n')}`);
  process.exit(1);
}
const vocabulary = {
  entities: JSON.parse(readFileSync(path.join(ROOT, 'graph-data/entities.json'), 'utf8')) as Entity[],
  properties: JSON.parse(readFileSync(path.join(ROOT, 'graph-data/properties.json'), 'utf8')) as Property[],
};
const loadBefore = loadavg()[0]!;

interface Extraction {
  claims: Claim[];
  proposedEntities: Entity[];
  proposedProperties: ProposedPropertyInfo[];
}

/** The extractor as the product calls it; whatever the result lists as proposed properties is read too. */
async function extract(t: BenchmarkText, minConfidence?: number): Promise<Extraction> {
  const context = { sourceId: `unseen-${t.id}`, entities: vocabulary.entities, properties: vocabulary.properties };
  const result = extractClaims(t.text, context, minConfidence === undefined ? {} : { minConfidence }) as unknown as Record<
    string,
    unknown
  > & { claims: Claim[]; proposedEntities?: Entity[] };
  const proposedProperties = Object.entries(result)
    .filter(([key, value]) => /propert/i.test(key) && Array.isArray(value))
    .flatMap(([, value]) =>
      (value as unknown[]).filter(
        (p): p is ProposedPropertyInfo => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string',
      ),
    );
  return { claims: result.claims, proposedEntities: result.proposedEntities ?? [], proposedProperties };
}

const runs: { t: BenchmarkText; score: TextScore; recallAll: TextScore }[] = [];
for (const t of texts) {
  const score = (x: Extraction) => scoreText({ text: t.text, items: t.annotation.items, names: t.annotation.entities, vocabulary, ...x });
  runs.push({ t, score: score(await extract(t)), recallAll: score(await extract(t, 0)) });
}
const throughput = await measureThroughput();
const loadAfter = loadavg()[0]!;
const total = pool(runs.map((r) => r.score));
const totalAll = pool(runs.map((r) => r.recallAll));

const metrics = {
  values: wilson(total.valueFound, total.items),
  subject: wilson(total.valueAndSubject, total.items),
  property: wilson(total.propertyRight, total.items),
  precision: wilson(total.candidatesMatching, total.candidates),
  precisionOneToOne: wilson(total.candidatesAssigned, total.candidates),
  junk: wilson(total.junkEntities, total.proposedEntities),
  valuesAll: wilson(totalAll.valueFound, totalAll.items),
};
const met = {
  values: metrics.values.p >= TARGETS.values,
  subject: metrics.subject.p >= TARGETS.subject,
  precision: metrics.precision.p >= TARGETS.precision,
  junk: !(metrics.junk.p > TARGETS.junk),
  throughput: throughput.mbPerSecond >= TARGETS.mbPerSecond,
};

const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const commit = arg('commit') ?? gitHead();
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)} %`);
const ci = (w: { p: number; lo: number; hi: number }) =>
  Number.isNaN(w.p) ? '–' : `${w.p.toFixed(2)} [${w.lo.toFixed(2)}, ${w.hi.toFixed(2)}]`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

console.log(`extractor at ${commit}; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);
console.log(
  `values found        ${ci(metrics.values)} (${total.valueFound}/${total.items})  target ≥ ${TARGETS.values}: ${verdict(met.values)}`,
);
console.log(
  `  with right subject ${ci(metrics.subject)} (${total.valueAndSubject}/${total.items})  target ≥ ${TARGETS.subject}: ${verdict(met.subject)}`,
);
console.log(`  right property     ${ci(metrics.property)} (${total.propertyRight}/${total.items})`);
console.log(
  `candidate precision ${ci(metrics.precision)} (${total.candidatesMatching}/${total.candidates})  target ≥ ${TARGETS.precision}: ${verdict(met.precision)}`,
);
console.log(
  `junk entities       ${ci(metrics.junk)} (${total.junkEntities}/${total.proposedEntities})  target ≤ ${TARGETS.junk}: ${verdict(met.junk)}`,
);
console.log(
  `throughput          ${throughput.mbPerSecond.toFixed(2)} MB/s wall, ${throughput.mbPerCpuSecond.toFixed(2)} MB per CPU-second  target ≥ ${TARGETS.mbPerSecond}: ${verdict(met.throughput)}`,
);
console.log(
  `  texts joined       ${throughput.joinedMbPerSecond.toFixed(2)} MB/s wall, ${throughput.joinedMbPerCpuSecond.toFixed(2)} MB per CPU-second on ${throughput.joinedMb.toFixed(2)} MB`,
);
writeFileSync(RESULTS, report());
console.log(`wrote ${path.relative(process.cwd(), RESULTS)}`);

function gitHead(): string {
  try {
    const head = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'server', 'graph-data'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return dirty.length > 0 ? `${head} plus uncommitted changes to ${dirty.join(', ')}` : head;
  } catch {
    return 'unknown (not a git checkout; pass --commit)';
  }
}

/** Every text once per round, rounds repeated until THROUGHPUT_SECONDS (2 s) have passed, after one warm-up round. */
async function measureThroughput() {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  for (const t of texts) await extract(t);
  let rounds = 0;
  const started = performance.now();
  const usage = process.cpuUsage();
  while (rounds === 0 || performance.now() - started < THROUGHPUT_SECONDS * 1000) {
    for (const t of texts) await extract(t);
    rounds++;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(usage);
  const mb = (bytes * rounds) / 1e6;
  // The same texts joined and repeated into one text of about 0.5 MB: the speed per byte, without the
  // per-call set-up (vocabulary indexes) that dominates on texts of a few kB.
  const joinedText = Array.from({ length: Math.max(1, Math.ceil(500_000 / bytes)) }, () => texts.map((t) => t.text).join('\n\n')).join(
    '\n\n',
  );
  const joined = { id: 'joined', text: joinedText } as BenchmarkText;
  const joinedStarted = performance.now();
  const joinedUsage = process.cpuUsage();
  await extract(joined);
  const joinedUsed = process.cpuUsage(joinedUsage);
  const joinedMb = Buffer.byteLength(joinedText) / 1e6;
  return {
    mbPerSecond: mb / seconds,
    mbPerCpuSecond: mb / ((used.user + used.system) / 1e6),
    rounds,
    bytes,
    joinedMb,
    joinedMbPerSecond: joinedMb / ((performance.now() - joinedStarted) / 1000),
    joinedMbPerCpuSecond: joinedMb / ((joinedUsed.user + joinedUsed.system) / 1e6),
  };
}

function showValue(v: AnnotatedItem['value'] | Claim['value']): string {
  if (v.type === 'date') return formatDate('date' in v ? v.date : v);
  if (v.type === 'quantity') {
    const prefix: Record<string, string> = { exact: '', approx: '~', almost: 'almost ', gt: '>', gte: '≥', lt: '<', lte: '≤', range: '' };
    return v.comparator === 'range' ? `${v.amount}–${v.upper}` : `${prefix[v.comparator]}${v.amount}`;
  }
  return v.type;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function errors(r: (typeof runs)[number]): string[] {
  const s = r.score;
  const lines: string[] = [];
  const missed = s.results.filter((x) => !x.claim);
  const wrongSubject = s.results.filter((x) => x.claim && !x.subjectRight);
  const wrongProperty = s.results.filter((x) => x.claim && !x.propertyRight);
  const item = (x: { item: AnnotatedItem }) =>
    `“${oneLine(x.item.quote)}” = ${showValue(x.item.value)} (${x.item.subject.name}; ${x.item.property.name}; ${x.item.role})`;
  if (missed.length) lines.push(`- missed (${missed.length}): ${missed.map(item).join('; ')}`);
  if (wrongSubject.length)
    lines.push(`- wrong subject (${wrongSubject.length}): ${wrongSubject.map((x) => `${item(x)} → ${x.subjectName}`).join('; ')}`);
  if (wrongProperty.length)
    lines.push(`- wrong property (${wrongProperty.length}): ${wrongProperty.map((x) => `${item(x)} → ${x.propertyName}`).join('; ')}`);
  if (s.unmatchedCandidates.length)
    lines.push(
      `- candidates matching no item (${s.unmatchedCandidates.length}): ${s.unmatchedCandidates.map((c) => `“${oneLine(c.wording)}” = ${showValue(c.value)} ${c.subject} / ${c.property} (${c.confidence ?? '–'})`).join('; ')}`,
    );
  if (s.junk.length) lines.push(`- junk entity proposals (${s.junk.length}): ${s.junk.map((e) => `“${e.label}”`).join(', ')}`);
  return lines.length ? lines : ['- no errors'];
}

function runSection(): string {
  const row = (name: string, s: Omit<TextScore, 'results' | 'unmatchedCandidates' | 'junk'>, all: { valueFound: number; items: number }) =>
    `| ${name} | ${s.items} | ${s.valueFound} (${pct(s.valueFound / s.items)}) | ${s.valueAndSubject} (${pct(s.valueAndSubject / s.items)}) | ${s.propertyRight} (${pct(s.propertyRight / s.items)}) | ${s.candidates} | ${pct(s.candidatesMatching / s.candidates)} | ${pct(s.candidatesAssigned / s.candidates)} | ${s.junkEntities}/${s.proposedEntities} | ${all.valueFound} |`;
  const roles = [...new Set(runs.flatMap((r) => r.score.results.map((x) => x.item.role)))].sort();
  const summary = `| ${when} | ${commit.slice(0, 12)} | ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} | ${texts.length} / ${total.items} | ${metrics.values.p.toFixed(2)} | ${metrics.subject.p.toFixed(2)} | ${metrics.property.p.toFixed(2)} | ${Number.isNaN(metrics.precision.p) ? '–' : metrics.precision.p.toFixed(2)} | ${pct(metrics.junk.p)} | ${throughput.mbPerSecond.toFixed(2)} |`;
  return [
    RUN_START,
    `<!-- summary-row: ${summary} -->`,
    `## Run of ${when}`,
    '',
    `Extractor and vocabulary at commit \`${commit}\`${arg('note') ? ` (${arg('note')})` : ''}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (2 shared cores). ${texts.length} texts from \`${DATA}/\`, ${total.items} annotated items, candidates at the default confidence threshold.`,
    '',
    '| | p [95 % interval] | count | target | |',
    '|---|---|---|---|---|',
    `| values found | ${ci(metrics.values)} | ${total.valueFound} of ${total.items} | ≥ ${TARGETS.values} | ${verdict(met.values)} |`,
    `| … with the right subject | ${ci(metrics.subject)} | ${total.valueAndSubject} of ${total.items} | ≥ ${TARGETS.subject} | ${verdict(met.subject)} |`,
    `| … with the right property | ${ci(metrics.property)} | ${total.propertyRight} of ${total.items} | | |`,
    `| candidate precision | ${ci(metrics.precision)} | ${total.candidatesMatching} of ${total.candidates} | ≥ ${TARGETS.precision} | ${verdict(met.precision)} |`,
    `| candidate precision, one to one | ${ci(metrics.precisionOneToOne)} | ${total.candidatesAssigned} of ${total.candidates} | | |`,
    `| junk entity proposals | ${ci(metrics.junk)} | ${total.junkEntities} of ${total.proposedEntities} | ≤ ${TARGETS.junk} | ${verdict(met.junk)} |`,
    `| proposals naming no proper name (strict: annotated subjects not excepted) | ${ci(wilson(total.notProperNames, total.proposedEntities))} | ${total.notProperNames} of ${total.proposedEntities} | | |`,
    `| throughput | ${throughput.mbPerSecond.toFixed(2)} MB/s wall, ${throughput.mbPerCpuSecond.toFixed(2)} MB per CPU-second | | ≥ ${TARGETS.mbPerSecond} MB/s | ${verdict(met.throughput)} |`,
    `| throughput, the texts joined into one of ${throughput.joinedMb.toFixed(2)} MB | ${throughput.joinedMbPerSecond.toFixed(2)} MB/s wall, ${throughput.joinedMbPerCpuSecond.toFixed(2)} MB per CPU-second | | | |`,
    `| values found among all candidates (confidence ≥ 0) | ${ci(metrics.valuesAll)} | ${totalAll.valueFound} of ${totalAll.items} | | |`,
    '',
    `Throughput: ${(throughput.bytes / 1000).toFixed(1)} kB of text × ${throughput.rounds} rounds after a warm-up; small texts, so per-call overhead counts. Entity and text claims, which this benchmark does not annotate: ${total.otherCandidates}.`,
    '',
    '| text | items | values found | + right subject | + right property | candidates | precision | precision 1:1 | junk / proposed | values at confidence ≥ 0 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => row(r.t.id, r.score, r.recallAll)),
    row('**all**', total, totalAll),
    '',
    `Values found by role (not scored): ${roles
      .map((role) => {
        const xs = runs.flatMap((r) => r.score.results.filter((x) => x.item.role === role));
        return `${role} ${xs.filter((x) => x.claim).length}/${xs.length}`;
      })
      .join(', ')}.`,
    '',
    '### Errors, per text',
    '',
    ...runs.flatMap((r) => [`**${r.t.id}**`, '', ...errors(r), '']),
    RUN_END,
  ].join('\n');
}

function report(): string {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const earlier = [...previous.matchAll(/<!-- run:start -->[\s\S]*?<!-- run:end -->/g)].map((m) => m[0]);
  const sections = [runSection(), ...earlier];
  const rows = sections.map((s) => /<!-- summary-row: (.*) -->/.exec(s)?.[1]).filter(Boolean);
  return (
    [
      DIR === UNSEEN_DIR
        ? '# Unseen-text benchmark: extraction on texts nobody wrote a vocabulary for'
        : `# Unseen-text benchmark on \`${DATA}/\`: extraction on texts nobody wrote a vocabulary for`,
      '',
      DIR === UNSEEN_DIR
        ? "Generated by `npx tsx bench/unseen.ts` (each run adds its section; earlier runs are kept below, newest first). The texts, their origins and the annotation protocol are in `bench/unseen/` (README.md); the texts were annotated by hand and committed before the extractor first ran on them, and the vocabulary is frozen for them. Candidates are taken at the product's default confidence threshold. Proportions: p [95 % Wilson interval]."
        : `Generated by \`npx tsx bench/unseen.ts --data ${DATA}\` (each run adds its section; earlier runs are kept below, newest first). The texts and their origins are in \`${DATA}/\` (README.md), the annotation protocol and the scoring rules in \`bench/unseen/README.md\`; the texts were annotated by hand and committed before the extractor first ran on them, and the vocabulary is frozen for them. Candidates are taken at the product's default confidence threshold. Proportions: p [95 % Wilson interval].`,
      '',
      '| run (UTC) | extractor commit | load | texts / items | values | + subject | + property | precision | junk | MB/s |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      ...sections.flatMap((s) => [s, '']),
      NOTES_MARK,
      notes(previous),
    ].join('\n') + '\n'
  );
}

function notes(previous: string): string {
  const at = previous.indexOf(NOTES_MARK);
  return at === -1 ? '' : previous.slice(at + NOTES_MARK.length).trim();
}
