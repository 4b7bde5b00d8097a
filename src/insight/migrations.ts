import type Database from 'better-sqlite3';

// Append only: a released migration is never edited, a change is a new entry.
// Times are epoch milliseconds (cheap range scans for windows and retention).
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    guild_id     TEXT,
    channel_id   TEXT,
    user_hash    TEXT NOT NULL,
    question     TEXT NOT NULL,
    normalised   TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('answered', 'unsure', 'unknown')),
    top_entry_id TEXT,
    confidence   REAL,
    handling_ms  INTEGER NOT NULL,
    via          TEXT NOT NULL
  );
  CREATE INDEX questions_at ON questions (at);
  CREATE INDEX questions_status_at ON questions (status, at);

  CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    guild_id   TEXT,
    user_hash  TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    question   TEXT,
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    reason     TEXT
  );
  CREATE INDEX feedback_at ON feedback (at);
  CREATE INDEX feedback_entry ON feedback (entry_id, at);
  `,
  // One vote per member per answer: the answer (its view key) a 👍/👎 was given on, so a new vote on
  // the same answer and entry replaces the member's earlier one.
  `
  ALTER TABLE feedback ADD COLUMN answer_key TEXT;
  CREATE INDEX feedback_vote ON feedback (user_hash, answer_key, entry_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION; refuses a database written by a newer version. */
export function migrate(db: Database.Database): void {
  // One IMMEDIATE transaction: the bot and `npm run gaps` opening a fresh file together cannot both migrate it.
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`insight database has schema version ${current}; this build knows up to ${SCHEMA_VERSION}`);
    }
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (current !== SCHEMA_VERSION) db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
  }).immediate();
}
