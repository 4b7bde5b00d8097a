import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { fatalMessage } from './client';
import { ConfigError, type BotConfig } from './config';
import type { Logger } from './logger';

// `npm start -- --shards auto|N`: Discord requires sharding from 2,500 servers. This process becomes
// a manager that runs one child process per shard (discord.js ShardingManager); each child is an
// ordinary `npm start` bot that reads its shard from the environment the manager sets (SHARDS,
// SHARD_COUNT), loads and watches its own copy of the knowledge, and opens the same SQLite
// database (WAL mode lets the shards write to it side by side).
//
// Shards reconnect by themselves on every recoverable gateway fault. A shard that exits with code 1
// met something a person must fix (a revoked token, refused intents): the whole set stops (exit 1)
// and the process manager decides. A shard that crashes otherwise (killed, out of memory) is started
// again on its own, so the other shards keep their sessions; three crashes in ten minutes stop the set.
// On SIGTERM or SIGINT every shard finishes its interactions in flight, then the manager exits 0.
// A signal may reach the shards directly too (Ctrl-C in a terminal, systemd's default KillMode): a
// shard reports the signals it receives, and the manager forwards one only to shards that did not —
// a second signal would make a shard exit at once, cutting its drain short.

export type ShardCount = 'auto' | number;

type SignalReport = { hotlineSignal: NodeJS.Signals };
const isSignalReport = (m: unknown): m is SignalReport => typeof (m as SignalReport | null)?.hotlineSignal === 'string';
/** How long the manager waits for shards to report a signal they received themselves. */
const REPORT_WAIT_MS = 150;
const DUPLICATE_SIGNAL_MS = 1000;
const RESPAWN_DELAY_MS = 1000;
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 10 * 60_000;

/** In a shard process: tell the manager about signals received directly (see above). */
export function reportSignalsToManager(): void {
  if (!process.send) return;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.send?.({ hotlineSignal: signal } satisfies SignalReport));
}

const MAIN = fileURLToPath(new URL('../main/main.ts', import.meta.url));
// Discord lets a bot identify max_concurrency shards every 5 s; shards i and i + max_concurrency
// share a bucket, so spawning them 5.5 s / max_concurrency apart keeps every bucket inside its limit.
const IDENTIFY_WINDOW_MS = 5500;

/** The value of `--shards auto|N` (or `--shards=N`) in argv; undefined without the flag. */
export function shardsFlag(argv: readonly string[]): ShardCount | undefined {
  const at = argv.findIndex((a) => a === '--shards' || a.startsWith('--shards='));
  if (at < 0) return undefined;
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--shards='.length) : argv[at + 1];
  if (value === 'auto') return 'auto';
  if (value !== undefined && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) return Number(value);
  throw new ConfigError([
    `--shards must be "auto" or a whole number of shards from 1 to 1000 (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`,
  ]);
}

export type GatewayInfo = { shards: number; maxConcurrency: number };

export class TokenRejectedError extends Error {}

/**
 * What Discord recommends, from GET /gateway/bot on DISCORD_API_URL. (discord.js's own
 * fetchRecommendedShardCount always asks discord.com, which would bypass a REST proxy.)
 */
export async function fetchGatewayInfo(apiUrl: string, token: string): Promise<GatewayInfo> {
  const response = await fetch(`${apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` }, signal: AbortSignal.timeout(15_000) });
  if (response.status === 401)
    throw new TokenRejectedError(
      'DISCORD_TOKEN was rejected by Discord (401 Unauthorized). Copy the token again from the Developer Portal → your application → Bot → Reset Token',
    );
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
  const body = (await response.json()) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown } };
  const shards = Number(body.shards);
  const maxConcurrency = Number(body.session_start_limit?.max_concurrency ?? 1);
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`GET /gateway/bot gave no usable shard count (${String(body.shards)})`);
  return { shards, maxConcurrency: Number.isInteger(maxConcurrency) && maxConcurrency >= 1 ? maxConcurrency : 1 };
}

export type ManagerOptions = {
  config: BotConfig;
  count: ShardCount;
  logger: Logger;
  exit?: (code: number) => void;
  /** The shard script (main.ts) and how to run it; tests keep the defaults. */
  file?: string;
  execArgv?: string[];
};

/** Runs the shards until a signal (exit 0 once they have finished) or a shard's death (exit 1). */
export async function runShardManager(options: ManagerOptions): Promise<void> {
  const { config, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let info: GatewayInfo | undefined;
  try {
    info = await fetchGatewayInfo(config.DISCORD_API_URL, config.DISCORD_TOKEN);
  } catch (error) {
    if (error instanceof TokenRejectedError) {
      console.error(fatalMessage(error.message));
      return exit(1);
    }
    if (options.count === 'auto') {
      console.error(fatalMessage(`could not ask Discord how many shards to run (${(error as Error).message}); give a number with --shards N`));
      return exit(1);
    }
    logger.warn({ err: error }, 'could not read the identify rate limit from /gateway/bot; spawning shards 5.5 s apart');
  }
  const total = options.count === 'auto' ? info!.shards : options.count;
  const delay = Math.ceil(IDENTIFY_WINDOW_MS / (info?.maxConcurrency ?? 1));

  const manager = new ShardingManager(options.file ?? MAIN, {
    token: config.DISCORD_TOKEN,
    totalShards: total,
    mode: 'process',
    respawn: false,
    shardArgs: [],
    execArgv: options.execArgv ?? ['--import', 'tsx'],
  });

  let stopping = false;
  let failed = false;
  /** All shards came up once: from then on a crashed shard is started again. */
  let ready = false;
  const crashes = new Map<number, number[]>();
  const running = new Set<ChildProcess>();
  const signalled = new Set<ChildProcess>();
  const waiting: Array<() => void> = [];
  const exited = () => new Promise<void>((resolve) => (running.size === 0 ? resolve() : waiting.push(resolve)));

  const stopAll = async (signal: NodeJS.Signals) => {
    for (const child of running) if (!signalled.has(child)) child.kill(signal);
    await exited();
  };

  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard starting');
    shard.on('message', (message: unknown) => {
      if (isSignalReport(message) && shard.process) signalled.add(shard.process);
    });
    shard.on('spawn', (spawned) => {
      const child = spawned as ChildProcess; // mode 'process': never a worker
      running.add(child);
      child.once('exit', (code, signal) => {
        running.delete(child);
        if (running.size === 0) for (const resolve of waiting.splice(0)) resolve();
        if (stopping) {
          if (code !== 0) failed = true;
          logger.info({ shard: shard.id, code, signal }, 'shard stopped');
          return;
        }
        // Exit code 1 is the bot's "a person must fix this" (token, settings, knowledge): restarting
        // cannot help. Anything else (killed, out of memory) restarts that shard alone, so the others
        // keep their sessions — unless it keeps happening.
        const now = Date.now();
        const recent = (crashes.get(shard.id) ?? []).filter((t) => now - t < CRASH_WINDOW_MS);
        crashes.set(shard.id, [...recent, now]);
        if (code !== 1 && recent.length < MAX_CRASHES && ready) {
          logger.error({ shard: shard.id, code, signal }, 'a shard died; starting it again');
          setTimeout(() => {
            if (!stopping) shard.spawn(60_000).catch((error: unknown) => logger.error({ err: error, shard: shard.id }, 'the shard could not be started again'));
          }, RESPAWN_DELAY_MS).unref();
          return;
        }
        failed = true;
        logger.fatal({ shard: shard.id, code, signal }, 'a shard exited; stopping the others so the process manager can restart the bot');
        stopping = true;
        void stopAll('SIGTERM').then(() => exit(1));
      });
    });
    shard.on('ready', () => logger.info({ shard: shard.id, of: total }, 'shard ready'));
  });

  let signalledAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // A wrapper (tsx, npm) may relay a signal the manager already received from the process group:
    // the same signal twice within a moment is one request to stop, not an impatient second one.
    if (stopping && Date.now() - signalledAt < DUPLICATE_SIGNAL_MS) return;
    if (stopping) {
      logger.warn({ signal }, 'second signal: stopping the shards now');
      for (const child of running) child.kill('SIGKILL');
      return exit(1);
    }
    stopping = true;
    signalledAt = Date.now();
    logger.info({ signal, shards: running.size }, 'shutting down: every shard finishes its interactions in flight');
    void new Promise((resolve) => setTimeout(resolve, REPORT_WAIT_MS))
      .then(() => stopAll('SIGTERM'))
      .then(() => {
        if (!failed) logger.info('all shards shut down cleanly');
        exit(failed ? 1 : 0);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  logger.info({ shards: total, spawnDelayMs: delay, auto: options.count === 'auto' }, 'starting the shard manager');
  try {
    await manager.spawn({ amount: total, delay, timeout: 60_000 });
  } catch (error) {
    if (stopping) return; // a shard died while starting: its own message is printed, exit 1 follows
    logger.fatal({ err: error }, 'the shards could not be started');
    stopping = true;
    await stopAll('SIGTERM');
    return exit(1);
  }
  ready = true;
  logger.info({ shards: total }, 'every shard is online');
}
