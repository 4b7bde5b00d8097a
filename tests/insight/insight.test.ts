import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNullInsight } from '../../src/insight/api';
import { openInsight } from '../../src/insight/index';
import { SCHEMA_VERSION } from '../../src/insight/migrations';
import { DAY, question, tempDir, vote } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('openInsight', () => {
  it('creates the folder, the database in WAL mode with a schema version, and a salt file', async () => {
    const path = join(tmp.dir, 'nested', 'data', 'hotline.db');
    const insight = openInsight({ path });
    expect(insight.status().open).toBe(true);
    await insight.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    db.close();
    expect(readFileSync(`${path}.salt`, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('groups unknown and unsure questions in gaps, and leaves answered ones out', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    insight.recordQuestion(question({ question: 'Who runs the hotline today?', at: at(50) }));
    insight.recordQuestion(question({ question: 'Who runs the hotline today?', at: at(40) }));
    insight.recordQuestion(question({ question: 'who runs the  hotline today', userId: '2', at: at(30) }));
    insight.recordQuestion(question({ question: 'Who runs the hotlines today?!', status: 'unsure', topEntryId: 'hotline-1963', confidence: 0.4, at: at(20) }));
    insight.recordQuestion(question({ question: 'When was the hotline set up?', status: 'answered', topEntryId: 'hotline-1963', confidence: 0.9 }));
    insight.recordQuestion(question({ question: 'Is there a China-India hotline?' }));

    const gaps = insight.gaps({ days: 7 });
    expect(gaps.map((g) => [g.question, g.count, g.status])).toEqual([
      ['Who runs the hotline today?', 4, 'mixed'],
      ['Is there a China-India hotline?', 1, 'unknown'],
    ]);
    // Equal counts: the more recent wording first.
    expect(gaps[0]!.examples).toEqual(['Who runs the hotlines today?!', 'who runs the  hotline today']);
    expect(Date.parse(gaps[0]!.lastAsked)).toBeGreaterThan(Date.now() - 25_000);
    await insight.close();
  });

  it('leaves questions older than the window out of gaps', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordQuestion(question({ question: 'old question', at: new Date(Date.now() - 10 * DAY) }));
    insight.recordQuestion(question({ question: 'new question' }));
    expect(insight.gaps({ days: 7 }).map((g) => g.question)).toEqual(['new question']);
    expect(insight.gaps({ days: 30 })).toHaveLength(2);
    await insight.close();
  });

  it('reports 👎 entries with their reasons, counting one vote per user and entry', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordFeedback(vote({ userId: 'a', reason: 'The date is wrong' }));
    insight.recordFeedback(vote({ userId: 'a', reason: '  ' }));
    insight.recordFeedback(vote({ userId: 'b', reason: 'Cites the wrong source', at: new Date(Date.now() + 1000) }));
    insight.recordFeedback(vote({ userId: 'c', helpful: true }));
    insight.recordFeedback(vote({ userId: 'a', entryId: 'mmca-1998' }));
    insight.recordFeedback(vote({ userId: 'a', entryId: 'dpt-2008', helpful: true }));

    expect(insight.feedback({ days: 7 }).map(({ ratings: _, ...row }) => row)).toEqual([
      { entryId: 'hotline-1963', down: 2, up: 1, reasons: ['Cites the wrong source', 'The date is wrong'] },
      { entryId: 'mmca-1998', down: 1, up: 0, reasons: [] },
    ]);
    await insight.close();
  });

  it('reports usage: questions a day, answered share, distinct askers, top entries', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db'), salt: 'test-salt-0123456789' });
    insight.recordQuestion(question({ userId: 'a', status: 'answered', topEntryId: 'e1' }));
    insight.recordQuestion(question({ userId: 'a', status: 'answered', topEntryId: 'e1' }));
    insight.recordQuestion(question({ userId: 'b', status: 'answered', topEntryId: 'e2' }));
    insight.recordQuestion(question({ userId: 'c', status: 'unknown' }));
    expect(insight.usage({ days: 2 })).toEqual({
      questions: 4,
      perDay: 2,
      answeredShare: 0.75,
      distinctAskers: 3,
      topEntries: [
        { entryId: 'e1', count: 2 },
        { entryId: 'e2', count: 1 },
      ],
    });
    expect(insight.usage({ days: 2, limit: 1 }).topEntries).toEqual([{ entryId: 'e1', count: 2 }]);
    await insight.close();
  });

  it('stores user ids only as a salted hash, stable across restarts through the salt file', async () => {
    const path = join(tmp.dir, 'h.db');
    const userId = '987654321987654321';
    let insight = openInsight({ path });
    insight.recordQuestion(question({ userId }));
    await insight.close();
    insight = openInsight({ path });
    insight.recordQuestion(question({ userId }));
    expect(insight.usage({ days: 1 }).distinctAskers).toBe(1);
    await insight.close();

    const db = new Database(path, { readonly: true });
    const hashes = db.prepare('SELECT DISTINCT user_hash AS h FROM questions').all() as Array<{ h: string }>;
    db.close();
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.h).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(path).includes(Buffer.from(userId))).toBe(false);

    // Another deployment (another salt) cannot link the same person.
    const other = openInsight({ path: join(tmp.dir, 'other.db') });
    other.recordQuestion(question({ userId }));
    await other.close();
    const db2 = new Database(join(tmp.dir, 'other.db'), { readonly: true });
    expect((db2.prepare('SELECT user_hash AS h FROM questions').get() as { h: string }).h).not.toBe(hashes[0]!.h);
    db2.close();
  });

  it('purges rows older than the retention at open', async () => {
    const path = join(tmp.dir, 'h.db');
    let insight = openInsight({ path, retentionDays: 30 });
    insight.recordQuestion(question({ question: 'asked long ago', at: new Date(Date.now() - 40 * DAY) }));
    insight.recordQuestion(question({ question: 'asked last week', at: new Date(Date.now() - 7 * DAY) }));
    insight.recordFeedback(vote({ entryId: 'old-entry', at: new Date(Date.now() - 40 * DAY) }));
    insight.recordFeedback(vote({ entryId: 'recent-entry' }));
    expect(insight.gaps({ days: 365 })).toHaveLength(2);
    await insight.close();

    insight = openInsight({ path, retentionDays: 30 });
    expect(insight.gaps({ days: 365 }).map((g) => g.question)).toEqual(['asked last week']);
    expect(insight.feedback({ days: 365 }).map((f) => f.entryId)).toEqual(['recent-entry']);
    await insight.close();
  });

  it('purges on its schedule while running', async () => {
    const path = join(tmp.dir, 'h.db');
    const insight = openInsight({ path, retentionDays: 30, purgeIntervalMs: 20 });
    insight.recordQuestion(question({ question: 'asked long ago', at: new Date(Date.now() - 40 * DAY) }));
    expect(insight.gaps({ days: 365 })).toHaveLength(1);
    const db = new Database(path, { readonly: true });
    await expect.poll(() => (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n).toBe(0);
    db.close();
    await insight.close();
  });

  it('writes in the background without a read, and close() writes what is left', async () => {
    const path = join(tmp.dir, 'h.db');
    const insight = openInsight({ path, flushDelayMs: 1 });
    insight.recordQuestion(question({ question: 'first' }));
    const db = new Database(path, { readonly: true });
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
    await expect.poll(count).toBe(1);
    insight.recordQuestion(question({ question: 'second' }));
    await insight.close();
    expect(count()).toBe(2);
    db.close();
    insight.recordQuestion(question({ question: 'after close is ignored' }));
    expect(insight.status().queued).toBe(0);
  });

  it('repairs odd records instead of refusing them', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordQuestion(question({ at: new Date('nonsense'), handlingMs: NaN, confidence: Infinity, question: 'x'.repeat(5000) }));
    const gaps = insight.gaps({ days: 1 });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.question).toHaveLength(1000);
    await insight.close();
  });

  it('rejects a window that is not a positive number', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    expect(() => insight.gaps({ days: 0 })).toThrow(RangeError);
    expect(insight.status().open).toBe(true);
    await insight.close();
  });

  it('never throws from record calls, even for garbage', () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    expect(() => insight.recordQuestion(null as never)).not.toThrow();
    expect(() => insight.recordFeedback(undefined as never)).not.toThrow();
    expect(insight.status().queued).toBe(0);
    return insight.close();
  });

  it('has a null implementation that records nothing', async () => {
    const n = createNullInsight();
    n.recordQuestion(question());
    expect(n.gaps({ days: 7 })).toEqual([]);
    expect(n.usage({ days: 7 }).questions).toBe(0);
    await n.close();
    expect(existsSync(join(tmp.dir, 'h.db'))).toBe(false);
  });
});

describe('feedback that cannot be stuffed', () => {
  it('one rating and one reason per member per answer: the latest wins', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'fb.db') });
    const later = (s: number) => new Date(Date.now() + s * 1000);
    insight.recordFeedback(vote({ userId: 'a', answerKey: 'k1', helpful: true, at: later(0) }));
    insight.recordFeedback(vote({ userId: 'a', answerKey: 'k1', reason: 'first try', at: later(1) }));
    insight.recordFeedback(vote({ userId: 'a', answerKey: 'k1', reason: 'second try', at: later(2) }));
    const [row] = insight.feedback({ days: 7 });
    expect(row).toMatchObject({ entryId: 'hotline-1963', down: 1, up: 0, reasons: ['second try'] });
    await insight.close();
  });

  it("one member submitting again and again cannot push other members' reasons out", async () => {
    const insight = openInsight({ path: join(tmp.dir, 'fb2.db') });
    const later = (s: number) => new Date(Date.now() + s * 1000);
    insight.recordFeedback(vote({ userId: 'honest', answerKey: 'k0', reason: 'The year is wrong', at: later(0) }));
    // Five answers to the same question, each rated by the same member.
    for (let i = 1; i <= 5; i++) insight.recordFeedback(vote({ userId: 'stuffer', answerKey: `k${i}`, reason: `STUFFER ${i}`, at: later(i) }));
    const [row] = insight.feedback({ days: 7 });
    expect(row!.down).toBe(2);
    expect(row!.reasons).toEqual(['STUFFER 5', 'The year is wrong']);
    await insight.close();
  });
});
