import { randomBytes } from 'node:crypto';
import { hashUserId } from './salt';
import type { AnswerStatus } from '../answer/model';

// The contract between the bot (which records) and the moderator tools (which read).
// Recording is fire-and-forget: the bot answers first and records after.

export type QuestionRecord = {
  at: Date;
  guildId: string | null;
  channelId: string | null;
  /** Raw Discord user id; only a salted hash of it is ever stored. */
  userId: string;
  question: string;
  status: AnswerStatus;
  topEntryId?: string;
  confidence?: number;
  handlingMs: number;
  via: 'slash' | 'context-menu' | 'button';
};

export type FeedbackRecord = {
  at: Date;
  guildId: string | null;
  /** Raw Discord user id; only a salted hash of it is ever stored. */
  userId: string;
  entryId: string;
  question?: string;
  helpful: boolean;
  /** Optional text from the "What was wrong?" modal. */
  reason?: string;
  /** The answer rated (its view key): a member's later vote on the same answer and entry replaces the earlier one. */
  answerKey?: string;
};

export type GapRow = {
  /** A representative wording of the group (the most frequent one). */
  question: string;
  count: number;
  /** ISO 8601 time of the most recent ask in the group. */
  lastAsked: string;
  /** 'unknown', 'unsure', or 'mixed' when the group holds both. */
  status: string;
  /** Other distinct wordings in the group, a few at most. */
  examples: string[];
};

export type FeedbackRow = {
  entryId: string;
  down: number;
  up: number;
  /** Reasons given with 👎, newest first. */
  reasons: string[];
  /** The latest ratings (one per member and question), newest first, each with the question it answered. */
  ratings?: Rating[];
};

export type Rating = { helpful: boolean; question?: string; reason?: string; at: string };

/** An answer members marked 👎: the question they asked and the entry it led with. */
export type DislikedRow = {
  question: string;
  entryId: string;
  /** Members who marked it 👎 (once each). */
  count: number;
  /** ISO 8601 time of the latest 👎. */
  lastAsked: string;
  reasons: string[];
};

export type UsageStats = {
  questions: number;
  perDay: number;
  /** 0..1; 0 when there were no questions. */
  answeredShare: number;
  distinctAskers: number;
  topEntries: Array<{ entryId: string; count: number }>;
};

export interface Insight {
  /**
   * The pseudonymous key this deployment stores for a user (the salted hash); logs use it in place of
   * the raw id, so a log line and a database row about the same member can be matched, and neither
   * says who they are.
   */
  userKey(userId: string): string;
  /** Never throws, never blocks: queued in memory and written in a batch later. */
  recordQuestion(r: QuestionRecord): void;
  /** Never throws, never blocks. */
  recordFeedback(r: FeedbackRecord): void;
  // The report methods are synchronous: a few ms on ordinary data; gaps() over 100,000 distinct
  // unanswered questions took ~0.5 s in a stress test, so defer the interaction before calling it.
  // They first write whatever is still queued.
  // They throw when the database is unavailable (InsightUnavailableError from ./index) or when days is not
  // a positive number (RangeError): the caller says so to the moderator instead of showing an empty report.

  /** Unknown and unsure questions of the last `days` days, near-duplicates grouped, most frequent first (default limit 20). */
  gaps(o: { days: number; limit?: number }): GapRow[];
  /** Entries with at least one 👎 in the last `days` days, most 👎 first (default limit 10); votes count once per user and entry. */
  feedback(o: { days: number; limit?: number }): FeedbackRow[];
  /** Answers marked 👎 in the last `days` days, by question and entry, most members first (default limit 10). */
  disliked(o: { days: number; limit?: number }): DislikedRow[];
  /** `limit` caps topEntries (default 10; answered questions only). */
  usage(o: { days: number; limit?: number }): UsageStats;
  /** Flushes what is queued, stops timers, closes the database. */
  close(): Promise<void>;
}

/** An Insight that records nothing and reports nothing: for tests and for running without a database. */
export function createNullInsight(): Insight {
  const key = randomBytes(16).toString('hex');
  return {
    userKey: (userId) => hashUserId(key, userId),
    recordQuestion() {},
    recordFeedback() {},
    gaps: () => [],
    feedback: () => [],
    disliked: () => [],
    usage: () => ({ questions: 0, perDay: 0, answeredShare: 0, distinctAskers: 0, topEntries: [] }),
    close: async () => {},
  };
}
