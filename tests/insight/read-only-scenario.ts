import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openInsight } from '../../src/insight/index';

// Run by read-only.test.ts in a child process, as an unprivileged user: root ignores file permissions,
// so a read-only folder can only be tried for real without it.
// argv: <folder we own> <fresh|existing>. Prints one JSON line.

const [dir, mode] = process.argv.slice(2) as [string, 'fresh' | 'existing'];
const dataDir = join(dir, 'data');
const path = join(dataDir, 'hotline.db');
const errors: string[] = [];
const logger = { warn: () => {}, error: (_o: object, msg: string) => void errors.push(msg) };
const ask = (q: string) => ({
  at: new Date(),
  guildId: 'g',
  channelId: 'c',
  userId: 'u',
  question: q,
  status: 'unknown' as const,
  handlingMs: 5,
  via: 'slash' as const,
});

if (mode === 'existing') {
  const first = openInsight({ path, logger });
  first.recordQuestion(ask('asked before the disk went read-only'));
  await first.close();
  chmodSync(path, 0o444);
  chmodSync(`${path}.salt`, 0o444);
  chmodSync(dataDir, 0o555);
} else {
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o555);
}

const insight = openInsight({ path, logger, retryMinMs: 60_000, flushDelayMs: 1 });
let threw = false;
try {
  for (let i = 0; i < 3; i++) insight.recordQuestion(ask('asked while read-only'));
} catch {
  threw = true;
}
await new Promise((r) => setTimeout(r, 50));
const whileReadOnly = insight.status();
let readError = '';
try {
  insight.gaps({ days: 1 });
} catch (err) {
  readError = (err as Error).name;
}

chmodSync(dataDir, 0o755);
if (mode === 'existing') chmodSync(path, 0o644);
const gaps = insight.gaps({ days: 1 });
await insight.close();
process.stdout.write(`${JSON.stringify({ threw, errors, whileReadOnly, readError, gaps })}\n`);
