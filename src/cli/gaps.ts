import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gapsAsCsv, gapsAsText } from '../insight/report';
import { hashUserId, saltPathFor } from '../insight/salt';
import { openStore, type Store } from '../insight/store';
import { plural } from '../text/plural';
import { writeGapDrafts } from './gap-drafts';

// `npm run gaps [-- --days N] [-- --csv] [-- --limit N]`: the questions Hotline could not answer,
// read from DATABASE_PATH (default data/hotline.db).
// `npm run gaps -- --purge-all --yes` deletes every recorded question and feedback row;
// `npm run gaps -- --forget-user <Discord user id>` deletes one person's rows (see PRIVACY.md).
// Exit codes: 0 report printed (also when it is empty); 1 no database at the path, unreadable database,
// or bad arguments. A missing database is an error because it usually means a wrong DATABASE_PATH.

const USAGE = `Usage: npm run gaps [-- --days N] [--limit N] [--csv | --yaml [--out DIR]] [--purge-all --yes] [--forget-user ID]
  --days N       only questions from the last N days (default 30)
  --limit N      at most N groups (default 50)
  --csv          CSV on stdout instead of the table
  --yaml         write a record skeleton per question (the same /kb gaps drafts) into --out
  --out DIR      folder for --yaml, outside knowledge/ (default drafts)
  --purge-all    delete every recorded question and feedback row (needs --yes)
  --forget-user ID  delete the questions and feedback of one Discord user (hashed with
                 INSIGHT_SALT if set, else the salt file next to the database)
Reads DATABASE_PATH (default data/hotline.db).`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

let args;
try {
  args = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      limit: { type: 'string', default: '50' },
      csv: { type: 'boolean', default: false },
      yaml: { type: 'boolean', default: false },
      out: { type: 'string', default: 'drafts' },
      'purge-all': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      'forget-user': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (err) {
  fail(`${(err as Error).message}\n\n${USAGE}`);
}
const opts = args!;
if (opts.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const days = Number(opts.days);
const limit = Number(opts.limit);
if (!Number.isFinite(days) || days <= 0) fail(`--days must be a positive number, got "${opts.days}".\n\n${USAGE}`);
if (!Number.isInteger(limit) || limit <= 0) fail(`--limit must be a positive whole number, got "${opts.limit}".\n\n${USAGE}`);

const path = process.env.DATABASE_PATH || 'data/hotline.db';
if (!existsSync(path)) {
  fail(
    `No insight database at ${path}.\n` + 'The bot creates it when it records its first question. If it lives elsewhere, set DATABASE_PATH (see .env.example).',
  );
}

let store: Store;
try {
  store = openStore(path, { create: false, busyTimeoutMs: 2_000 });
} catch (err) {
  fail(`Cannot read the insight database ${path}: ${(err as Error).message}`);
}

try {
  const forget = opts['forget-user'];
  if (forget !== undefined) {
    if (!/^\d{15,22}$/.test(forget)) fail(`--forget-user takes a Discord user id (a long number), got "${forget}".`);
    const salt = process.env.INSIGHT_SALT || readSaltFile(saltPathFor(path));
    const gone = store!.forget(hashUserId(salt, forget));
    store!.db.pragma('wal_checkpoint(TRUNCATE)');
    process.stdout.write(`Deleted ${gone.questions} questions and ${gone.feedback} feedback rows of that user from ${path}.\n`);
  } else if (opts['purge-all']) {
    if (!opts.yes) fail(`This deletes every recorded question and feedback row in ${path}. Add --yes to do it.`);
    const gone = store!.purgeAll();
    // Deleted rows would linger in free pages and the WAL; rewrite the file so they are really gone.
    store!.db.pragma('wal_checkpoint(TRUNCATE)');
    store!.db.exec('VACUUM');
    process.stdout.write(`Deleted ${gone.questions} questions and ${gone.feedback} feedback rows from ${path}.\n`);
  } else if (opts.yaml) {
    const since = Date.now() - days * 86_400_000;
    const questions = [...store!.gaps(since, limit), ...store!.disliked(since, limit)];
    const result = await writeGapDrafts(questions, { outDir: opts.out, knowledgeDir: process.env.KNOWLEDGE_DIR || 'knowledge' });
    if ('error' in result) fail(result.error);
    else {
      for (const file of result.written) process.stdout.write(`wrote ${file}\n`);
      for (const file of result.kept) process.stdout.write(`kept ${file} (already there)\n`);
      process.stdout.write(
        `${plural(result.written.length, 'skeleton')} written to ${opts.out}. Fill one in, check it with /kb preview or npm run kb:check, then move its records into knowledge/.\n`,
      );
    }
  } else {
    const rows = store!.gaps(Date.now() - days * 86_400_000, limit);
    process.stdout.write(opts.csv ? gapsAsCsv(rows) : gapsAsText(rows, `Unknown and unsure questions, last ${plural(days, 'day')} (${path})`));
  }
} catch (err) {
  fail(`Cannot read the insight database ${path}: ${(err as Error).message}`);
} finally {
  store!.close();
}

function readSaltFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    return fail(`Cannot read the salt file ${file} (${(err as Error).message}); without it no user can be matched.`);
  }
}
