import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('the recorder and the process', () => {
  it('does not keep a process alive: its timers (flush, retry, purge, checkpoint) are unref’d', () => {
    // A broken path as well, so the retry timer is armed too.
    const script = `
      import { openInsight } from './src/insight/index';
      const ok = openInsight({ path: ${JSON.stringify(join(tmp.dir, 'h.db'))} });
      const broken = openInsight({ path: '/dev/null/h.db', logger: { warn() {}, error() {} } });
      for (const i of [ok, broken]) i.recordQuestion({ at: new Date(), guildId: null, channelId: null, userId: 'u', question: 'q', status: 'unknown', handlingMs: 1, via: 'slash' });
      console.log('done');
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.error).toBeUndefined(); // a timeout would show here
    expect(r.stdout.trim()).toBe('done');
    expect(r.status).toBe(0);
  });
});

describe('the database is private', () => {
  it('a new database folder is 0700 and the database file 0600, whatever the umask', async () => {
    const { mkdtempSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openInsight } = await import('../../src/insight/index');
    const root = mkdtempSync(path.join(tmpdir(), 'hotline-private-'));
    const file = path.join(root, 'data', 'hotline.db');
    const previous = process.umask(0o022);
    try {
      const insight = openInsight({ path: file, salt: 'a-test-salt-of-16+chars' });
      insight.recordQuestion({ at: new Date(), guildId: null, channelId: null, userId: '1', question: 'q', status: 'unknown', handlingMs: 1, via: 'slash' });
      await insight.close();
    } finally {
      process.umask(previous);
    }
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
