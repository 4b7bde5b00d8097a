import { setTimeout as sleep } from 'node:timers/promises';

// Discord allows a bot a fixed number of gateway IDENTIFYs a day (session_start_limit, usually
// 1,000) and resets the bot's token when they run out. discord.js identifies again after every
// stall it cannot resume (no HELLO, no READY, repeated "invalid session"), spaced only 5 s apart:
// under a stall that never clears that is some 17,000 a day. The governor sits where discord.js
// asks permission to identify and applies three named rules:
//   spacing  — at least `spacingMs` between identifies (Discord's own limit, 5 s);
//   backoff  — after each identify that did not lead to a session lasting `stableMs` (no READY, or
//              READY then "invalid session" again), wait twice as long as the last time
//              (up to `maxBackoffMs`), with jitter so many shards or bots do not retry in step;
//   budget   — read `session_start_limit` before identifying; with `reserve` or fewer left, say so
//              at error level and wait until Discord resets the count instead of spending the last ones.
// It warns once repeated failures reach `warnAfter`, so a stall is visible before it is costly.

export type SessionStartLimit = { total: number; remaining: number; reset_after: number; max_concurrency?: number };

export type GovernorLogger = {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type IdentifyGovernorOptions = {
  /** Reads Discord's current budget (GET /gateway/bot); a failure to read it is not fatal. */
  fetchLimit: () => Promise<SessionStartLimit>;
  logger: GovernorLogger;
  /** Discord's minimum spacing between identifies of one concurrency bucket (default 5 s). */
  spacingMs?: number;
  /** The longest wait between failing identifies (default 10 min). */
  maxBackoffMs?: number;
  /** A session that lasted this long after READY ends the stall (default 60 s). */
  stableMs?: number;
  /** Failed identifies in a row before a warning (default 3). */
  warnAfter?: number;
  /** Identifies kept back from the daily budget (default 10, or 1% of it when larger). */
  reserve?: number;
  /** For tests. */
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
};

export type IdentifyDecision = { waitMs: number; reason: 'none' | 'spacing' | 'backoff' | 'budget' };

export class IdentifyGovernor {
  #failures = 0;
  #readyAt: number | undefined;
  #lastIdentifyAt = Number.NEGATIVE_INFINITY;
  #lastBackoffMs = 0;
  #queue: Promise<void> = Promise.resolve();
  readonly #o: Required<Omit<IdentifyGovernorOptions, 'reserve'>> & { reserve?: number };

  constructor(options: IdentifyGovernorOptions) {
    this.#o = {
      spacingMs: 5_000,
      stableMs: 60_000,
      maxBackoffMs: 10 * 60_000,
      warnAfter: 3,
      now: Date.now,
      wait: (ms, signal) => sleep(ms, undefined, signal ? { signal } : {}),
      random: Math.random,
      ...options,
    };
  }

  /** Identifies since the last session that lasted. */
  get failures(): number {
    return this.#failures;
  }

  /** A shard reached READY; if its session then lasts `stableMs`, the stall is over. */
  ready(): void {
    this.#readyAt = this.#o.now();
  }

  /** discord.js's IIdentifyThrottler: resolves when the shard may identify. One identify at a time. */
  waitForIdentify(_shardId: number, signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#take(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** The wait the spacing and backoff rules ask for now (the budget rule needs Discord's figures). */
  pacing(): IdentifyDecision {
    const o = this.#o;
    const sinceLast = o.now() - this.#lastIdentifyAt;
    if (this.#failures >= 1) {
      const doubled = this.#lastBackoffMs === 0 ? o.spacingMs : this.#lastBackoffMs * 2;
      const backoff = Math.min(o.maxBackoffMs, doubled);
      // Full jitter over the upper half: never shorter than half the backoff, nor than the spacing.
      const jittered = Math.max(o.spacingMs, backoff * (0.5 + o.random() * 0.5));
      return { waitMs: Math.max(0, jittered - sinceLast), reason: 'backoff' };
    }
    if (sinceLast < o.spacingMs) return { waitMs: o.spacingMs - sinceLast, reason: 'spacing' };
    return { waitMs: 0, reason: 'none' };
  }

  async #take(signal?: AbortSignal): Promise<void> {
    const o = this.#o;
    if (this.#readyAt !== undefined && o.now() - this.#readyAt >= o.stableMs) {
      this.#failures = 0;
      this.#lastBackoffMs = 0;
    }
    this.#readyAt = undefined;
    const pace = this.pacing();
    if (pace.reason === 'backoff') this.#lastBackoffMs = Math.min(o.maxBackoffMs, this.#lastBackoffMs === 0 ? o.spacingMs : this.#lastBackoffMs * 2);
    if (this.#failures === o.warnAfter) {
      o.logger.warn(
        { failures: this.#failures, nextInMs: Math.round(pace.waitMs) },
        'gateway: identifies keep failing to reach READY; backing off before the next one',
      );
    }
    if (pace.waitMs > 0) await o.wait(pace.waitMs, signal);
    await this.#respectBudget(signal);
    this.#failures++;
    this.#lastIdentifyAt = o.now();
  }

  async #respectBudget(signal?: AbortSignal): Promise<void> {
    const o = this.#o;
    let limit: SessionStartLimit | undefined;
    try {
      limit = await o.fetchLimit();
    } catch {
      return; // Unknown budget: the spacing and backoff rules still hold.
    }
    const reserve = o.reserve ?? Math.max(10, Math.ceil(limit.total * 0.01));
    if (limit.remaining > reserve) return;
    o.logger.error(
      { remaining: limit.remaining, total: limit.total, resetsInMs: limit.reset_after },
      `gateway: only ${limit.remaining} of ${limit.total} daily identifies left; waiting ${Math.ceil(limit.reset_after / 60_000)} min for Discord to reset the count (at 0 Discord resets the bot token). Check the network path to Discord.`,
    );
    await o.wait(limit.reset_after, signal);
  }
}
