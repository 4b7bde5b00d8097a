import { createNullInsight, type Insight } from './api';

export type { Insight, QuestionRecord, FeedbackRecord, GapRow, FeedbackRow, UsageStats } from './api';
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
  /** Rows older than this are purged (default 90). */
  retentionDays?: number;
  logger?: InsightLogger;
};

/** Opens (or creates) the insight database. Never throws: a database that cannot be opened is retried later. */
export function openInsight(_options: InsightOptions): Insight {
  // Stub until the SQLite store lands; same contract.
  return createNullInsight();
}
