import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DislikedRow, FeedbackRow, Rating, UsageStats } from './api';
import { groupGaps, type GapWording } from './group';
import { migrate } from './migrations';
import type { AnswerStatus } from '../answer/model';

// The SQLite side of insight: synchronous, throws on any failure. The caller (index.ts) owns
// queuing, retries and the never-throw promise; the CLI uses this directly.

export type StoredQuestion = {
  at: number;
  guildId: string | null;
  channelId: string | null;
  userHash: string;
  question: string;
  normalised: string;
  status: AnswerStatus;
  topEntryId: string | null;
  confidence: number | null;
  handlingMs: number;
  via: string;
};

export type StoredFeedback = {
  at: number;
  guildId: string | null;
  userHash: string;
  entryId: string;
  question: string | null;
  helpful: boolean;
  reason: string | null;
  /** The answer the vote was given on; a later vote by the same member on it replaces this one. */
  answerKey: string | null;
};

export type Store = {
  readonly db: Database.Database;
  insert(questions: readonly StoredQuestion[], feedback: readonly StoredFeedback[]): void;
  /** Deletes rows older than cutoff (epoch ms); returns how many went. */
  purge(cutoff: number): { questions: number; feedback: number };
  /** Moves the WAL into the database file as far as readers allow (PASSIVE: never waits for them). */
  checkpoint(): void;
  /** Deletes every recorded row (the schema stays). */
  purgeAll(): { questions: number; feedback: number };
  /** Deletes one person's rows, by their user hash. */
  forget(userHash: string): { questions: number; feedback: number };
  gaps(since: number, limit: number): ReturnType<typeof groupGaps>;
  feedback(since: number, limit: number): FeedbackRow[];
  disliked(since: number, limit: number): DislikedRow[];
  usage(since: number, days: number, limit: number): UsageStats;
  close(): void;
};

// The most frequent distinct wordings are grouped; a wording asked once among more than this many
// others is unlikely to reach a top-20 report.
const MAX_GAP_WORDINGS = 10_000;
const REASONS_PER_ENTRY = 5;
const RATINGS_PER_ENTRY = 5;

/**
 * Opens the database at `path` in WAL mode and migrates it. `create: false` (the CLI) refuses a missing
 * file instead of creating one. A short busy timeout: a locked database must fail fast, not stall the bot.
 */
export function openStore(path: string, options: { create: boolean; busyTimeoutMs?: number; manualCheckpoints?: boolean }): Store {
  if (options.create) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { fileMustExist: !options.create, timeout: options.busyTimeoutMs ?? 50 });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${path} to WAL (journal_mode is ${String(mode)})`);
    db.pragma('synchronous = NORMAL');
    // Purged questions are personal data: overwrite their pages instead of leaving them in free space.
    db.pragma('secure_delete = ON');
    // SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages and syncs
    // the file there: a few ms on the event loop at an unpredictable moment. The bot checkpoints on
    // its own timer instead, where the pause is short (little WAL) and off any reply.
    if (options.manualCheckpoints) db.pragma('wal_autocheckpoint = 0');
    db.pragma('journal_size_limit = 4194304');
    migrate(db);
    return wrap(db);
  } catch (err) {
    db.close();
    throw err;
  }
}

function wrap(db: Database.Database): Store {
  const insertQuestion = db.prepare(`
    INSERT INTO questions (at, guild_id, channel_id, user_hash, question, normalised, status, top_entry_id, confidence, handling_ms, via)
    VALUES (@at, @guildId, @channelId, @userHash, @question, @normalised, @status, @topEntryId, @confidence, @handlingMs, @via)`);
  const insertFeedback = db.prepare(`
    INSERT INTO feedback (at, guild_id, user_hash, entry_id, question, helpful, reason, answer_key)
    VALUES (@at, @guildId, @userHash, @entryId, @question, @helpful, @reason, @answerKey)`);
  // The latest vote wins: one rating and one reason per member, answer and entry.
  const replaceVote = db.prepare('DELETE FROM feedback WHERE user_hash = ? AND answer_key = ? AND entry_id = ?');
  const insertAll = db.transaction((qs: readonly StoredQuestion[], fs: readonly StoredFeedback[]) => {
    for (const q of qs) insertQuestion.run(q);
    for (const f of fs) {
      if (f.answerKey !== null) replaceVote.run(f.userHash, f.answerKey, f.entryId);
      insertFeedback.run({ ...f, helpful: f.helpful ? 1 : 0 });
    }
  });

  const purgeQuestions = db.prepare('DELETE FROM questions WHERE at < ?');
  const purgeFeedback = db.prepare('DELETE FROM feedback WHERE at < ?');
  const purgeBoth = db.transaction((cutoff: number) => ({
    questions: purgeQuestions.run(cutoff).changes,
    feedback: purgeFeedback.run(cutoff).changes,
  }));

  const forgetQuestions = db.prepare('DELETE FROM questions WHERE user_hash = ?');
  const forgetFeedback = db.prepare('DELETE FROM feedback WHERE user_hash = ?');
  const forgetBoth = db.transaction((hash: string) => ({
    questions: forgetQuestions.run(hash).changes,
    feedback: forgetFeedback.run(hash).changes,
  }));

  const gapWordings = db.prepare(`
    SELECT question, normalised, status, COUNT(*) AS count, MAX(at) AS lastAt
    FROM questions
    WHERE status IN ('unknown', 'unsure') AND at >= ?
    GROUP BY normalised, question, status
    ORDER BY count DESC, lastAt DESC
    LIMIT ${MAX_GAP_WORDINGS}`);

  // Votes count once per person and entry, so one user clicking 👎 repeatedly weighs as one.
  const feedbackTotals = db.prepare(`
    SELECT entry_id AS entryId,
           COUNT(DISTINCT CASE WHEN helpful = 0 THEN user_hash END) AS down,
           COUNT(DISTINCT CASE WHEN helpful = 1 THEN user_hash END) AS up
    FROM feedback
    WHERE at >= ?
    GROUP BY entry_id
    HAVING down > 0
    ORDER BY down DESC, up ASC, entryId ASC
    LIMIT ?`);
  // One reason per member (their latest), so one member submitting again and again cannot push
  // everyone else's reasons out of the few shown.
  const feedbackReasons = db.prepare(`
    SELECT reason FROM feedback f
    WHERE entry_id = @entryId AND helpful = 0 AND at >= @since AND reason IS NOT NULL AND reason <> ''
      AND id = (SELECT MAX(id) FROM feedback g
                WHERE g.user_hash = f.user_hash AND g.entry_id = f.entry_id AND g.helpful = 0
                  AND g.at >= @since AND g.reason IS NOT NULL AND g.reason <> '')
    ORDER BY at DESC, id DESC
    LIMIT ${REASONS_PER_ENTRY}`);

  // The latest rating of each member for each question, so /kb feedback shows what was asked.
  // (SQLite takes the other columns from the row holding MAX(at).)
  const entryRatings = db.prepare(`
    SELECT helpful, question, reason, MAX(at) AS at FROM feedback
    WHERE entry_id = ? AND at >= ?
    GROUP BY user_hash, COALESCE(question, '')
    ORDER BY at DESC
    LIMIT ${RATINGS_PER_ENTRY}`);
  // 👎 by question asked and entry shown: answers that reached members but did not help them.
  const dislikedAnswers = db.prepare(`
    SELECT question, entry_id AS entryId, COUNT(DISTINCT user_hash) AS count, MAX(at) AS lastAt
    FROM feedback
    WHERE helpful = 0 AND at >= ? AND question IS NOT NULL AND question <> ''
    GROUP BY question, entry_id
    ORDER BY count DESC, lastAt DESC
    LIMIT ?`);
  const dislikedReasons = db.prepare(`
    SELECT reason FROM feedback
    WHERE helpful = 0 AND at >= ? AND question = ? AND entry_id = ? AND reason IS NOT NULL AND reason <> ''
    ORDER BY at DESC, id DESC
    LIMIT ${REASONS_PER_ENTRY}`);

  const usageTotals = db.prepare(`
    SELECT COUNT(*) AS questions,
           COALESCE(SUM(status = 'answered'), 0) AS answered,
           COUNT(DISTINCT user_hash) AS askers
    FROM questions WHERE at >= ?`);
  const topEntries = db.prepare(`
    SELECT top_entry_id AS entryId, COUNT(*) AS count
    FROM questions
    WHERE at >= ? AND status = 'answered' AND top_entry_id IS NOT NULL
    GROUP BY top_entry_id
    ORDER BY count DESC, entryId ASC
    LIMIT ?`);

  return {
    db,
    insert: (qs, fs) => {
      if (qs.length + fs.length > 0) insertAll(qs, fs);
    },
    purge: (cutoff) => purgeBoth(cutoff),
    checkpoint: () => void db.pragma('wal_checkpoint(PASSIVE)'),
    purgeAll: () => purgeBoth(Number.MAX_SAFE_INTEGER),
    forget: (hash) => forgetBoth(hash),
    gaps: (since, limit) => groupGaps(gapWordings.all(since) as GapWording[], limit),
    feedback: (since, limit) =>
      (feedbackTotals.all(since, limit) as Array<{ entryId: string; down: number; up: number }>).map((r) => ({
        ...r,
        reasons: (feedbackReasons.all({ entryId: r.entryId, since }) as Array<{ reason: string }>).map((x) => x.reason),
        ratings: (entryRatings.all(r.entryId, since) as Array<{ helpful: number; question: string | null; reason: string | null; at: number }>).map(
          (x): Rating => ({
            helpful: x.helpful === 1,
            ...(x.question ? { question: x.question } : {}),
            ...(x.reason ? { reason: x.reason } : {}),
            at: new Date(x.at).toISOString(),
          }),
        ),
      })),
    disliked: (since, limit) =>
      (dislikedAnswers.all(since, limit) as Array<{ question: string; entryId: string; count: number; lastAt: number }>).map((r) => ({
        question: r.question,
        entryId: r.entryId,
        count: r.count,
        lastAsked: new Date(r.lastAt).toISOString(),
        reasons: (dislikedReasons.all(since, r.question, r.entryId) as Array<{ reason: string }>).map((x) => x.reason),
      })),
    usage: (since, days, limit) => {
      const t = usageTotals.get(since) as { questions: number; answered: number; askers: number };
      return {
        questions: t.questions,
        perDay: days > 0 ? t.questions / days : 0,
        answeredShare: t.questions > 0 ? t.answered / t.questions : 0,
        distinctAskers: t.askers,
        topEntries: topEntries.all(since, limit) as Array<{ entryId: string; count: number }>,
      };
    },
    close: () => db.close(),
  };
}
