import { createEngine } from '../answer/engine';
import type { AnswerEngine } from '../answer/engine-api';
import { fuseBaseline, miniSearchBaseline, type Baseline, type MiniSearchBaseline } from '../bench/baselines';
import { busyMs, fmtMs, heapMb, latency, timeOnce, timeOnceAsync, type Latency } from '../bench/measure';
import { syntheticBase, syntheticFiles, syntheticPrefixes, syntheticQuestions, syntheticRecords, vocabularyOf } from '../bench/synthetic';
import type { KnowledgeBase } from '../knowledge/base';
import { loadKnowledge, loadKnowledgeFromStrings } from '../knowledge/load';
import { runMain } from './run-main';

// `npm run bench`: speed and memory of the answer engine against two baselines measured in the same run —
// fuse.js (defaults) and MiniSearch (fuzzy 0.2, prefix, boosted fields) — on the shipped base and on
// synthetic bases of 1k, 10k and 100k entries. `--quick` skips the 100k base. The goals are ratios to
// MiniSearch: absolute times move ±2× from one run to the next on a shared machine, ratios much less.

/** Build: CPU, elapsed and main-thread milliseconds (medians over BUILDS builds) and the CPU time of the first of them. */
type Side = { build: { cpu: number; wall: number; busy: number; firstCpu: number }; ask: Latency; suggest: Latency; heapIndexMb: number };
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
/**
 * Index builds timed per base (median shown, the first also shown): one build is one sample, and the
 * machine is shared. The shipped base is measured first, so its first build also compiles each side's
 * code — what the bot's start-up pays once; a reload (or any later build) runs compiled code.
 */
const BUILDS: Record<string, number> = { shipped: 9, '1k': 5, '10k': 3, '100k': 1 };
/**
 * MiniSearch's fuzzy search visits many terms on every query (~10 ms on the shipped base on a busy machine),
 * so it runs the first queries of the same sets: a p99 of 300 is their 3rd-slowest, still a tail figure.
 */
const MINI_QUERIES: Record<string, number> = { shipped: 300, '1k': 300, '10k': 200, '100k': 50 };
const MINI_WARMUP = 100;
/** fuse.js scans every entry on every query; at 100k a query takes seconds, so it gets fewer queries. */
const FUSE_QUERIES: Record<string, number> = { shipped: 50, '1k': 30, '10k': 6, '100k': 2 };
const out = (s = '') => process.stdout.write(`${s}\n`);

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = (builds: ReadonlyArray<{ ms: number; cpu: number }>) => ({
  cpu: median(builds.map((b) => b.cpu)),
  wall: median(builds.map((b) => b.ms)),
  busy: median(builds.map((b) => busyMs(b.cpu, b.ms))),
  firstCpu: builds[0]!.cpu,
});

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
  const oursBuilds: Array<{ ms: number; cpu: number }> = [];
  const miniBuilds: Array<{ ms: number; cpu: number }> = [];
  for (let i = 0; i < builds - 1; i++) {
    oursBuilds.push(timeOnce(() => createEngine(base)));
    miniBuilds.push(timeOnce(() => miniSearchBaseline(base)));
  }

  const before = await heapMb();
  const built = timeOnce(() => createEngine(base));
  oursBuilds.push(built);
  let engine: AnswerEngine | undefined = built.value;
  const heapTotalMb = await heapMb();
  // The first question after a build pays for what the engine works out on first need (curated questions' concepts).
  const firstAskMs = timeOnce(() => engine!.ask(questions[0]!)).cpu;
  const ask = passes(QUERIES, askSets, (q) => engine!.ask(q), warmQuestions);
  const suggest = passes(QUERIES, prefixSets, (p) => engine!.suggest(p), warmPrefixes);
  engine = undefined;

  const miniBefore = await heapMb();
  const miniBuilt = timeOnce(() => miniSearchBaseline(base));
  miniBuilds.push(miniBuilt);
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
    ours: { build: medians(oursBuilds), ask, suggest, heapTotalMb, heapIndexMb: heapTotalMb - before, firstAskMs },
    mini: { build: medians(miniBuilds), ask: miniAsk, suggest: miniPrefix, autoSuggest: miniAuto, heapIndexMb: miniHeap },
    fuse: { build: medians([fuseBuilt]), ask: fAsk, suggest: fSuggest, heapIndexMb: fuseHeap },
  };
}

/** ours / theirs, the way the goals read it (below 1: Hotline takes less). */
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(ours / theirs >= 10 ? 0 : 2)}×` : '-');

function printRow(r: Row): void {
  const { ours, mini, fuse } = r;
  const col = (x: string) => x.padEnd(24);
  const both = (l: Latency) => `${fmtMs(l.median)} / ${fmtMs(l.p99)}`;
  out(`\n== ${r.name}: ${r.entries.toLocaleString('en')} entries ==`);
  out(`  load + validate           ${r.loadMs === undefined ? 'not measured' : fmtMs(r.loadMs)}`);
  out(`  CPU time                  ${col('Hotline')}${col('MiniSearch')}${col('fuse.js')}Hotline/MiniSearch`);
  out(
    `  index build (median)      ${col(fmtMs(ours.build.cpu))}${col(fmtMs(mini.build.cpu))}${col(fmtMs(fuse.build.cpu))}${ratio(ours.build.cpu, mini.build.cpu)}`,
  );
  out(
    `  first index build         ${col(fmtMs(ours.build.firstCpu))}${col(fmtMs(mini.build.firstCpu))}${col(fmtMs(fuse.build.firstCpu))}${ratio(ours.build.firstCpu, mini.build.firstCpu)}`,
  );
  out(`  ask median / p99          ${col(both(ours.ask))}${col(both(mini.ask))}${col(both(fuse.ask))}p99 ${ratio(ours.ask.p99, mini.ask.p99)}`);
  out(
    `  autocomplete median / p99 ${col(both(ours.suggest))}${col(both(mini.suggest))}${col(both(fuse.suggest))}p99 ${ratio(ours.suggest.p99, mini.suggest.p99)} (MiniSearch: prefix search)`,
  );
  out(`    MiniSearch autoSuggest  ${col('')}${col(both(mini.autoSuggest))}${col('')}p99 ${ratio(ours.suggest.p99, mini.autoSuggest.p99)}`);
  out(`  main thread (the lesser of CPU and elapsed time per call: the goals)`);
  out(
    `  index build (median)      ${col(fmtMs(ours.build.busy))}${col(fmtMs(mini.build.busy))}${col(fmtMs(fuse.build.busy))}${ratio(ours.build.busy, mini.build.busy)}`,
  );
  const busy = (l: Latency) => `${fmtMs(l.busy.median)} / ${fmtMs(l.busy.p99)}`;
  out(`  ask median / p99          ${col(busy(ours.ask))}${col(busy(mini.ask))}${col(busy(fuse.ask))}p99 ${ratio(ours.ask.busy.p99, mini.ask.busy.p99)}`);
  out(
    `  autocomplete median / p99 ${col(busy(ours.suggest))}${col(busy(mini.suggest))}${col(busy(fuse.suggest))}p99 ${ratio(ours.suggest.busy.p99, mini.suggest.busy.p99)} (MiniSearch: prefix search)`,
  );
  out(
    `  elapsed: build (median)   ${col(fmtMs(ours.build.wall))}${col(fmtMs(mini.build.wall))}${col(fmtMs(fuse.build.wall))}${ratio(ours.build.wall, mini.build.wall)}`,
  );
  out(
    `  elapsed: ask p99          ${col(fmtMs(ours.ask.wall.p99))}${col(fmtMs(mini.ask.wall.p99))}${col(fmtMs(fuse.ask.wall.p99))}${ratio(ours.ask.wall.p99, mini.ask.wall.p99)}`,
  );
  out(
    `  elapsed: autocomplete p99 ${col(fmtMs(ours.suggest.wall.p99))}${col(fmtMs(mini.suggest.wall.p99))}${col(fmtMs(fuse.suggest.wall.p99))}${ratio(ours.suggest.wall.p99, mini.suggest.wall.p99)}`,
  );
  out(`  queries per pass          ${col(String(ours.ask.n))}${col(String(mini.ask.n))}${fuse.ask.n}`);
  out(`  index heap                ${col(`${ours.heapIndexMb.toFixed(1)} MB`)}${col(`${mini.heapIndexMb.toFixed(1)} MB`)}${fuse.heapIndexMb.toFixed(1)} MB`);
  out(`  heap in use with base and engine ${ours.heapTotalMb.toFixed(1)} MB; CPU time of Hotline's first ask after a build ${fmtMs(ours.firstAskMs)}`);
}

/** Builds one synthetic base; the records and YAML texts it is made from are garbage by the time heap is measured. */
function makeBase(
  shipped: KnowledgeBase,
  vocab: ReturnType<typeof vocabularyOf>,
  size: number,
  name: string,
): { base: KnowledgeBase; loadMs?: number } | undefined {
  const records = syntheticRecords(vocab, size);
  if (size > 10_000) {
    // Parsing 100k entries of YAML is not what this base is for (heap and query speed); it is built directly.
    return { base: syntheticBase(shipped, records) };
  }
  const files = syntheticFiles(shipped, records);
  const result = timeOnce(() => loadKnowledgeFromStrings(files));
  if (!result.value.ok) {
    process.stderr.write(
      `synthetic ${name} base failed validation: ${result.value.errors
        .slice(0, 3)
        .map((e) => `${e.file}:${e.line} ${e.message}`)
        .join('; ')}\n`,
    );
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
  for (const [name, size] of [
    ['1k', 1_000],
    ['10k', 10_000],
    ['100k', 100_000],
  ] as const) {
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
    out(
      `  ${value === undefined || Number.isNaN(value) ? 'SKIP' : value <= limit ? 'PASS' : 'MISS'}  ${label.padEnd(52)} ${value === undefined ? 'not measured' : shown} (goal ≤ ${limit}${unit})`,
    );
  const vs = (label: string, ours: number | undefined, theirs: number | undefined, limit: number) =>
    goal(
      label,
      ours === undefined || theirs === undefined ? undefined : ours / theirs,
      limit,
      '×',
      ours === undefined || theirs === undefined ? '' : `${ratio(ours, theirs)} (${fmtMs(ours)} against ${fmtMs(theirs)})`,
    );
  out('\n== goals (issue 10): ratios to MiniSearch in this run, main-thread time (the lesser of CPU and elapsed per call) ==');
  vs('ask p99, shipped base', s?.ours.ask.busy.p99, s?.mini.ask.busy.p99, 0.5);
  vs('ask p99, 10,000 entries', k10?.ours.ask.busy.p99, k10?.mini.ask.busy.p99, 0.5);
  vs('autocomplete p99 vs prefix search p99, 10,000 entries', k10?.ours.suggest.busy.p99, k10?.mini.suggest.busy.p99, 1);
  vs('index build, shipped base', s?.ours.build.busy, s?.mini.build.busy, 1);
  vs('index build, 10,000 entries', k10?.ours.build.busy, k10?.mini.build.busy, 1);
  out('  the same in CPU time of the process (background threads counted, in whole scheduler ticks):');
  vs('  ask p99, shipped base (CPU)', s?.ours.ask.p99, s?.mini.ask.p99, 0.5);
  vs('  index build, shipped base (CPU)', s?.ours.build.cpu, s?.mini.build.cpu, 1);
  out('\n== goals (indicative) ==');
  vs('first index build of the process (compiling), shipped', s?.ours.build.firstCpu, s?.mini.build.firstCpu, 1);
  const lvi = k10 && k10.loadMs !== undefined ? k10.loadMs + k10.ours.build.wall : undefined;
  goal(
    'load + validate + index at 10,000 entries',
    lvi === undefined ? undefined : lvi / 1000,
    1,
    ' s',
    lvi === undefined
      ? ''
      : `${(lvi / 1000).toFixed(2)} s = loader ${(k10!.loadMs! / 1000).toFixed(2)} s + index ${(k10!.ours.build.wall / 1000).toFixed(2)} s (elapsed)`,
  );
  goal('heap at 100,000 entries (base + engine)', k100?.ours.heapTotalMb, 200, ' MB', `${k100?.ours.heapTotalMb.toFixed(1)} MB`);
  out(
    `\nQueries: ${QUERIES} asks and ${QUERIES} autocomplete prefixes per base and pass, 3 passes with different queries, the pass with the middle p99 shown (after ${WARMUP} unmeasured warm-up ones), generated from each base's entries (30% with a typo).`,
  );
  out(
    'Times are CPU time of this process (process.cpuUsage, GC threads included) unless marked elapsed or main thread: on a shared 2-core machine an elapsed p99 is the length of a scheduler time slice, whatever the code, and the CPU time of background threads comes in 4 ms ticks; the goals read the lesser of the two per call (src/bench/measure.ts busyMs).',
  );
  out(
    `Index build: median of ${Object.entries(BUILDS)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} builds, Hotline's and MiniSearch's alternating; fuse.js built once.`,
  );
  out(
    `MiniSearch: fuzzy 0.2, prefix, fields boosted as Hotline weighs them, over the same documents; ${MINI_WARMUP} warm-up queries, the same query sets (${Object.entries(
      MINI_QUERIES,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} per pass).`,
  );
  out(
    `fuse.js (defaults over all text fields) ran fewer queries, one pass: ${Object.entries(FUSE_QUERIES)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  out(
    'Synthetic bases are made from the shipped words, people, topics and sources; load + validate goes through the real loader up to 10k (100k is built directly).',
  );
  return 0;
}

runMain('bench', main);
