import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './bot-process';

// Scenarios that must run as an unprivileged user (root ignores file permissions, so a read-only
// folder is only read-only for someone else) need a checkout that user can reach. A clone inside a
// private folder (a 0700 home, `mktemp -d`) is not one: then the scenario gets its own copy of what
// it runs (hard links where the filesystem allows, a plain copy otherwise) in a fresh world-readable
// folder. Without root there is no one else to run as, and the scenario says so and is skipped.

/** The unprivileged user the scenarios run as. */
export const NOBODY = 65534;
export const asRoot = process.getuid?.() === 0;

/** What a scenario run as another user needs from the checkout. */
export const NEEDED = ['package.json', 'tsconfig.json', 'src', 'commands', 'tests', 'node_modules'];

export type Checkout = { root: string; cleanup(): Promise<void> } | { skip: string };

/** A checkout `uid` can read and run `node --import tsx` in: this one if it can already, else a copy. */
export async function checkoutFor(uid = NOBODY, from = ROOT): Promise<Checkout> {
  if (!asRoot) return { skip: 'needs root, to run the scenario as an unprivileged user (uid 65534): run the suite as root to include it' };
  if (canRun(uid, from)) return { root: from, cleanup: async () => {} };
  const parent = await mkdtemp(path.join(tmpdir(), 'hotline-checkout-'));
  await chmod(parent, 0o755);
  const root = path.join(parent, 'hotline');
  const cleanup = () => rm(parent, { recursive: true, force: true });
  try {
    execFileSync('mkdir', [root]);
    try {
      execFileSync('cp', ['-al', ...NEEDED.map((p) => path.join(from, p)), root], { stdio: 'pipe' });
    } catch {
      await rm(root, { recursive: true, force: true });
      execFileSync('mkdir', [root]);
      execFileSync('cp', ['-r', ...NEEDED.map((p) => path.join(from, p)), root], { stdio: 'pipe' });
    }
    // Hard links share the originals' modes; a copy of files made under a private umask may still be
    // unreadable to others, so a copy (never the hard-linked originals) is opened up if need be.
    if (!canRun(uid, root)) {
      await rm(root, { recursive: true, force: true });
      execFileSync('mkdir', [root]);
      execFileSync('cp', ['-r', ...NEEDED.map((p) => path.join(from, p)), root], { stdio: 'pipe' });
      execFileSync('chmod', ['-R', 'a+rX', root]);
    }
    if (!canRun(uid, root)) throw new Error(`uid ${uid} still cannot read ${root}`);
    return { root, cleanup };
  } catch (error) {
    await cleanup();
    return { skip: `could not arrange a checkout uid ${uid} can read: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Whether `uid` can reach `root` and start node with tsx there (every folder above it traversable). */
export function canRun(uid: number, root: string): boolean {
  const probe = `require('fs').accessSync(${JSON.stringify(path.join(root, 'node_modules/tsx/package.json'))}, require('fs').constants.R_OK); require('fs').accessSync(${JSON.stringify(path.join(root, 'src'))}, require('fs').constants.X_OK)`;
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: '/', uid, gid: uid, stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}
