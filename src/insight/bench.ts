import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { AnswerStatus } from '../answer/model';
import { openInsight } from './index';
import { hashUserId } from './salt';
import { openStore, type StoredQuestion } from './store';
import { normaliseQuestion } from './normalise';

// `npx tsx src/insight/bench.ts [--quick]`: what recording costs the reply path.
// A simulated handler (some CPU for the answer, sending the reply, then record) runs in alternating
// blocks with and without recording in the same process, so the background flushes (which hold the
// event loop while they write) land in the "with" blocks' latencies. Two loads:
//  - steady: questions arrive on a clock (200/s, far above a busy server) and the reply is a real
//    HTTP round trip to a local stand-in for Discord's REST API;
//  - stress: 8 workers back to back with no network wait (~tens of thousands/s), the worst case for
//    flushes, since every flush then lands on requests in flight.

const quick = process.argv.includes('--quick');
const STEADY_RATE = 200; // arrivals per second
const STEADY_ROUNDS = quick ? 4 : 10;
const STEADY_BLOCK_MS = 1_500;
const WORKERS = 8;
const ROUNDS = quick ? 6 : 20;
const PER_BLOCK = 2_000; // requests per stress block, across all workers
const WARMUP = 2_000;

const QUESTIONS = [
  'When was the Moscow–Washington hotline set up?',
  'Who runs the U.S.–China defense telephone link?',
  'What is the MMCA?',
  'Did the hotline get used in 1967?',
  'Who picks up the Beijing end of the hotline?',
  'What happened after the 2001 EP-3 collision?',
];
const STATUSES: AnswerStatus[] = ['answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'unsure', 'unsure', 'unknown'];

const dir = mkdtempSync(join(tmpdir(), 'hotline-insight-bench-'));
const insight = openInsight({ path: join(dir, 'bench.db'), salt: 'bench-salt-0123456789abcdef' });

let sink = 0;
/** Stands in for search + composing the answer: ~tens of µs of CPU. */
function composeAnswer(q: string): string {
  const words = normaliseQuestion(q).split(' ');
  const parts: string[] = [];
  for (let i = 0; i < 40; i++) parts.push(`${words[i % words.length]}:${i}`);
  const body = JSON.stringify({ q, parts, cites: parts.slice(0, 5) });
  sink += body.length;
  return body;
}
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Stands in for Discord's interaction callback endpoint.
const rest = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
await new Promise<void>((resolve) => rest.listen(0, '127.0.0.1', resolve));
const restUrl = `http://127.0.0.1:${(rest.address() as AddressInfo).port}/interactions/1/token/callback`;
const postReply = async (body: string) => {
  const res = await fetch(restUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  await res.arrayBuffer();
};

let recorded = 0;
async function handle(i: number, record: boolean, send: (body: string) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  const question = QUESTIONS[i % QUESTIONS.length]!;
  await send(composeAnswer(question));
  if (record) {
    const status = STATUSES[i % STATUSES.length]!;
    insight.recordQuestion({
      at: new Date(),
      guildId: '123456789012345678',
      channelId: '223456789012345678',
      userId: String(300000000000000000n + BigInt(i % 50)),
      question,
      status,
      ...(status === 'unknown' ? {} : { topEntryId: `entry-${i % 7}`, confidence: 0.8 }),
      handlingMs: 3,
      via: 'slash',
    });
    recorded++;
  }
  return performance.now() - t0;
}

async function block(count: number, record: boolean, into: number[] | null): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < count) {
        const ms = await handle(next++, record, yieldTurn);
        into?.push(ms);
      }
    }),
  );
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
function summary(label: string, xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${label.padEnd(20)} n=${String(s.length).padStart(6)}  p50 ${fmt(pct(s, 0.5))}  p99 ${fmt(pct(s, 0.99))}  p99.9 ${fmt(pct(s, 0.999))}  max ${fmt(s[s.length - 1]!)}`;
}

/** Open loop: arrivals on a clock whatever the handlers are doing, as interactions arrive from Discord. */
async function steadyBlock(ms: number, record: boolean, into: number[] | null): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let i = 0;
  while (performance.now() - start < ms) {
    const due = start + (i * 1000) / STEADY_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const n = i++;
    inFlight.push(handle(n, record, postReply).then((t) => void into?.push(t)));
  }
  await Promise.all(inFlight);
}

type Samples = { without: number[]; with: number[]; noise: [number[], number[]] };

/**
 * Rounds of one block per mode, alternating which goes first so drift over the run favours neither.
 * The without-recording samples are also split by round parity: their gap is the run's noise floor.
 */
async function alternate(rounds: number, run: (record: boolean, into: number[]) => Promise<void>): Promise<Samples> {
  const out: Samples = { without: [], with: [], noise: [[], []] };
  for (let r = 0; r < rounds; r++) {
    for (const record of r % 2 === 0 ? [false, true] : [true, false]) {
      const into: number[] = [];
      await run(record, into);
      (record ? out.with : out.without).push(...into);
      if (!record) out.noise[r % 2]!.push(...into);
    }
  }
  return out;
}

await steadyBlock(1_000, true, null);
await steadyBlock(1_000, false, null);
// Event-loop delay per mode: how long anything (a flush included) held the loop, free of network noise.
const loopDelay = { without: monitorEventLoopDelay({ resolution: 1 }), with: monitorEventLoopDelay({ resolution: 1 }) };
const droppedBefore = insight.status().dropped;
const steady = await alternate(STEADY_ROUNDS, async (record, into) => {
  const h = record ? loopDelay.with : loopDelay.without;
  h.enable();
  await steadyBlock(STEADY_BLOCK_MS, record, into);
  h.disable();
});
rest.close();
const droppedSteady = insight.status().dropped - droppedBefore;

await block(WARMUP, true, null);
await block(WARMUP, false, null);
const stress = await alternate(ROUNDS, (record, into) => block(PER_BLOCK, record, into));
const droppedStress = insight.status().dropped - droppedBefore - droppedSteady;

// The record call on its own, as the caller sees it.
const callCost: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const t0 = performance.now();
  insight.recordQuestion({
    at: new Date(),
    guildId: 'g',
    channelId: 'c',
    userId: 'u',
    question: QUESTIONS[i % 6]!,
    status: 'unknown',
    handlingMs: 1,
    via: 'slash',
  });
  callCost.push(performance.now() - t0);
  recorded++;
  if (i % 500 === 499) await yieldTurn();
}

const usage = insight.usage({ days: 1 });
const { dropped } = insight.status();
await insight.close();

// One flush holds the event loop for as long as a batch transaction takes; time those directly.
const store = openStore(join(dir, 'flush.db'), { create: true, manualCheckpoints: true });
const row = (i: number): StoredQuestion => {
  const question = QUESTIONS[i % 6]!;
  return {
    at: Date.now(),
    guildId: 'g',
    channelId: 'c',
    userHash: hashUserId('salt-0123456789abcdef', String(i)),
    question,
    normalised: normaliseQuestion(question),
    status: 'unknown',
    topEntryId: null,
    confidence: null,
    handlingMs: 1,
    via: 'slash',
  };
};
const flushTimes: Record<number, number[]> = { 1: [], 10: [], 100: [], 500: [] };
for (const size of [1, 10, 100, 500]) {
  for (let k = 0; k < 50; k++) {
    const rows = Array.from({ length: size }, (_, i) => row(i));
    const t0 = performance.now();
    store.insert(rows, []);
    flushTimes[size]!.push(performance.now() - t0);
  }
  store.checkpoint();
}
// The periodic checkpoint's pause, after 30 s at the steady rate: 600 flushes of 10 rows.
const checkpointTimes: number[] = [];
for (let k = 0; k < 5; k++) {
  for (let f = 0; f < 600; f++)
    store.insert(
      Array.from({ length: 10 }, (_, i) => row(i)),
      [],
    );
  const t0 = performance.now();
  store.checkpoint();
  checkpointTimes.push(performance.now() - t0);
}
store.close();
rmSync(dir, { recursive: true, force: true });

const print = (s: string) => process.stdout.write(`${s}\n`);
const diff = (a: number[], b: number[], label = 'difference (with − without)') => {
  const s0 = [...a].sort((x, y) => x - y);
  const s1 = [...b].sort((x, y) => x - y);
  return `${label.padEnd(34)} p50 ${fmt(pct(s1, 0.5) - pct(s0, 0.5))}  p99 ${fmt(pct(s1, 0.99) - pct(s0, 0.99))}`;
};
print(`Node ${process.version}, SQLite WAL file in ${tmpdir()}`);
print(`Steady: ${STEADY_RATE} questions/s, reply = HTTP POST to a local REST stand-in, ${STEADY_ROUNDS} alternating ${STEADY_BLOCK_MS} ms blocks per mode`);
print(summary('without recording', steady.without));
print(summary('with recording', steady.with));
print(diff(steady.without, steady.with));
print(diff(steady.noise[0], steady.noise[1], 'noise (without, odd − even rounds)'));
for (const [mode, h] of Object.entries(loopDelay)) {
  const ms = (ns: number) => fmt(ns / 1e6);
  // No max: the pause between a mode's blocks (timer disabled) shows up as one huge sample.
  print(
    `event-loop delay, ${mode.padEnd(7)}    p50 ${ms(h.percentile(50))}  p99 ${ms(h.percentile(99))}  p99.9 ${ms(h.percentile(99.9))}  (1 ms sampling timer included)`,
  );
}
print(`Stress: ${WORKERS} workers back to back, no network wait, ${ROUNDS} alternating blocks of ${PER_BLOCK} requests per mode`);
print(summary('without recording', stress.without));
print(summary('with recording', stress.with));
print(diff(stress.without, stress.with));
print(diff(stress.noise[0], stress.noise[1], 'noise (without, odd − even rounds)'));
print(summary('recordQuestion() call', callCost));
for (const [size, xs] of Object.entries(flushTimes)) print(summary(`flush of ${size} rows`, xs));
print(summary('checkpoint, 30 s of WAL', checkpointTimes));
print(
  `rows written: ${usage.questions} of ${recorded} recorded; dropped by the bounded queue: ${droppedSteady} in steady, ${droppedStress} in stress, ${dropped} in all (the rest in the record-call loop, 20,000 calls in a few ms) — checksum ${sink % 10}`,
);
