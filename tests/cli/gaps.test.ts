import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openInsight } from '../../src/insight/index';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-gaps-cli-'));
  path = join(dir, 'hotline.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function gaps(args: string[], databasePath = path) {
  const r = spawnSync('npx', ['tsx', 'src/cli/gaps.ts', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DATABASE_PATH: databasePath, INSIGHT_SALT: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function record(questions: Array<{ q: string; status?: 'unknown' | 'unsure' | 'answered'; daysAgo?: number; userId?: string }>) {
  const insight = openInsight({ path });
  for (const { q, status = 'unknown', daysAgo = 0, userId = 'u' } of questions) {
    insight.recordQuestion({
      at: new Date(Date.now() - daysAgo * 86_400_000),
      guildId: 'g',
      channelId: 'c',
      userId,
      question: q,
      status,
      handlingMs: 10,
      via: 'slash',
    });
  }
  await insight.close();
}

describe('npm run gaps', () => {
  it('prints a recorded unknown question, grouped with its near-duplicate, and not the answered one', async () => {
    await record([
      { q: 'Who picks up the Beijing end of the hotline?' },
      { q: 'who picks up the beijing end of the hotline', daysAgo: 0.001 }, // older, so not the group's lead
      { q: 'When was the hotline set up?', status: 'answered' },
    ]);
    const r = gaps([]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ 2 +\d{4}-\d\d-\d\d \d\d:\d\d +unknown +Who picks up the Beijing end of the hotline\?/);
    expect(r.out).toContain('~ who picks up the beijing end of the hotline');
    expect(r.out).not.toContain('When was the hotline set up?');
  });

  it('exports CSV with proper quoting', async () => {
    await record([{ q: 'Was the "hotline" used in 1967, or 1973?', status: 'unsure' }]);
    const r = gaps(['--csv']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\r\n');
    expect(lines[0]).toBe('count,status,last_asked,question,examples');
    expect(lines[1]).toMatch(/^1,unsure,\d{4}-\d\d-\d\dT[\d:.]+Z,"Was the ""hotline"" used in 1967, or 1973\?",$/);
  });

  it('narrows to the last N days', async () => {
    await record([{ q: 'asked ten days ago', daysAgo: 10 }, { q: 'asked today' }]);
    const r = gaps(['--days', '7']);
    expect(r.out).toContain('asked today');
    expect(r.out).not.toContain('asked ten days ago');
    expect(gaps(['--days', '30']).out).toContain('asked ten days ago');
  });

  it('exits 1 with a clear message when there is no database, and does not create one', () => {
    const missing = join(dir, 'nowhere', 'hotline.db');
    const r = gaps([], missing);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`No insight database at ${missing}`);
    expect(r.err).toContain('DATABASE_PATH');
    expect(r.out).toBe('');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('rejects a bad --days with exit 1', () => {
    const r = gaps(['--days', 'soon']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--days must be a positive number');
  });

  it('deletes everything with --purge-all --yes, and only with --yes', async () => {
    await record([{ q: 'a question to forget' }]);
    expect(gaps(['--purge-all']).code).toBe(1);
    expect(gaps([]).out).toContain('a question to forget');

    const r = gaps(['--purge-all', '--yes']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Deleted 1 questions and 0 feedback rows');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM questions').get()).toEqual({ n: 0 });
    db.close();
    expect(gaps([]).out).toContain('No unknown or unsure questions.');
  });

  it("deletes one user's rows with --forget-user, using the salt file", async () => {
    await record([
      { q: 'asked by the user who wants out', userId: '123456789012345678' },
      { q: 'asked by someone else', userId: '876543210987654321' },
    ]);
    const r = gaps(['--forget-user', '123456789012345678'], path);
    expect(r.err).toBe('');
    expect(r.out).toContain('Deleted 1 questions and 0 feedback rows of that user');
    const out = gaps([]).out;
    expect(out).toContain('asked by someone else');
    expect(out).not.toContain('asked by the user who wants out');
    expect(gaps(['--forget-user', 'bob']).code).toBe(1);
  });
});
