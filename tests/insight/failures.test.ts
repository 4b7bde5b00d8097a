import { mkdirSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InsightUnavailableError, openInsight } from '../../src/insight/index';
import { memoryLogger, question, tempDir } from './helpers';

// The bot must keep answering whatever happens to the database: record calls never throw,
// the problem is logged once, records wait in a bounded queue, and recording resumes by itself.

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const countRows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('an unavailable database', () => {
  it('cannot be created (its folder is a file): records are kept, logged once, and written once it can', async () => {
    const blocker = join(tmp.dir, 'data');
    writeFileSync(blocker, 'not a folder');
    const path = join(blocker, 'hotline.db');
    const logger = memoryLogger();
    const insight = openInsight({ path, logger, retryMinMs: 5, retryMaxMs: 20, flushDelayMs: 1 });

    expect(() => {
      insight.recordQuestion(question({ question: 'asked while broken' }));
      insight.recordQuestion(question({ question: 'asked while broken, again' }));
    }).not.toThrow();
    expect(() => insight.gaps({ days: 1 })).toThrow(InsightUnavailableError);
    await new Promise((r) => setTimeout(r, 60)); // several retries go by
    expect(insight.status()).toMatchObject({ open: false, queued: 2, dropped: 0 });
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]!.obj).toMatchObject({ path, during: 'open' });

    rmSync(blocker);
    await expect.poll(() => insight.status().open).toBe(true);
    expect(
      insight
        .gaps({ days: 1 })
        .map((g) => g.question)
        .sort(),
    ).toEqual(['asked while broken', 'asked while broken, again']);
    expect(logger.warnings.map((w) => w.msg)).toEqual(['insight database available again; recording resumed']);
    expect(logger.errors).toHaveLength(1);
    await insight.close();
  });

  it('is a corrupt file: the bot keeps going, and recovers when the file is replaced', async () => {
    const path = join(tmp.dir, 'hotline.db');
    writeFileSync(path, Buffer.alloc(8192, 'this is not an SQLite database. '));
    const logger = memoryLogger();
    const insight = openInsight({ path, logger, retryMinMs: 60_000 });

    expect(() => insight.recordQuestion(question({ question: 'asked while corrupt' }))).not.toThrow();
    expect(insight.status().open).toBe(false);
    expect(() => insight.usage({ days: 1 })).toThrow(/unavailable/);
    expect(logger.errors).toHaveLength(1);
    expect(String((logger.errors[0]!.obj as { err: Error }).err.message)).toMatch(/not a database/);

    unlinkSync(path); // what PRIVACY.md tells the operator to do
    // A report is an immediate retry; the queued question is written first.
    expect(insight.gaps({ days: 1 }).map((g) => g.question)).toEqual(['asked while corrupt']);
    await insight.close();
    expect(countRows(path)).toBe(1);
  });

  it('is locked by another writer: records wait and are written after the lock is released', async () => {
    const path = join(tmp.dir, 'hotline.db');
    const logger = memoryLogger();
    const insight = openInsight({ path, logger, retryMinMs: 5, retryMaxMs: 20, flushDelayMs: 1 });
    insight.recordQuestion(question({ question: 'before the lock' }));
    expect(insight.gaps({ days: 1 })).toHaveLength(1);

    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    insight.recordQuestion(question({ question: 'during the lock' }));
    await expect.poll(() => insight.status().open).toBe(false);
    expect(logger.errors).toHaveLength(1);
    expect((logger.errors[0]!.obj as { err: { code: string } }).err.code).toBe('SQLITE_BUSY');
    expect(insight.status().queued).toBe(1);

    other.exec('COMMIT');
    other.close();
    await expect.poll(() => insight.status()).toMatchObject({ open: true, queued: 0 });
    expect(countRows(path)).toBe(2);
    await insight.close();
  });

  it('is deleted while running: a fresh file is created and later records land in it', async () => {
    const path = join(tmp.dir, 'hotline.db');
    const logger = memoryLogger();
    const insight = openInsight({ path, logger, retryMinMs: 5, flushDelayMs: 1 });
    insight.recordQuestion(question({ question: 'before the deletion' }));
    expect(insight.gaps({ days: 1 })).toHaveLength(1);

    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) unlinkSync(f);
    insight.recordQuestion(question({ question: 'after the deletion' }));
    await expect.poll(() => existsSync(path) && insight.status().queued === 0 && insight.status().open).toBe(true);
    expect(insight.gaps({ days: 1 }).map((g) => g.question)).toEqual(['after the deletion']);
    expect(logger.errors).toHaveLength(1);
    await insight.close();
    expect(countRows(path)).toBe(1);
  });

  it('keeps the queue bounded, dropping the oldest records and counting them', async () => {
    const blocker = join(tmp.dir, 'data');
    writeFileSync(blocker, 'not a folder');
    const path = join(blocker, 'hotline.db');
    const insight = openInsight({ path, logger: memoryLogger(), maxQueue: 3, retryMinMs: 60_000 });
    for (const n of [1, 2, 3, 4, 5]) insight.recordQuestion(question({ question: `question ${n}` }));
    expect(insight.status()).toMatchObject({ queued: 3, dropped: 2 });

    rmSync(blocker);
    mkdirSync(blocker);
    expect(
      insight
        .gaps({ days: 1 })
        .map((g) => g.question)
        .sort(),
    ).toEqual(['question 3', 'question 4', 'question 5']);
    await insight.close();
  });

  it('refuses a database written by a newer version, without touching it', async () => {
    const path = join(tmp.dir, 'hotline.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);');
    db.close();
    const logger = memoryLogger();
    const insight = openInsight({ path, logger, retryMinMs: 60_000 });
    expect(() => insight.recordQuestion(question())).not.toThrow();
    expect(insight.status().open).toBe(false);
    expect(String((logger.errors[0]!.obj as { err: Error }).err.message)).toMatch(/schema version 99/);
    await insight.close();
  });
});
