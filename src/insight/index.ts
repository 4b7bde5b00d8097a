import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FeedbackRecord, Insight, QuestionRecord } from './api';
import { normaliseQuestion } from './normalise';
import { hashUserId, loadOrCreateSalt, saltPathFor } from './salt';
import { openStore, type Store, type StoredFeedback, type StoredQuestion } from './store';

export type { Insight, QuestionRecord, FeedbackRecord, GapRow, FeedbackRow, DislikedRow, UsageStats } from './api';
export { createNullInsight } from './api';

export type InsightLogger = {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type InsightOptions = {
  /** SQLite file; its parent folder is created when missing. */
  path: string;
  /** Salt for hashing user ids; when absent, a per-deployment salt file next to the database is used (created once). */
  salt?: string;
  /** Rows older than this many days are purged at open and then every `purgeIntervalMs` (default 90). */
  retentionDays?: number;
  logger?: InsightLogger;
  // Tuning; the defaults suit the bot, tests shorten them.
  /** Records held in memory while the database is unavailable; beyond this the oldest are dropped (default 10,000). */
  maxQueue?: number;
  /** How long records wait to be written together; 0 (the default) writes each at once while nothing is queued. */
  flushDelayMs?: number;
  /** First retry after a failure; doubles up to retryMaxMs (defaults 1 s and 5 min). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Default 6 hours. */
  purgeIntervalMs?: number;
  /** How often the write-ahead log is folded into the database file (default 30 s). */
  checkpointIntervalMs?: number;
};

/** What the running recorder is doing; for /kb stats and tests. */
export type InsightStatus = {
  path: string;
  open: boolean;
  queued: number;
  /** Records dropped since start because the queue was full (or unwritable data). */
  dropped: number;
  /** ISO time the current outage began, when the database is unavailable. */
  unavailableSince?: string;
};

export type RunningInsight = Insight & { status(): InsightStatus };

/** Thrown by the report methods (gaps, feedback, usage) when the database cannot be opened. */
export class InsightUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    super(`insight database ${path} is unavailable: ${describe(cause)}`, { cause });
    this.name = 'InsightUnavailableError';
  }
}

const DAY_MS = 86_400_000;
// Rows per transaction; a larger backlog is written over several event-loop turns (~0.2 ms each).
const BATCH = 50;
const MAX_TEXT = 1_000;
const STATUSES = new Set(['answered', 'unsure', 'unknown']);
const VIAS = new Set(['slash', 'context-menu', 'button']);

type Pending = { kind: 'question'; r: QuestionRecord } | { kind: 'feedback'; r: FeedbackRecord };

const consoleLogger: InsightLogger = {
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

/**
 * Opens (or creates) the insight database and returns the recorder. Never throws: when the database
 * cannot be opened or written (read-only folder, locked, corrupt, deleted), the problem is logged once,
 * records wait in a bounded queue, and opening is retried with backoff until it works again.
 */
export function openInsight(options: InsightOptions): RunningInsight {
  const path = options.path;
  const log = options.logger ?? consoleLogger;
  const retentionMs = (options.retentionDays ?? 90) * DAY_MS;
  const maxQueue = Math.max(1, options.maxQueue ?? 10_000);
  const flushDelayMs = options.flushDelayMs ?? 0;
  const retryMinMs = options.retryMinMs ?? 1_000;
  const retryMaxMs = Math.max(retryMinMs, options.retryMaxMs ?? 300_000);

  let store: Store | null = null;
  let storeIno: number | null = null;
  let salt: string | null = null;
  const queue: Pending[] = [];
  let dropped = 0;
  let droppedAtOutage = 0;
  let outage: { since: number; error: unknown } | null = null;
  let lastError: unknown = null;
  let retryDelay = retryMinMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  let flushSoon: NodeJS.Immediate | undefined;
  let closed = false;

  const purgeTimer = setInterval(purge, options.purgeIntervalMs ?? 6 * 3_600_000);
  purgeTimer.unref();
  const checkpointTimer = setInterval(checkpoint, options.checkpointIntervalMs ?? 30_000);
  checkpointTimer.unref();
  tryOpen();

  function tryOpen(): boolean {
    if (store) return true;
    if (closed) return false;
    try {
      // Private by default: the questions are members' words. A new folder is 0700 and a new file
      // 0600 (SQLite gives its -wal and -shm files the database file's permissions).
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      createPrivately(path);
      // Re-read each time: the file is the source of truth if someone restores or replaces it.
      salt = options.salt || loadOrCreateSalt(saltPathFor(path));
      const opened = openStore(path, { create: true, manualCheckpoints: true });
      store = opened;
      storeIno = statSync(path).ino;
      opened.purge(Date.now() - retentionMs);
    } catch (err) {
      fail(err, 'open');
      return false;
    }
    retryDelay = retryMinMs;
    if (outage) {
      log.warn(
        { path, unavailableForMs: Date.now() - outage.since, dropped: dropped - droppedAtOutage, queued: queue.length },
        'insight database available again; recording resumed',
      );
      outage = null;
    }
    if (queue.length > 0) scheduleFlush(0);
    return true;
  }

  function fail(err: unknown, during: string): void {
    lastError = err;
    if (store) {
      try {
        store.close();
      } catch {
        // Already broken; closing is best effort.
      }
      store = null;
      storeIno = null;
    }
    if (!outage) {
      outage = { since: Date.now(), error: err };
      droppedAtOutage = dropped;
      log.error({ err, path, during }, 'insight database unavailable; answers continue, records are queued in memory and opening will be retried');
    }
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      tryOpen();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, retryMaxMs);
  }

  function scheduleFlush(delay = flushDelayMs): void {
    if (flushTimer || closed || !store) return;
    flushTimer = setTimeout(flush, delay);
    flushTimer.unref();
  }

  function enqueue(p: Pending): void {
    if (closed || typeof p.r !== 'object' || p.r === null) return;
    queue.push(p);
    while (queue.length > maxQueue) {
      queue.shift();
      dropped++;
    }
    // Written in the same turn of the event loop, once the current work yields (setImmediate): the bot
    // records a question before sending its reply, so the row is in the database while the reply is
    // still on its way to Discord, and a SIGKILL a moment later loses nothing. Yielding first keeps the
    // insert off the reply's own path and lets questions arriving together share one transaction.
    if (store && flushDelayMs === 0) writeSoon();
    else scheduleFlush();
  }

  function writeSoon(): void {
    if (flushSoon || closed) return;
    flushSoon = setImmediate(() => {
      flushSoon = undefined;
      flush();
    });
    flushSoon.unref();
  }

  /** Writes up to one batch; more waits for the next turn so a long backlog never holds the event loop. */
  function flush(): void {
    flushTimer = undefined;
    if (!store || queue.length === 0) return;
    const batch = queue.splice(0, BATCH);
    try {
      assertSameFile();
      const questions: StoredQuestion[] = [];
      const feedback: StoredFeedback[] = [];
      for (const p of batch) {
        if (p.kind === 'question') questions.push(toStoredQuestion(p.r, salt!));
        else feedback.push(toStoredFeedback(p.r, salt!));
      }
      store.insert(questions, feedback);
    } catch (err) {
      if (isBadData(err)) {
        // Retrying rows the database refuses would block everything behind them.
        dropped += batch.length;
        log.error({ err, path, rows: batch.length }, 'insight rows refused by the database; dropped');
      } else {
        queue.unshift(...batch);
        while (queue.length > maxQueue) {
          queue.shift();
          dropped++;
        }
        fail(err, 'write');
        return;
      }
    }
    if (queue.length > 0) scheduleFlush(0);
  }

  // A database file deleted while open keeps taking writes into the unlinked inode on POSIX;
  // they would vanish silently, so a changed or missing file counts as a failure and is reopened.
  function assertSameFile(): void {
    const ino = statSync(path).ino;
    if (ino !== storeIno) throw new Error(`insight database ${path} was replaced while open`);
  }

  function drain(): void {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    clearImmediate(flushSoon);
    flushSoon = undefined;
    while (store && queue.length > 0) flush();
    clearTimeout(flushTimer);
    flushTimer = undefined;
  }

  function purge(): void {
    if (!store) return;
    try {
      store.purge(Date.now() - retentionMs);
      store.checkpoint();
    } catch (err) {
      fail(err, 'purge');
    }
  }

  function checkpoint(): void {
    if (!store) return;
    try {
      store.checkpoint();
    } catch (err) {
      fail(err, 'checkpoint');
    }
  }

  /** For reads: everything recorded so far is written first, and a closed database gets one immediate attempt. */
  function ready(): Store {
    if (closed) throw new Error('insight is closed');
    if (!store) tryOpen();
    drain();
    if (!store) throw new InsightUnavailableError(path, lastError);
    return store;
  }

  function read<T>(run: (s: Store) => T): T {
    const s = ready();
    try {
      return run(s);
    } catch (err) {
      if (!(err instanceof RangeError)) fail(err, 'read');
      throw err;
    }
  }

  // Until the salt is read (the database may be unavailable at start), logs use a key of this process.
  const processKey = randomBytes(16).toString('hex');

  return {
    userKey: (userId) => hashUserId(salt ?? processKey, String(userId)),
    recordQuestion(r) {
      try {
        enqueue({ kind: 'question', r: r && { ...r } });
      } catch {
        // Recording must never reach the reply path.
      }
    },
    recordFeedback(r) {
      try {
        enqueue({ kind: 'feedback', r: r && { ...r } });
      } catch {
        // As above.
      }
    },
    gaps: ({ days, limit = 20 }) => read((s) => s.gaps(since(days), limit)),
    feedback: ({ days, limit = 10 }) => read((s) => s.feedback(since(days), limit)),
    disliked: ({ days, limit = 10 }) => read((s) => s.disliked(since(days), limit)),
    usage: ({ days, limit = 10 }) => read((s) => s.usage(since(days), days, limit)),
    status: () => ({
      path,
      open: store !== null,
      queued: queue.length,
      dropped,
      ...(outage ? { unavailableSince: new Date(outage.since).toISOString() } : {}),
    }),
    async close() {
      if (closed) return;
      clearInterval(purgeTimer);
      clearInterval(checkpointTimer);
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
      flushTimer = undefined;
      if (!store && queue.length > 0) tryOpen();
      drain();
      if (queue.length > 0) log.warn({ path, lost: queue.length }, 'insight closing with unwritten records');
      closed = true;
      queue.length = 0;
      try {
        store?.close();
      } catch {
        // Nothing left to protect.
      }
      store = null;
    },
  };
}

function since(days: number): number {
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`days must be a positive number, got ${days}`);
  return Date.now() - days * DAY_MS;
}

function isBadData(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return err instanceof TypeError || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

// Records come from the bot's handlers; anything odd is repaired here rather than refused at write time.
/** Creates an empty file with mode 0600 unless one is there already (then it is left as it is). */
function createPrivately(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

function toStoredQuestion(r: QuestionRecord, salt: string): StoredQuestion {
  const question = text(r.question) ?? '';
  return {
    at: time(r.at),
    guildId: text(r.guildId),
    channelId: text(r.channelId),
    userHash: hashUserId(salt, String(r.userId)),
    question,
    normalised: normaliseQuestion(question),
    status: STATUSES.has(r.status) ? r.status : 'unknown',
    topEntryId: text(r.topEntryId),
    confidence: typeof r.confidence === 'number' && Number.isFinite(r.confidence) ? r.confidence : null,
    handlingMs: Number.isFinite(r.handlingMs) ? Math.max(0, Math.round(r.handlingMs)) : 0,
    via: VIAS.has(r.via) ? r.via : 'slash',
  };
}

function toStoredFeedback(r: FeedbackRecord, salt: string): StoredFeedback {
  return {
    at: time(r.at),
    guildId: text(r.guildId),
    userHash: hashUserId(salt, String(r.userId)),
    entryId: text(r.entryId) ?? '',
    question: text(r.question),
    helpful: Boolean(r.helpful),
    reason: text(r.reason)?.trim() || null,
    answerKey: text(r.answerKey),
  };
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}

function time(d: unknown): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  return Number.isFinite(ms) ? ms : Date.now();
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err ?? 'unknown error');
}
