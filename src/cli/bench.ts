import Fuse from 'fuse.js';
import { createEngine } from '../answer/engine';
import type { AnswerEngine } from '../answer/engine-api';
import { fmtMs, heapMb, latency, timeOnce, timeOnceAsync, type Latency } from '../bench/measure';
import { syntheticBase, syntheticFiles, syntheticPrefixes, syntheticQuestions, syntheticRecords, vocabularyOf } from '../bench/synthetic';
import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import { loadKnowledge, loadKnowledgeFromStrings } from '../knowledge/load';
import { runMain } from './run-main';

// `npm run bench`: speed and memory of the answer engine against a fuse.js baseline, on the shipped
// base and on synthetic bases of 1k, 10k and 100k entries. `--quick` skips the 100k base.

type Row = {
  name: string;
  entries: number;
  loadMs?: number;
  buildMs: number;
  ask: Latency;
  suggest: Latency;
  heapTotalMb: number;
  heapIndexMb: number;
  baseline: { buildMs: number; ask: Latency; suggest: Latency; heapIndexMb: number };
};

const QUERIES = 1000;
const WARMUP = 2000;
const PASS_SEEDS = [2, 12, 22];
/** fuse.js scans every entry on every query; at 100k a query takes seconds, so it gets fewer queries. */
const BASELINE_QUERIES: Record<string, number> = { shipped: 300, '1k': 100, '10k': 12, '100k': 3 };
const out = (s = '') => process.stdout.write(`${s}\n`);

function baselineFuse(entries: readonly Entry[]): Fuse<Entry> {
  // fuse.js with default options over every text field: the approach the issue measures against.
  return new Fuse(entries as Entry[], { keys: ['text', 'questions', 'keywords', 'speaker', 'role', 'context', 'involved'] });
}

async function measureBase(name: string, base: KnowledgeBase, loadMs: number | undefined, shipped: KnowledgeBase): Promise<Row> {
  const vocab = vocabularyOf(shipped);
  const questions = syntheticQuestions(vocab, base, QUERIES);
  const prefixes = syntheticPrefixes(base, QUERIES);
  // A different seed: warms the JIT without answering the measured questions in advance (typo cache).
  // 2,000 because V8 keeps tiering code up for that long on a busy 2-core machine: with 500, the shipped
  // base's p99 was ~4 ms from compilation alone, ~0.7 ms once warm — and a bot runs warm for days.
  const warmQuestions = syntheticQuestions(vocab, base, WARMUP, 7);
  const warmPrefixes = syntheticPrefixes(base, WARMUP, 8);

  const before = await heapMb();
  const built = timeOnce(() => createEngine(base));
  let engine: AnswerEngine | undefined = built.value;
  const heapTotalMb = await heapMb();
  // Three passes over three different query sets; the pass with the middle p99 is reported. A p99 of
  // 1,000 queries is its 10th-slowest query, and a neighbour process on a 2-core machine can move it by ms.
  const passes = (make: (seed: number) => string[], run: (q: string) => unknown, warm: string[]) => {
    const all = PASS_SEEDS.map((seed) => latency(make(seed), run, warm));
    return [...all].sort((a, b) => a.p99 - b.p99)[1]!;
  };
  const ask = passes((seed) => (seed === PASS_SEEDS[0] ? questions : syntheticQuestions(vocab, base, QUERIES, seed)), (q) => engine!.ask(q), warmQuestions);
  const suggest = passes((seed) => (seed === PASS_SEEDS[0] ? prefixes : syntheticPrefixes(base, QUERIES, seed + 1)), (p) => engine!.suggest(p), warmPrefixes);
  engine = undefined;

  const fuseBefore = await heapMb();
  const fuseBuilt = timeOnce(() => baselineFuse(base.entries));
  let fuse: Fuse<Entry> | undefined = fuseBuilt.value;
  const fuseHeap = (await heapMb()) - fuseBefore;
  const nb = BASELINE_QUERIES[name] ?? 50;
  const bAsk = latency(questions.slice(0, nb), (q) => fuse!.search(q, { limit: 3 }), warmQuestions.slice(0, 2));
  const bSuggest = latency(prefixes.slice(0, nb), (p) => fuse!.search(p, { limit: 25 }), warmPrefixes.slice(0, 2));
  fuse = undefined;

  return {
    name,
    entries: base.entries.length,
    loadMs,
    buildMs: built.ms,
    ask,
    suggest,
    heapTotalMb,
    heapIndexMb: heapTotalMb - before,
    baseline: { buildMs: fuseBuilt.ms, ask: bAsk, suggest: bSuggest, heapIndexMb: fuseHeap },
  };
}

function printRow(r: Row): void {
  const ratio = (b: number, o: number) => (o > 0 ? `×${(b / o).toFixed(b / o >= 10 ? 0 : b / o >= 1 ? 1 : 2)}` : '-');
  out(`\n== ${r.name}: ${r.entries.toLocaleString('en')} entries ==`);
  out(`  load + validate       ${r.loadMs === undefined ? 'not measured' : fmtMs(r.loadMs)}`);
  out(`  index build           ${fmtMs(r.buildMs).padEnd(12)} baseline ${fmtMs(r.baseline.buildMs).padEnd(12)} (baseline/ours ${ratio(r.baseline.buildMs, r.buildMs)})`);
  out(`  ask      median/p99   ${`${fmtMs(r.ask.median)} / ${fmtMs(r.ask.p99)}`.padEnd(22)} n=${r.ask.n}   baseline ${fmtMs(r.baseline.ask.median)} / ${fmtMs(r.baseline.ask.p99)} n=${r.baseline.ask.n}   (baseline/ours median ${ratio(r.baseline.ask.median, r.ask.median)}, p99 ${ratio(r.baseline.ask.p99, r.ask.p99)})`);
  out(`  suggest  median/p99   ${`${fmtMs(r.suggest.median)} / ${fmtMs(r.suggest.p99)}`.padEnd(22)} n=${r.suggest.n}   baseline ${fmtMs(r.baseline.suggest.median)} / ${fmtMs(r.baseline.suggest.p99)} n=${r.baseline.suggest.n}   (baseline/ours median ${ratio(r.baseline.suggest.median, r.suggest.median)}, p99 ${ratio(r.baseline.suggest.p99, r.suggest.p99)})`);
  out(`  heap                  ${r.heapTotalMb.toFixed(1)} MB in use with base + engine (engine index ${r.heapIndexMb.toFixed(1)} MB; baseline fuse.js index ${r.baseline.heapIndexMb.toFixed(1)} MB)`);
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

  out('\n== goals (issue 3) ==');
  const find = (name: string) => rows.find((r) => r.name === name);
  const goal = (label: string, value: number | undefined, limit: number, unit: string, shown: string) =>
    out(`  ${value === undefined ? 'SKIP' : value <= limit ? 'PASS' : 'MISS'}  ${label.padEnd(44)} ${value === undefined ? 'not measured' : shown} (goal ≤ ${limit} ${unit})`);
  const s = find('shipped');
  const k10 = find('10k');
  const k100 = find('100k');
  goal('ask p99 on the shipped base', s?.ask.p99, 1, 'ms', fmtMs(s?.ask.p99 ?? NaN));
  goal('ask p99 at 10,000 entries', k10?.ask.p99, 5, 'ms', fmtMs(k10?.ask.p99 ?? NaN));
  goal('autocomplete p99 at 10,000 entries', k10?.suggest.p99, 2, 'ms', fmtMs(k10?.suggest.p99 ?? NaN));
  const lvi = k10 && k10.loadMs !== undefined ? k10.loadMs + k10.buildMs : undefined;
  goal(
    'load + validate + index at 10,000 entries',
    lvi === undefined ? undefined : lvi / 1000,
    1,
    's',
    lvi === undefined ? '' : `${(lvi / 1000).toFixed(2)} s = loader ${(k10!.loadMs! / 1000).toFixed(2)} s + index ${(k10!.buildMs / 1000).toFixed(2)} s`,
  );
  goal('heap at 100,000 entries (base + engine)', k100?.heapTotalMb, 200, 'MB', `${k100?.heapTotalMb.toFixed(1)} MB`);
  out(`\nQueries: ${QUERIES} asks and ${QUERIES} autocomplete prefixes per base and pass, 3 passes with different queries, the pass with the middle p99 shown (after ${WARMUP} unmeasured warm-up ones), generated from each base's entries (30% with a typo).`);
  out(`Baseline (fuse.js defaults over all text fields) ran fewer queries: ${Object.entries(BASELINE_QUERIES).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out('Synthetic bases are made from the shipped words, people, topics and sources; load + validate goes through the real loader up to 10k (100k is built directly).');
  return 0;
}

runMain('bench', main);
