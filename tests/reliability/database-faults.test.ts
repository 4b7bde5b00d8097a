import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openInsight, type RunningInsight } from '../../src/insight/index';
import { MODERATOR } from '../support/bot-harness';
import { ASKER, startBot, type ReliabilityHarness } from './harness';

// The moderator-insight database failing under the running bot (the real SQLite recorder, the real
// client, the stand-in): locked by another writer, deleted. Answers continue every time, the
// moderators' reports say the database is unavailable instead of failing, and the questions asked
// meanwhile are written once it is back. (Read-only is in process.test.ts: it needs a non-root user.)

let h: ReliabilityHarness | undefined;
let dbDir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  dbDir = undefined;
});

async function startWithDatabase() {
  dbDir = mkdtempSync(path.join(tmpdir(), 'hotline-db-'));
  const dbPath = path.join(dbDir, 'hotline.db');
  const insight = openInsight({
    path: dbPath,
    salt: 'a-test-salt-of-16+chars',
    retryMinMs: 20,
    retryMaxMs: 100,
    flushDelayMs: 1,
    logger: { warn: () => {}, error: () => {} },
  });
  h = await startBot({ insight });
  return { h, insight, dbPath };
}

const recorded = (insight: RunningInsight) => insight.gaps({ days: 1, limit: 50 }).map((g) => g.question);

async function answered(h: ReliabilityHarness, question: string) {
  const reply = await h.standIn.slash('ask', { question }, ASKER).response();
  expect(reply.embeds[0].description).toContain('nothing in my knowledge base');
  expect(reply.flags & 64).toBe(64); // a decline is private
}

describe('database faults while running', () => {
  it('locked by another writer: answers continue, reports say so, and the questions are written after the lock', async () => {
    const { h, insight, dbPath } = await startWithDatabase();
    await answered(h, 'pizza recipes before the lock');
    await h.standIn.waitFor(() => insight.status().queued === 0 && recorded(insight).length === 1, 5000, 'the first question to be written');

    const other = new Database(dbPath);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    try {
      for (let i = 1; i <= 3; i++) await answered(h, `pizza recipes during the lock ${i}`);
      await h.standIn.waitFor(() => insight.status().open === false, 5000, 'the recorder to notice the lock');
      const gaps = await h.standIn.slash('kb gaps', { days: 1 }, MODERATOR).response();
      expect(gaps.content + JSON.stringify(gaps.embeds)).toContain('insight database is unavailable');
      await answered(h, 'pizza recipes during the lock 4');
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await h.standIn.waitFor(() => insight.status().open && insight.status().queued === 0, 5000, 'recording to resume');
    expect(recorded(insight).sort()).toEqual(['pizza recipes before the lock', ...[1, 2, 3, 4].map((i) => `pizza recipes during the lock ${i}`)].sort());
    expect(insight.status().dropped).toBe(0);
  });

  it('deleted while running: answers continue, and later questions go into a new database file', async () => {
    const { h, insight, dbPath } = await startWithDatabase();
    await answered(h, 'pizza recipes before the deletion');
    await h.standIn.waitFor(() => recorded(insight).length === 1, 5000, 'the first question to be written');
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) unlinkSync(dbPath + suffix);

    await answered(h, 'pizza recipes after the deletion');
    await answered(h, 'opera tickets in vienna');
    await h.standIn.waitFor(() => existsSync(dbPath) && insight.status().open && insight.status().queued === 0, 5000, 'a new database file');
    // What was in the deleted file is gone; what came after is kept.
    expect(recorded(insight).sort()).toEqual(['opera tickets in vienna', 'pizza recipes after the deletion']);
    const gaps = await h.standIn.slash('kb gaps', { days: 1 }, MODERATOR).response();
    expect(gaps.embeds[0].description).toContain('pizza recipes after the deletion');
  });
});
