import { spawnSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bot-process';
import { asRoot, checkoutFor, NOBODY, type Checkout } from '../support/other-user';
import { tempDir } from './helpers';

// The scenario runs in a child process so that, when the tests run as root, it can drop to an
// unprivileged user for whom a read-only folder really is read-only (from a checkout that user can
// read: see tests/support/other-user.ts). Not as root, it runs as the user running the tests.
let checkout: Checkout;
beforeAll(async () => {
  checkout = asRoot ? await checkoutFor(NOBODY) : { root: ROOT, cleanup: async () => {} };
});
afterAll(async () => {
  if ('cleanup' in checkout) await checkout.cleanup();
});

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  if (asRoot) chownSync(tmp.dir, NOBODY, NOBODY);
});
afterEach(() => tmp.cleanup());

function runScenario(mode: 'fresh' | 'existing', skip: (note: string) => never) {
  if ('skip' in checkout) skip(checkout.skip);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('tests', 'insight', 'read-only-scenario.ts'), tmp.dir, mode], {
    cwd: checkout.root,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, HOME: tmp.dir },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as {
    threw: boolean;
    errors: string[];
    whileReadOnly: { open: boolean; queued: number };
    readError: string;
    gaps: Array<{ question: string; count: number }>;
  };
}

describe('a read-only folder', () => {
  it('where the database must be created: records do not throw, and are written once it is writable', (ctx) => {
    const r = runScenario('fresh', ctx.skip);
    expect(r.threw).toBe(false);
    expect(r.whileReadOnly).toMatchObject({ open: false, queued: 3 });
    expect(r.readError).toBe('InsightUnavailableError');
    expect(r.errors).toHaveLength(1);
    expect(r.gaps).toEqual([expect.objectContaining({ question: 'asked while read-only', count: 3 })]);
  });

  it('holding an existing database: records do not throw, and are written once it is writable', (ctx) => {
    const r = runScenario('existing', ctx.skip);
    expect(r.threw).toBe(false);
    expect(r.whileReadOnly).toMatchObject({ open: false, queued: 3 });
    expect(r.errors).toHaveLength(1);
    expect(r.gaps.map((g) => [g.question, g.count])).toEqual([
      ['asked while read-only', 3],
      ['asked before the disk went read-only', 1],
    ]);
  });
});
