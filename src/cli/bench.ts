import { createEngine } from '../answer/engine';
import type { AnswerEngine } from '../answer/engine-api';
import { fuseBaseline, miniSearchBaseline, type Baseline, type MiniSearchBaseline } from '../bench/baselines';
import { fmtMs, heapMb, latency, timeOnce, timeOnceAsync, type Latency } from '../bench/measure';
import { syntheticBase, syntheticFiles, syntheticPrefixes, syntheticQuestions, syntheticRecords, vocabularyOf } from '../bench/synthetic';
import type { KnowledgeBase } from '../knowledge/base';
import { loadKnowledge, loadKnowledgeFromStrings } from '../knowledge/load';
import { runMain } from './run-main';

// `npm run bench`: speed and memory of the answer engine against two baselines measured in the same run —
// fuse.js (defaults) and MiniSearch (fuzzy 0.2, prefix, boosted fields) — on the shipped base and on
// synthetic bases of 1k, 10k and 100k entries. `--quick` skips the 100k base. The goals are ratios to
// MiniSearch: absolute times move ±2× from one run to the next on a shared machine, ratios much less.

type Side = { buildMs: number; ask: Latency; suggest: Latency; heapIndexMb: number };
type Row = {
  name: string;
  entries: number;
  loadMs?: number;
  ours: Side & { heapTotalMb: number; firstAskMs: number };
  mini: Side & { autoSuggest: Latency };
  fuse: Side;
};

const QUERIES = 1000;
const WARMUP = 2000;
const PASS_SEEDS = [2, 12, 22];
/** Index builds timed per base (median shown): one build is one sample, and the machine is shared. */
const BUILDS: Record<string, number> = { shipped: 5, '1k': 5, '10k': 3, '100k': 1 };
/**
 * MiniSearch's fuzzy search visits many terms on every query (~10 ms on the shipped base on a busy machine),
 * so it runs the first queries of the same sets: a p99 of 300 is their 3rd-slowest, still a tail figure.
 */
const MINI_QUERIES: Record<string, number> = { shipped: 300, '1k': 300, '10k': 200, '100k': 50 };
const MINI_WARMUP = 100;
/** fuse.js scans every entry on every query; at 100k a query takes seconds, so it gets fewer queries. */
const FUSE_QUERIES: Record<string, number> = { shipped: 300, '1k': 100, '10k': 12, '100k': 3 };
const out = (s = '') => process.stdout.write(`${s}\n`);

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measureBase(name: string, base: KnowledgeBase, loadMs: number | undefined, shipped: KnowledgeBase): Promise<Row> {
  const vocab = vocabularyOf(shipped);
  const questions = syntheticQuestions(vocab, base, QUERIES);
  const prefixes = syntheticPrefixes(base, QUERIES);
  // A different seed: warms the JIT without answering the measured questions in advance (typo cache).
  // 2,000 because V8 keeps tiering code up for that long on a busy 2-core machine: with 500, the shipped
  // base's p99 was ~4 ms from compilation alone, ~0.7 ms once warm — and a bot runs warm for days.
  const warmQuestions = syntheticQuestions(vocab, base, WARMUP, 7);
  const warmPrefixes = syntheticPrefixes(base, WARMUP, 8);
  // Three passes over three different query sets; the pass with the middle p99 is reported. A p99 of
  // 1,000 queries is its 10th-slowest query, and a neighbour process on a 2-core machine can move it by ms.
  const passes = (count: number, make: (seed: number) => string[], run: (q: string) => unknown, warm: string[]) => {
    const all = PASS_SEEDS.map((seed) => latency(make(seed).slice(0, count), run, warm));
    return [...all].sort((a, b) => a.p99 - b.p99)[1]!;
  };
  const askSets = (seed: number) => (seed === PASS_SEEDS[0] ? questions : syntheticQuestions(vocab, base, QUERIES, seed));
  const prefixSets = (seed: number) => (seed === PASS_SEEDS[0] ? prefixes : syntheticPrefixes(base, QUERIES, seed + 1));

  // Builds alternate between Hotline and MiniSearch, so that a busy moment of the machine hits both alike;
  // the first build of each pays for compiling its code, as it does when the bot starts.
  const builds = BUILDS[name] ?? 1;
  const oursMs: number[] = [];
  const miniMs: number[] = [];
  for (let i = 0; i < builds - 1; i++) {
    oursMs.push(timeOnce(() => createEngine(base)).ms);
    miniMs.push(timeOnce(() => miniSearchBaseline(base)).ms);
  }

  const before = await heapMb();
  const built = timeOnce(() => createEngine(base));
  oursMs.push(built.ms);
  let engine: AnswerEngine | undefined = built.value;
  const heapTotalMb = await heapMb();
  // The first question after a build pays for what the engine works out on first need (curated questions' concepts).
  const firstAskMs = timeOnce(() => engine!.ask(questions[0]!)).ms;
  const ask = passes(QUERIES, askSets, (q) => engine!.ask(q), warmQuestions);
  const suggest = passes(QUERIES, prefixSets, (p) => engine!.suggest(p), warmPrefixes);
  engine = undefined;

  const miniBefore = await heapMb();
  const miniBuilt = timeOnce(() => miniSearchBaseline(base));
  miniMs.push(miniBuilt.ms);
  let mini: MiniSearchBaseline | undefined = miniBuilt.value;
  const miniHeap = (await heapMb()) - miniBefore;
  const nm = MINI_QUERIES[name] ?? QUERIES;
  const miniAsk = passes(nm, askSets, (q) => mini!.ask(q), warmQuestions.slice(0, MINI_WARMUP));
  const miniPrefix = passes(nm, prefixSets, (p) => mini!.complete(p), warmPrefixes.slice(0, MINI_WARMUP));
  const miniAuto = passes(nm, prefixSets, (p) => mini!.autoSuggest(p), warmPrefixes.slice(0, MINI_WARMUP));
  mini = undefined;

  const fuseBefore = await heapMb();
  const fuseBuilt = timeOnce(() => fuseBaseline(base));
  let fuse: Baseline | undefined = fuseBuilt.value;
  const fuseHeap = (await heapMb()) - fuseBefore;
  const nf = FUSE_QUERIES[name] ?? 50;
  const fAsk = latency(questions.slice(0, nf), (q) => fuse!.ask(q), warmQuestions.slice(0, 2));
  const fSuggest = latency(prefixes.slice(0, nf), (p) => fuse!.complete(p), warmPrefixes.slice(0, 2));
  fuse = undefined;

  return {
    name,
    entries: base.entries.length,
    loadMs,
    ours: { buildMs: median(oursMs), ask, suggest, heapTotalMb, heapIndexMb: heapTotalMb - before, firstAskMs },
    mini: { buildMs: median(miniMs), ask: miniAsk, suggest: miniPrefix, autoSuggest: miniAuto, heapIndexMb: miniHeap },
    fuse: { buildMs: fuseBuilt.ms, ask: fAsk, suggest: fSuggest, heapIndexMb: fuseHeap },
  };
}

/** ours / theirs, the way the goals read it (below 1: Hotline takes less). */
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(ours / theirs >= 10 ? 0 : 2)}×` : '-');
const lat = (l: Latency) => `${fmtMs(l.median)} / ${fmtMs(l.p99)}`.padEnd(22);

function printRow(r: Row): void {
  const { ours, mini, fuse } = r;
  out(`\n== ${r.name}: ${r.entries.toLocaleString('en')} entries ==`);
  out(`  load + validate          ${r.loadMs === undefined ? 'not measured' : fmtMs(r.loadMs)}`);
  out('                           Hotline                 MiniSearch              fuse.js                 Hotline/MiniSearch');
  out(`  index build (median)     ${fmtMs(ours.buildMs).padEnd(24)}${fmtMs(mini.buildMs).padEnd(24)}${fmtMs(fuse.buildMs).padEnd(24)}${ratio(ours.buildMs, mini.buildMs)}`);
  out(`  ask median / p99         ${lat(ours.ask)}  ${lat(mini.ask)}  ${lat(fuse.ask)}  p99 ${ratio(ours.ask.p99, mini.ask.p99)}`);
  out(`  autocomplete median/p99  ${lat(ours.suggest)}  ${lat(mini.suggest)}  ${lat(fuse.suggest)}  p99 ${ratio(ours.suggest.p99, mini.suggest.p99)} (MiniSearch prefix search)`);
  out(`  MiniSearch autoSuggest                           ${lat(mini.autoSuggest)}                          p99 ${ratio(ours.suggest.p99, mini.autoSuggest.p99)}`);
  out(`  queries per pass         ${String(ours.ask.n).padEnd(24)}${String(mini.ask.n).padEnd(24)}${fuse.ask.n}`);
  out(`  index heap               ${`${ours.heapIndexMb.toFixed(1)} MB`.padEnd(24)}${`${mini.heapIndexMb.toFixed(1)} MB`.padEnd(24)}${fuse.heapIndexMb.toFixed(1)} MB`);
  out(`  heap in use (base + engine) ${ours.heapTotalMb.toFixed(1)} MB; Hotline's first ask after a build ${fmtMs(ours.firstAskMs)}`);
}

/** Builds one synthetic base; the records and YAML texts it is made from are garbage by the time heap is measured. */
function makeBase(shipped: KnowledgeBase, vocab: ReturnType<typeof vocabularyOf>, size: number, name: string): { base: KnowledgeBase; loadMs?: number } | undefined {
  const records = syntheticRecords(vocab, size);
  if (size > 10_000) {
    // Parsing 100k entries of YAML is not what this base is for (heap and query speed); it is built directly.
    return { base: syntheticBase(shipped, records) };
  }
  const files = syntheticFiles(shipped, records);
  const result = timeOnce(() => loadKnowledgeFromStrings(files));
  if (!result.value.ok) {
    process.stderr.write(`synthetic ${name} base failed validation: ${result.value.errors.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}\n`);
    return undefined;
  }
  return { base: result.value.base, loadMs: result.ms };
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const dir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  out(`bench: node ${process.version}, ${hasGc ? 'gc exposed' : 'gc NOT exposed (run through npm run bench for exact heap figures)'}`);
  const loaded = await timeOnceAsync(() => loadKnowledge(dir));
  if (!loaded.value.ok) {
    process.stderr.write(`knowledge in ${dir} is invalid; run npm run kb:check\n`);
    return 1;
  }
  const shipped = loaded.value.base;
  const rows: Row[] = [await measureBase('shipped', shipped, loaded.ms, shipped)];
  printRow(rows[0]!);

  const vocab = vocabularyOf(shipped);
  for (const [name, size] of [['1k', 1_000], ['10k', 10_000], ['100k', 100_000]] as const) {
    if (quick && size > 10_000) continue;
    const made = makeBase(shipped, vocab, size, name);
    if (!made) return 1;
    const { base, loadMs } = made;
    const row = await measureBase(name, base, loadMs, shipped);
    rows.push(row);
    printRow(row);
  }

  const find = (name: string) => rows.find((r) => r.name === name);
  const s = find('shipped');
  const k10 = find('10k');
  const k100 = find('100k');
  const goal = (label: string, value: number | undefined, limit: number, unit: string, shown: string) =>
    out(`  ${value === undefined || Number.isNaN(value) ? 'SKIP' : value <= limit ? 'PASS' : 'MISS'}  ${label.padEnd(52)} ${value === undefined ? 'not measured' : shown} (goal ≤ ${limit}${unit})`);
  const vs = (label: string, ours: number | undefined, theirs: number | undefined, limit: number) =>
    goal(label, ours === undefined || theirs === undefined ? undefined : ours / theirs, limit, '×', ours === undefined || theirs === undefined ? '' : `${ratio(ours, theirs)} (${fmtMs(ours)} against ${fmtMs(theirs)})`);
  out('\n== goals (issue 10): ratios to MiniSearch in this run ==');
  vs('ask p99, shipped base', s?.ours.ask.p99, s?.mini.ask.p99, 0.5);
  vs('ask p99, 10,000 entries', k10?.ours.ask.p99, k10?.mini.ask.p99, 0.5);
  vs('autocomplete p99 vs prefix search p99, 10,000 entries', k10?.ours.suggest.p99, k10?.mini.suggest.p99, 1);
  vs('index build, shipped base', s?.ours.buildMs, s?.mini.buildMs, 1);
  vs('index build, 10,000 entries', k10?.ours.buildMs, k10?.mini.buildMs, 1);
  out('\n== goals (indicative, absolute) ==');
  const lvi = k10 && k10.loadMs !== undefined ? k10.loadMs + k10.ours.buildMs : undefined;
  goal(
    'load + validate + index at 10,000 entries',
    lvi === undefined ? undefined : lvi / 1000,
    1,
    ' s',
    lvi === undefined ? '' : `${(lvi / 1000).toFixed(2)} s = loader ${(k10!.loadMs! / 1000).toFixed(2)} s + index ${(k10!.ours.buildMs / 1000).toFixed(2)} s`,
  );
  goal('heap at 100,000 entries (base + engine)', k100?.ours.heapTotalMb, 200, ' MB', `${k100?.ours.heapTotalMb.toFixed(1)} MB`);
  out(`\nQueries: ${QUERIES} asks and ${QUERIES} autocomplete prefixes per base and pass, 3 passes with different queries, the pass with the middle p99 shown (after ${WARMUP} unmeasured warm-up ones), generated from each base's entries (30% with a typo).`);
  out(`Index build: median of ${Object.entries(BUILDS).map(([k, v]) => `${k} ${v}`).join(', ')} builds, Hotline's and MiniSearch's alternating; fuse.js built once.`);
  out(`MiniSearch: fuzzy 0.2, prefix, fields boosted as Hotline weighs them, over the same documents; ${MINI_WARMUP} warm-up queries, the same query sets (${Object.entries(MINI_QUERIES).map(([k, v]) => `${k} ${v}`).join(', ')} per pass).`);
  out(`fuse.js (defaults over all text fields) ran fewer queries, one pass: ${Object.entries(FUSE_QUERIES).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out('Synthetic bases are made from the shipped words, people, topics and sources; load + validate goes through the real loader up to 10k (100k is built directly).');
  return 0;
}

runMain('bench', main);
