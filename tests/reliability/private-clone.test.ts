import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, run } from '../support/bot-process';
import { checkoutFor, NEEDED, NOBODY } from '../support/other-user';
import { watchCrashes } from './harness';

// The suite passes wherever it is cloned (issue 13, item 10). A clone inside a private folder (0700,
// as `mktemp -d` makes, or a private home) cannot be reached by the unprivileged user some scenarios
// run as; before, `npm test` there failed 3 tests and raised an unhandled `spawn … tsx EACCES`.
// Now such a scenario runs from a copy that user can read, or skips saying why; a child that cannot
// start is a result, not a crash.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const scenario = (cwd: string, dir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join('tests', 'insight', 'read-only-scenario.ts'), dir, 'fresh'], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH!, HOME: dir },
    uid: NOBODY,
    gid: NOBODY,
  });

describe('a clone inside a private folder', () => {
  it('a scenario run as an unprivileged user gets a checkout it can read, and passes', async (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('needs root, to run the scenario as an unprivileged user (uid 65534)');
    // The clone: what a scenario needs, hard-linked (or copied) into a folder only its owner may enter.
    const secret = await mkdtemp(path.join(tmpdir(), 'hotline-private-'));
    cleanups.push(() => rm(secret, { recursive: true, force: true }));
    await chmod(secret, 0o700);
    const clone = path.join(secret, 'h');
    await mkdir(clone);
    try {
      execFileSync('cp', ['-al', ...NEEDED.map((p) => path.join(ROOT, p)), clone], { stdio: 'pipe' });
    } catch {
      execFileSync('cp', ['-r', ...NEEDED.map((p) => path.join(ROOT, p)), clone], { stdio: 'pipe' });
    }
    const work = await mkdtemp(path.join(tmpdir(), 'hotline-private-work-'));
    cleanups.push(() => rm(work, { recursive: true, force: true }));
    await chown(work, NOBODY, NOBODY);

    // Run from the clone itself, the unprivileged user cannot even start (what failed before).
    const direct = scenario(clone, work);
    expect(direct.status).not.toBe(0);
    expect(`${direct.error?.message ?? ''}${direct.stderr}`).toMatch(/EACCES|permission denied|Cannot find package 'tsx'/i);

    const checkout = await checkoutFor(NOBODY, clone);
    if ('skip' in checkout) throw new Error(checkout.skip);
    cleanups.push(() => checkout.cleanup());
    expect(checkout.root.startsWith(secret)).toBe(false);
    const r = scenario(checkout.root, work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ threw: false, whileReadOnly: { open: false, queued: 3 } });
  });

  it('a child process that cannot be started is reported as a result, never an unhandled error', async () => {
    const crashes = watchCrashes();
    try {
      const child = run(path.join(tmpdir(), 'hotline-no-such-dir', 'tsx'), ['src/main/main.ts'], {});
      expect(await child.code).toBeNull();
      expect(child.stderr()).toMatch(/could not start .*ENOENT/);
      await new Promise((r) => setTimeout(r, 50));
      expect(crashes.problems).toEqual([]);
    } finally {
      crashes.stop();
    }
  });
});
