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
