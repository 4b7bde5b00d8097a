import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../src/main/app';
import { loadBotConfig } from '../../src/bot/config';
import { deployCommands } from '../../src/main/deploy';
import { createLogger } from '../../src/bot/logger';
import { percentile } from '../../src/bench/measure';
import { DiscordStandIn, type InteractionRecord } from '../support/discord-stand-in';

// `npm run bench:load [-- --quick] [-- --seconds 60] [-- --burst 1000] [-- --soak 10000] [-- --users 5000]`
//
// Lives under tests/, not src/cli, because it drives the bot through the Discord stand-in
// (tests/support/discord-stand-in.ts), which is test code built on the `ws` devDependency:
// nothing under src/ may import tests/ (tests/architecture/core-boundary.test.ts), and production
// code never needs `ws`. Not a test itself (no `.test.ts`), so vitest does not collect it.
//
// The bot as `npm start` wires it (shipped knowledge, real SQLite insight in a temporary folder,
// the real discord.js client) against the local Discord stand-in, in one process: a burst of
// interactions dispatched at once, then a steady stream over a period. For each phase: how many
// were acknowledged inside Discord's 3 s window, the handling time from dispatch to the callback
// arriving at the stand-in (p50/p99), and memory before and after (and after a full GC). The leak
// check compares the heap after GC once the whole stream is done with the heap after the burst.
// The stand-in shares the process and its CPU, so the times are an upper bound of the bot's own.

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    burst: { type: 'string' },
    soak: { type: 'string' },
    users: { type: 'string' },
  },
});
const quick = args.quick ?? false;
const BURST = Number(args.burst ?? 1000);
const SOAK = Number(args.soak ?? (quick ? 2000 : 10_000));
const SECONDS = Number(args.seconds ?? (quick ? 5 : 60));
/** Distinct users the interactions rotate through (each is cached by discord.js). */
const USERS = Number(args.users ?? 5000);
const WINDOW_MS = 3000;
const AUTOCOMPLETE_SHARE = 0.2;

const out = (s = '') => process.stdout.write(`${s}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

async function memory(collect: boolean) {
  await new Promise((r) => setTimeout(r, 50));
  if (collect && gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

type PhaseResult = {
  name: string;
  n: number;
  acked: number;
  deferred: number;
  late: number;
  missing: number;
  p50: number;
  p99: number;
  max: number;
  wallS: number;
};

async function main() {
  const standIn = await new DiscordStandIn({ heartbeatIntervalMs: 41_250 }).start();
  const data = await mkdtemp(path.join(tmpdir(), 'hotline-load-'));
  const config = loadBotConfig({
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR || 'knowledge',
    DATABASE_PATH: path.join(data, 'hotline.db'),
    LOG_LEVEL: 'warn',
  });
  await deployCommands(config, {});
  let warnings = 0;
  const messages = new Map<string, number>();
  const logger = createLogger({
    level: 'warn',
    secrets: [config.DISCORD_TOKEN],
    destination: {
      write(line: string) {
        warnings++;
        const msg = (JSON.parse(line) as { msg?: string }).msg ?? '?';
        messages.set(msg, (messages.get(msg) ?? 0) + 1);
      },
    },
  });
  const app = await createApp(config, { logger, clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never } });
  await app.bot.start();
  await standIn.ready();

  const base = app.store.current.base;
  const curated = base.entries.flatMap((e) => e.questions ?? []);
  const unknown = ['pizza recipes', 'who won the football yesterday', 'how do submarines talk to each other', 'weather in Beijing'];
  const questions = [...curated, ...unknown];
  const prefixes = curated.map((q) => q.slice(0, 3 + (q.length % 9)));
  out(
    `Hotline load bench — Node ${process.version}, ${base.entries.length} entries (${base.version}), ${questions.length} distinct questions; ${quick ? 'quick' : 'full'} run`,
  );
  out(
    `burst ${BURST} at once; then ${SOAK} over ${SECONDS} s (${(SOAK / SECONDS).toFixed(0)}/s); ${Math.round(AUTOCOMPLETE_SHARE * 100)}% autocomplete, the rest /ask${gc ? '' : ' (run with --expose-gc for GC figures)'}`,
  );

  let sequence = 0;
  const dispatch = (): InteractionRecord => {
    const i = sequence++;
    // Users rotate so the per-user cooldown (3 per 15 s) is never what is measured.
    const actor = { user: { id: `7${String(i % USERS).padStart(17, '0')}`, username: `load${i % USERS}` } };
    if ((i * 7919) % 100 < AUTOCOMPLETE_SHARE * 100) return standIn.autocomplete('ask', { question: prefixes[i % prefixes.length]! }, 'question', actor);
    return standIn.slash('ask', { question: questions[i % questions.length]! }, actor);
  };

  /**
   * Figures of a phase, gathered as interactions settle; a settled record is dropped (here and in the
   * stand-in) at once, so what the bench holds does not count as the bot's memory.
   */
  class Phase {
    times: number[] = [];
    n = 0;
    acked = 0;
    deferred = 0;
    late = 0;
    missing = 0;
    pending = new Set<InteractionRecord>();
    constructor(readonly name: string) {}
    add(record: InteractionRecord) {
      this.n++;
      this.pending.add(record);
    }
    /** Takes the figures of every record that has settled. */
    collect(final = false) {
      for (const r of this.pending) {
        const first = r.callbacks[0];
        if (!first && r.rejections.length === 0 && !final) continue;
        this.pending.delete(r);
        standIn.interactions.delete(r.id);
        if (!first) {
          if (r.rejections.length > 0) this.late++;
          else this.missing++;
          continue;
        }
        const ms = first.at - r.dispatchedAt;
        this.times.push(ms);
        if (ms <= WINDOW_MS && r.rejections.length === 0) this.acked++;
        if (first.type === 5 || first.type === 6) this.deferred++;
      }
      standIn.requests.length = 0;
    }
    async settle(limitMs: number) {
      const deadline = Date.now() + limitMs;
      while (this.pending.size > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        this.collect();
      }
      this.collect(true);
    }
    result(wallMs: number): PhaseResult {
      const times = [...this.times].sort((a, b) => a - b);
      return {
        name: this.name,
        n: this.n,
        acked: this.acked,
        deferred: this.deferred,
        late: this.late,
        missing: this.missing,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        max: times.at(-1) ?? NaN,
        wallS: wallMs / 1000,
      };
    }
  }

  // Warm-up (JIT), not measured.
  const warm = new Phase('warm-up');
  for (let i = 0; i < 200; i++) warm.add(dispatch());
  await warm.settle(30_000);
  await app.insight.gaps({ days: 1 });
  const before = await memory(false);
  const beforeGc = await memory(true);

  // Burst.
  let t0 = Date.now();
  const burst = new Phase(`burst of ${BURST}`);
  for (let i = 0; i < BURST; i++) burst.add(dispatch());
  await burst.settle(60_000);
  const burstResult = burst.result(Date.now() - t0);
  const afterBurst = await memory(false);
  const afterBurstGc = await memory(true);

  // Steady stream.
  const soak = new Phase(`${SOAK} over ${SECONDS} s`);
  // A checkpoint once the answer-view cache is full (5,000 views, ~80% of interactions make one):
  // growth after it cannot be the cache filling up.
  const checkpointAt = Math.min(SOAK - 1, Math.max(0, Math.ceil((5000 - app.bot.views.size) / (1 - AUTOCOMPLETE_SHARE)) + 200));
  let checkpoint: { rss: number; heap: number; at: number; views: number } | undefined;
  t0 = Date.now();
  const perMs = SOAK / (SECONDS * 1000);
  while (soak.n < SOAK) {
    const due = Math.min(SOAK, Math.floor((Date.now() - t0) * perMs) + 1);
    while (soak.n < due) soak.add(dispatch());
    soak.collect();
    if (!checkpoint && soak.n >= checkpointAt && app.bot.views.size >= 5000) {
      const views = app.bot.views.size;
      checkpoint = { ...(await memory(true)), at: soak.n, views };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await soak.settle(60_000);
  const soakResult = soak.result(Date.now() - t0);
  const afterSoak = await memory(false);
  const afterSoakGc = await memory(true);
  await app.insight.gaps({ days: 1 }); // flush the recorder: what it holds is part of the picture
  const afterFlushGc = await memory(true);

  out();
  out('phase                 n      acked ≤3 s   deferred  10062  none   p50      p99      max      wall');
  for (const r of [burstResult, soakResult]) {
    out(
      `${r.name.padEnd(20)} ${String(r.n).padStart(6)}  ${`${r.acked} (${((100 * r.acked) / r.n).toFixed(1)}%)`.padEnd(14)} ${String(r.deferred).padStart(6)} ${String(r.late).padStart(6)} ${String(r.missing).padStart(5)}   ${`${r.p50} ms`.padEnd(8)} ${`${r.p99} ms`.padEnd(8)} ${`${r.max} ms`.padEnd(8)} ${r.wallS.toFixed(1)} s`,
    );
  }
  out();
  out('memory                              rss         heap used');
  const row = (label: string, m: { rss: number; heap: number }) => out(`${label.padEnd(34)} ${mb(m.rss).padStart(9)}   ${mb(m.heap).padStart(9)}`);
  row('before (ready, warmed up)', before);
  row('before, after GC', beforeGc);
  row(`after the burst of ${BURST}`, afterBurst);
  row(`after the burst, after GC`, afterBurstGc);
  row(`after ${SOAK} more`, afterSoak);
  row(`after ${SOAK} more, after GC`, afterSoakGc);
  row('after the recorder flushed, GC', afterFlushGc);
  const growth = afterFlushGc.heap - afterBurstGc.heap;
  out();
  out(
    `leak check: heap after GC ${mb(afterFlushGc.heap)} after ${BURST + SOAK} interactions vs ${mb(afterBurstGc.heap)} after the first ${BURST}: ` +
      `${growth >= 0 ? '+' : ''}${mb(growth)} (${(growth / SOAK).toFixed(0)} bytes per interaction); answer views held ${app.bot.views.size} (capped at 5,000 by design)`,
  );
  if (checkpoint) {
    const late = afterFlushGc.heap - checkpoint.heap;
    out(
      `            after the view cache filled (${checkpoint.views} views, ${BURST + checkpoint.at} interactions): heap after GC ${mb(checkpoint.heap)}; ` +
        `${SOAK - checkpoint.at} interactions later ${mb(afterFlushGc.heap)}: ${late >= 0 ? '+' : ''}${mb(late)} (${(late / (SOAK - checkpoint.at)).toFixed(0)} bytes per interaction)`,
    );
  } else {
    out('            (the view cache never filled in this run: use the full run for the steady-state figure)');
  }
  const client = app.bot.options.client;
  out(
    `discord.js caches: ${client.users.cache.size} users, ${client.channels.cache.size} channels, ${client.guilds.cache.size} guilds (${USERS} distinct users asked)`,
  );
  const status = (app.insight as { status?: () => unknown }).status?.();
  out(`insight recorder: ${JSON.stringify(status)}`);
  out(`log lines at warn or above: ${warnings}${messages.size ? ` — ${[...messages].map(([m, n]) => `${n}× ${m}`).join('; ')}` : ''}`);

  await app.stop();
  await standIn.close();
  await rm(data, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
