// npx tsx bench/extract.ts [--no-wink]
//   Extracts claims from the raw texts of the bundled sources and measures them against the curated
//   claims: precision and recall of figures and dates (overall, per source, per confidence threshold),
//   the share of curated agree/conflict edges the extracted claims reproduce, schema validity, and
//   throughput on a synthetic 5 MB text. Also times wink-nlp on the same text for comparison.
//   Writes bench/results/extract.md and prints the numbers.
// npx tsx bench/extract.ts --speed [--seconds 3]
//   Throughput alone (nothing written): extractClaims in MB per CPU-second on the 14 development texts
//   and the two bundled sources, (a) each text one call (small texts: per-call cost counts), cold (the
//   first 0.5 MB of a fresh process, JIT warm-up included) and warm, (b) the 16 joined and repeated into
//   one ~0.75 MB text and one ~5 MB text, and the fixed cost of a call on a tiny text; with the load
//   average. CPU time is the process's (every thread: the JIT's compiler threads and the GC's count).
//   Never run on bench/fresh/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { check } from '../server/core/schemas.js';
import type { Claim, Corpus } from '../server/core/model.js';
import { evaluate, type Counts, type Evaluation } from '../server/extract/evaluate.js';
import { extractClaims } from '../server/extract/index.js';
import { loadStore } from '../server/store/load.js';
import { measureHeldOut, pooled } from '../test/extract/held-out/held-out.js';
import { DEV_TEXTS, loadDev, measureDev, type DevScore } from '../test/extract/dev/dev.js';

if (process.argv.includes('--speed')) {
  await measureSpeed();
  process.exit(0);
}

const RESULTS = path.resolve(import.meta.dirname, 'results/extract.md');
/** The hand-written design notes below this line of the results file are kept when it is rewritten. */
const NOTES_MARK = '<!-- design notes: hand-written, kept by bench/extract.ts -->';
const THRESHOLDS = [0, 0.3, 0.4, 0.5, 0.6, 0.7];
const DEFAULT_THRESHOLD = 0.5;

const { corpus, problems } = await loadStore();
if (problems.length > 0) console.warn(`graph-data has ${problems.length} problems; measuring anyway`);

const all: Claim[] = [];
let invalid = 0;
let extractSeconds = 0;
for (const source of corpus.sources) {
  const text = corpus.texts.get(source.id)!;
  const started = performance.now();
  const result = extractClaims(
    text,
    { sourceId: source.id, entities: corpus.entities, properties: corpus.properties },
    { minConfidence: 0 },
  );
  extractSeconds += (performance.now() - started) / 1000;
  for (const claim of result.claims) {
    if (check('claim.schema.json', claim).length > 0 || text.slice(claim.quote.start, claim.quote.end) !== claim.quote.exact) invalid++;
  }
  all.push(...result.claims);
}

const at = (threshold: number) => all.filter((c) => (c.confidence ?? 0) >= threshold);
const byThreshold = THRESHOLDS.map((t) => ({
  t,
  ev: evaluate({ extracted: at(t), curated: corpus.claims, properties: corpus.properties, judgements: corpus.judgements }),
}));
const main = byThreshold.find((x) => x.t === DEFAULT_THRESHOLD)!.ev;
const heldOut = measureHeldOut(DEFAULT_THRESHOLD);
const heldOutAll = pooled(heldOut);
const dev = measureDev(corpus.entities, corpus.properties, DEFAULT_THRESHOLD);
const throughput = measureThroughput(corpus);
const small = measureSmallTexts(corpus);
const wink = process.argv.includes('--no-wink') ? undefined : await measureWink(throughput.text, corpus);

const fmt = (c: Counts) => `P ${c.precision.toFixed(2)} R ${c.recall.toFixed(2)} (${c.tp} right, ${c.fp} wrong, ${c.fn} missed)`;
console.log(`figures+dates  ${fmt(main.overall.all)}`);
console.log(`figures        ${fmt(main.overall.quantity)}`);
console.log(`dates          ${fmt(main.overall.date)}`);
for (const [id, s] of Object.entries(main.perSource)) console.log(`${id.padEnd(32)} ${fmt(s.all)}`);
for (const r of heldOut) console.log(`held-out ${r.name.padEnd(23)} ${fmt(r.evaluation.overall.all)}`);
console.log(`held-out, both texts         ${fmt(heldOutAll.overall.all)}`);
for (const d of dev)
  console.log(
    `dev ${d.name.padEnd(28)} values ${d.found}/${d.expected}, subject ${d.withSubject}, property ${d.withProperty}, candidates ${d.candidatesRight}/${d.candidates}, junk proposals ${d.junk.length}/${d.proposals.length}`,
  );
console.log(`claims under proposed properties (bundled, any confidence): ${main.proposed.length}`);
console.log(
  `edges reproduced: ${main.edges.reproduced}/${main.edges.curated} of the quantity/date edges (${pct(main.edges.share)}), ${pct(main.edges.shareOfAll)} of all ${main.edges.curatedAll} curated edges`,
);
const bundledKb = [...corpus.texts.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) / 1000;
console.log(
  `small texts: ${small.texts} × ${small.kb.toFixed(1)} KB: ${small.mbPerSecond.toFixed(2)} MB/s wall, ${small.mbPerCpuSecond.toFixed(2)} MB/s of CPU time (load average ${small.load.toFixed(1)})`,
);
console.log(
  `throughput: ${throughput.mbPerSecond.toFixed(2)} MB/s wall, ${throughput.mbPerCpuSecond.toFixed(2)} MB/s of CPU time (load average ${throughput.load.toFixed(1)}) on ${throughput.mb.toFixed(1)} MB (${throughput.claims} claims, ${throughput.claimsPerKb.toFixed(1)} per KB; the bundled sources: ${(all.length / bundledKb).toFixed(1)} per KB at any confidence); bundled sources in ${(extractSeconds * 1000).toFixed(0)} ms`,
);
if (wink)
  console.log(
    `wink-nlp: ${wink.mbPerSecond.toFixed(2)} MB/s wall, ${wink.mbPerCpuSecond.toFixed(2)} MB/s of CPU time; gold date wordings found ${wink.dateHits}/${wink.dateTotal} (ours ${wink.ourDateHits}); footnote markers read as numbers ${wink.markersAsNumbers}`,
  );
console.log(`schema-invalid or misquoted claims: ${invalid}`);
writeFileSync(RESULTS, report());
console.log(`wrote ${path.relative(process.cwd(), RESULTS)}`);

function devTotal(scores: readonly DevScore[]): DevScore {
  const sum = (k: 'expected' | 'found' | 'withSubject' | 'withProperty' | 'candidates' | 'candidatesRight') =>
    scores.reduce((n, d) => n + d[k], 0);
  return {
    name: 'all',
    expected: sum('expected'),
    found: sum('found'),
    withSubject: sum('withSubject'),
    withProperty: sum('withProperty'),
    candidates: sum('candidates'),
    candidatesRight: sum('candidatesRight'),
    fromApparatus: scores.flatMap((d) => d.fromApparatus),
    proposals: scores.flatMap((d) => d.proposals),
    junk: scores.flatMap((d) => d.junk),
    misses: [],
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)} %`;
}

/** A deterministic 5 MB text in the bundled sources' vocabulary: names, cues, figures, dates, markers, OCR noise. */
function syntheticText(c: Corpus, bytes: number): string {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const names = c.entities.flatMap((e) => e.aliases.map((a) => a.name)).filter((n) => /^[A-Z]/.test(n));
  const cues = c.properties.flatMap((p) => p.cues ?? []);
  const months = ['January', 'March', 'May', 'July', 'October', 'December'];
  const figure = () =>
    `${pick(['', 'over ', 'some ', 'almost ', 'up to ', 'at least ', 'fewer than '])}${Math.floor(rand() * 90 + 1)},${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  const date = () =>
    pick([
      `${pick(months)} ${Math.floor(rand() * 28) + 1}, 19${10 + Math.floor(rand() * 20)}`,
      `${Math.floor(rand() * 28) + 1} ${pick(months)} 19${10 + Math.floor(rand() * 20)}`,
      `early 19${10 + Math.floor(rand() * 20)}`,
      `by ${pick(months)} 19${10 + Math.floor(rand() * 20)}`,
    ]);
  // Prose without figures or dates, as most sentences of a real source are (the bundled sources hold
  // about 3 claims per kilobyte; this text is generated to a similar density, reported below).
  const prose = () =>
    pick([
      () => `${pick(names)} ${pick(cues)} the ${pick(names)} near ${pick(names)}, while ${pick(names)} ${pick(cues)} its position.`,
      () =>
        `According to ${pick(names)}, the ${pick(names)} had ${pick(cues)} the ${pick(names)} and could damage the interests of ${pick(names)}.`,
      () =>
        `However, ${pick(names)} was not ready for a large-scale open war with ${pick(names)}, and ${pick(names)} found the proposal acceptable.`,
    ])();
  const figures = () =>
    pick([
      () => `By ${date()}, ${pick(names)} ${pick(cues)} ${figure()} ${pick(['troops', 'soldiers', 'men', 'settlers', 'dead'])}.`,
      () => `${pick(names)} was ${pick(cues)} on ${date()} at ${pick(names)}.[${Math.floor(rand() * 9) + 1}]`,
      () => `Tbe ${pick(names)} ${pick(cues)} ${figure().replace(',', '.')} troops¹ and ${pick(['two', 'five', 'a hundred'])} officers.`,
      () => `The ${pick(names)} suffered ${figure()} killed and another ${figure()} deaths from disease.[ citation needed ]`,
      () =>
        `${pick(names)} (${1850 + Math.floor(rand() * 40)}–${1900 + Math.floor(rand() * 40)}) ${pick(cues)} the ${pick(names)} from 19${10 + Math.floor(rand() * 10)} to 19${20 + Math.floor(rand() * 10)}.`,
    ])();
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 4 + Math.floor(rand() * 4) }, () => (rand() < 0.3 ? figures() : prose())).join(' ') + '\n\n';
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}

/**
 * Best of three runs over the 5 MB text after a warm-up, by wall time and by CPU time: the machine
 * is shared, so the load average at the time is reported with the numbers.
 */
function measureThroughput(c: Corpus) {
  const text = syntheticText(c, 5_000_000);
  const mb = Buffer.byteLength(text) / 1e6;
  extractClaims(text.slice(0, 1_000_000), { sourceId: 'warm-up', entities: c.entities, properties: c.properties });
  let wall = Infinity;
  let cpu = Infinity;
  let claims = 0;
  let progressCalls = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    const result = extractClaims(
      text,
      { sourceId: 'synthetic', entities: c.entities, properties: c.properties },
      { onProgress: () => progressCalls++ },
    );
    wall = Math.min(wall, (performance.now() - started) / 1000);
    const used = process.cpuUsage(usage);
    cpu = Math.min(cpu, (used.user + used.system) / 1e6);
    claims = result.claims.length;
  }
  return {
    text,
    mb,
    mbPerSecond: mb / wall,
    mbPerCpuSecond: mb / cpu,
    claims,
    claimsPerKb: claims / (mb * 1000),
    load: loadavg()[0]!,
    progressCalls,
  };
}

/**
 * A paste is usually small: 1,000 extractions of ~2 KB texts (the development texts cut into 2 KB pieces,
 * taken in turn), so that what each call costs before it reads a word (indexes, patterns) shows.
 */
function measureSmallTexts(c: Corpus) {
  const pieces = DEV_TEXTS.flatMap((name) => {
    const { text } = loadDev(name);
    const out: string[] = [];
    for (let i = 0; i + 1500 <= text.length; i += 2000) out.push(text.slice(i, i + 2000));
    return out;
  });
  const run = (n: number) => {
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const text = pieces[i % pieces.length]!;
      bytes += Buffer.byteLength(text);
      extractClaims(text, { sourceId: 'small', entities: c.entities, properties: c.properties });
    }
    return bytes;
  };
  run(20); // warm-up
  const started = performance.now();
  const usage = process.cpuUsage();
  const bytes = run(1000);
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(usage);
  return {
    texts: 1000,
    kb: bytes / 1000 / 1000,
    mbPerSecond: bytes / 1e6 / wall,
    mbPerCpuSecond: bytes / 1e6 / ((used.user + used.system) / 1e6),
    load: loadavg()[0]!,
  };
}

/** wink-nlp on the same material: its speed, which gold date wordings its DATE entities cover, and "[4]" read as a number. */
async function measureWink(text: string, c: Corpus) {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const slice = text.slice(0, 1_000_000);
  nlp.readDoc(slice.slice(0, 100_000)).entities().out(nlp.its.detail); // warm-up, as for the extractor
  const started = performance.now();
  const usage = process.cpuUsage();
  nlp.readDoc(slice).entities().out(nlp.its.detail);
  const mbPerSecond = Buffer.byteLength(slice) / 1e6 / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(usage);
  const mbPerCpuSecond = Buffer.byteLength(slice) / 1e6 / ((used.user + used.system) / 1e6);
  let dateHits = 0;
  let ourDateHits = 0;
  let dateTotal = 0;
  let markersAsNumbers = 0;
  for (const source of c.sources) {
    const sourceText = c.texts.get(source.id)!;
    const entities = nlp.readDoc(sourceText).entities().out(nlp.its.detail) as unknown as { value: string; type: string }[];
    markersAsNumbers += entities.filter(
      (e) => e.type === 'CARDINAL' && /^\d{1,2}$/.test(e.value) && sourceText.includes(`[${e.value}]`),
    ).length;
    const dates = entities.filter((e) => e.type === 'DATE').map((e) => e.value);
    const ours = new Set(all.filter((x) => x.source === source.id && x.value.type === 'date').map((x) => x.wording));
    for (const gold of c.claims.filter((x) => x.source === source.id && x.value.type === 'date')) {
      dateTotal++;
      const core = gold.wording.replace(/^(?:in|by|until|from|between)\s+/i, '');
      if (dates.some((d) => d.includes(core) || core.includes(d))) dateHits++;
      if ([...ours].some((d) => d.includes(core) || core.includes(d))) ourDateHits++;
    }
  }
  return { mbPerSecond, mbPerCpuSecond, dateHits, ourDateHits, dateTotal, markersAsNumbers };
}

function designNotes(): string {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARK);
  return at === -1 ? '' : previous.slice(at + NOTES_MARK.length).trim();
}

function report(): string {
  const row = (name: string, e: Evaluation) =>
    `| ${name} | ${e.overall.all.precision.toFixed(2)} | ${e.overall.all.recall.toFixed(2)} | ${e.overall.quantity.precision.toFixed(2)} | ${e.overall.quantity.recall.toFixed(2)} | ${e.overall.date.precision.toFixed(2)} | ${e.overall.date.recall.toFixed(2)} | ${e.edges.reproduced}/${e.edges.curated} |`;
  const lines = [
    '# Claim extraction: measured quality',
    '',
    'Generated by `npx tsx bench/extract.ts` from the raw texts of the bundled sources against the curated claims in graph-data/ (a match: same source, subject, property and value — quantities with the same amount and comparator, dates with the same day interval).',
    '',
    `## At the default threshold (confidence ≥ ${DEFAULT_THRESHOLD})`,
    '',
    '| | precision | recall | right | wrong | missed |',
    '|---|---|---|---|---|---|',
    ...(
      [
        ['figures + dates', main.overall.all],
        ['figures', main.overall.quantity],
        ['dates', main.overall.date],
        ...Object.entries(main.perSource).map(([id, s]) => [id, s.all] as const),
      ] as const
    ).map(([n, c]) => `| ${n} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} | ${c.tp} | ${c.fp} | ${c.fn} |`),
    '',
    `Curated agree/conflict edges between figures or dates reproduced by reconciling the extracted claims: **${main.edges.reproduced} of ${main.edges.curated} (${pct(main.edges.share)})**; of all ${main.edges.curatedAll} curated edges (relations, texts and curated judgements included, which extraction does not produce): ${pct(main.edges.shareOfAll)}.`,
    '',
    `Throughput: **${throughput.mbPerSecond.toFixed(2)} MB/s** wall time, ${throughput.mbPerCpuSecond.toFixed(2)} MB per CPU-second (best of 3 runs after a warm-up; load average ${throughput.load.toFixed(1)} on this shared machine) on a synthetic ${throughput.mb.toFixed(1)} MB text (${throughput.claims} claims, ${throughput.claimsPerKb.toFixed(1)} per KB; the bundled sources yield ${(all.length / bundledKb).toFixed(1)} candidate claims per KB). Schema-invalid or misquoted claims: ${invalid}.`,
    '',
    `Small texts (a paste is usually a few KB): ${small.texts} extractions of ${small.kb.toFixed(1)} KB pieces of the development texts: **${small.mbPerSecond.toFixed(2)} MB/s** wall, ${small.mbPerCpuSecond.toFixed(2)} MB per CPU-second (load average ${small.load.toFixed(1)}).`,
    '',
    '## Held-out texts (test/extract/held-out/)',
    '',
    'Two texts written for measurement, on subjects the bundled sources know nothing about, each with its own entities, properties and hand-annotated expected claims: an OCR-like capture of the 1889 London dock strike (soft wraps, words hyphenated across lines, superscript note markers, "Tbe", day-month-year dates) and a Wikipedia-style capture of the Battle of Gettysburg (a flattened infobox with a "Units involved" row, month-day-year dates, "July 1–3, 1863").',
    '',
    '| | precision | recall | right | wrong | missed | P figures | R figures | P dates | R dates |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...[...heldOut.map((r) => [r.name, r.evaluation] as const), ['both texts', heldOutAll] as const].map(
      ([n, e]) =>
        `| ${n} | ${e.overall.all.precision.toFixed(2)} | ${e.overall.all.recall.toFixed(2)} | ${e.overall.all.tp} | ${e.overall.all.fp} | ${e.overall.all.fn} | ${e.overall.quantity.precision.toFixed(2)} | ${e.overall.quantity.recall.toFixed(2)} | ${e.overall.date.precision.toFixed(2)} | ${e.overall.date.recall.toFixed(2)} |`,
    ),
    '',
    'Missed:',
    '',
    ...heldOut.flatMap((r) =>
      r.evaluation.unmatchedCurated.map((c) => `- ${r.name}: ${c.subject} ${c.property} “${c.wording.replace(/\s+/g, ' ')}”`),
    ),
    '',
    'Extracted with no expected match:',
    '',
    ...heldOut.flatMap((r) =>
      r.evaluation.unmatchedExtracted.map((c) => `- ${r.name}: ${c.subject} ${c.property} “${c.wording}” (${c.confidence})`),
    ),
    '',
    '## Development texts (test/extract/dev/): text nobody wrote a vocabulary for',
    '',
    `${dev.length} short texts (every .txt with its annotation in the folder; origin and licence in each .json), read with the bundled graph as a user's paste would be, every figure and date annotated (value, subject, property or "new" where a proposed property is right). Four written for development (an OCR official history, an encyclopedia lead with a flattened infobox, a 1917 newspaper report, an inquiry report); the others public-domain or openly licensed texts of other genres and subjects (VOA and 1902 newspaper reports with datelines, a BLS statistical release, Hansard records, NTSB and USGS government pages, Wikipedia articles on the marathon and on Iceland's economy), annotated before their first run. They are development data (studied and fixed against), not an unseen benchmark.`,
    '',
    '| text | values found | with the right subject | and an acceptable property | candidates with an annotated value | junk entity proposals |',
    '|---|---|---|---|---|---|',
    ...[...dev, devTotal(dev)].map(
      (d) =>
        `| ${d.name} | ${d.found}/${d.expected} | ${d.withSubject} | ${d.withProperty} | ${d.candidatesRight}/${d.candidates} | ${d.junk.length}/${d.proposals.length} |`,
    ),
    '',
    `Claims under proposed properties on the bundled sources (any confidence; not counted in the precision above): ${main.proposed.length}.`,
    '',
    '## By confidence threshold',
    '',
    '| threshold | P all | R all | P figures | R figures | P dates | R dates | edges |',
    '|---|---|---|---|---|---|---|---|',
    ...byThreshold.map(({ t, ev }) => row(`≥ ${t}`, ev)),
    '',
    '## Missed curated claims (default threshold)',
    '',
    ...main.unmatchedCurated.map((c) => `- ${c.id}: ${c.subject} ${c.property} “${c.wording}”`),
    '',
    '## Extracted claims with no curated match (default threshold)',
    '',
    ...main.unmatchedExtracted.map((c) => `- ${c.id}: ${c.subject} ${c.property} “${c.wording}” (${c.confidence})`),
    '',
    ...(wink
      ? [
          '## wink-nlp, measured on the same material',
          '',
          `- speed: ${wink.mbPerSecond.toFixed(2)} MB/s wall, ${wink.mbPerCpuSecond.toFixed(2)} MB per CPU-second for tokenising and entity recognition alone (this extractor, everything included: ${throughput.mbPerSecond.toFixed(2)} MB/s wall, ${throughput.mbPerCpuSecond.toFixed(2)} MB per CPU-second)`,
          `- curated date wordings covered by its DATE entities: ${wink.dateHits}/${wink.dateTotal} (this extractor's date claims: ${wink.ourDateHits}/${wink.dateTotal})`,
          `- footnote markers such as "[4]" read as CARDINAL numbers: ${wink.markersAsNumbers}`,
          '',
        ]
      : []),
    NOTES_MARK,
    designNotes(),
  ];
  return lines.join('\n') + '\n';
}

/** CPU seconds (user + system, every thread of the process) and wall seconds of `run`. */
function timed(run: () => void): { cpu: number; wall: number } {
  const started = performance.now();
  const usage = process.cpuUsage();
  run();
  const used = process.cpuUsage(usage);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - started) / 1000 };
}

/** See --speed at the top of the file. */
async function measureSpeed() {
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 3) || 3;
  const { corpus: c } = await loadStore();
  const vocabulary = { entities: c.entities, properties: c.properties };
  const texts = [
    ...DEV_TEXTS.map((name) => loadDev(name).text),
    ...[...c.texts].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text),
  ];
  const bytes = (t: string) => Buffer.byteLength(t);
  const roundBytes = texts.reduce((n, t) => n + bytes(t), 0);
  const loads: number[] = [loadavg()[0]!];
  const extract = (text: string, id = 'speed') => extractClaims(text, { sourceId: id, ...vocabulary });
  const round = () => {
    for (const t of texts) extract(t);
  };
  // (a) each text one call. Cold: the first 0.5 MB in this process (indexes built, the JIT compiling as it
  // goes: what a benchmark run or a freshly started worker sees); warm: after 2 MB, rounds until `seconds`.
  let done = 0;
  let cold = { cpu: 0, wall: 0 };
  let coldBytes = 0;
  while (coldBytes < 500_000) {
    const r = timed(round);
    cold = { cpu: cold.cpu + r.cpu, wall: cold.wall + r.wall };
    coldBytes += roundBytes;
  }
  done += coldBytes;
  while (done < 2_000_000) {
    round();
    done += roundBytes;
  }
  let smallBytes = 0;
  let small = { cpu: 0, wall: 0 };
  let rounds = 0;
  while (small.cpu < seconds) {
    const r = timed(round);
    small = { cpu: small.cpu + r.cpu, wall: small.wall + r.wall };
    smallBytes += roundBytes;
    rounds++;
  }
  loads.push(loadavg()[0]!);
  const joined = texts.join('\n\n');
  const repeat = (target: number) => Array.from({ length: Math.ceil(target / bytes(joined)) }, () => joined).join('\n\n');
  const large = repeat(750_000);
  const huge = repeat(5_000_000);
  extract(large.slice(0, 100_000));
  let best = { cpu: Infinity, wall: Infinity };
  for (let i = 0; i < 3; i++) {
    const r = timed(() => extract(large));
    best = { cpu: Math.min(best.cpu, r.cpu), wall: Math.min(best.wall, r.wall) };
  }
  loads.push(loadavg()[0]!);
  const five = timed(() => extract(huge));
  loads.push(loadavg()[0]!);
  // Fixed cost of one call: a one-sentence text.
  const tiny = 'On 3 May 1918, 7,000 troops landed at Vladivostok.';
  for (let i = 0; i < 200; i++) extract(tiny);
  const calls = 2000;
  const fixed = timed(() => {
    for (let i = 0; i < calls; i++) extract(tiny);
  });
  loads.push(loadavg()[0]!);
  const mb = (b: number) => b / 1e6;
  const line = (name: string, b: number, t: { cpu: number; wall: number }) =>
    `| ${name} | ${mb(b).toFixed(3)} | ${(mb(b) / t.cpu).toFixed(2)} | ${(mb(b) / t.wall).toFixed(2)} |`;
  console.log(`load average ${loads.map((l) => l.toFixed(1)).join(' → ')} (2 shared cores)`);
  console.log('| shape | MB | MB per CPU-second | MB/s wall |');
  console.log('|---|---|---|---|');
  console.log(line(`${texts.length} texts, one call each, cold (first 0.5 MB of the process)`, coldBytes, cold));
  console.log(line(`${texts.length} texts, one call each, warm (${rounds} rounds after 2 MB)`, smallBytes, small));
  console.log(line('joined, ~0.75 MB (best of 3)', bytes(large), best));
  console.log(line('joined, ~5 MB (once)', bytes(huge), five));
  console.log(
    `fixed cost: ${((fixed.cpu / calls) * 1e6).toFixed(0)} µs of CPU per call on a ${tiny.length}-character text (${calls} calls)`,
  );
}
