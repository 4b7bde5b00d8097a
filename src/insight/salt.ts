import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

// User ids are stored only as a keyed hash: moderators can count distinct askers,
// but the table alone does not say who asked. The key (salt) belongs to one deployment.

/** Where the generated salt lives: next to the database, so it shares the database's folder (git-ignored data/). */
export function saltPathFor(databasePath: string): string {
  return `${databasePath}.salt`;
}

/**
 * The deployment's salt: read from `file`, or generated once and written there (mode 0600).
 * 'wx' makes creation atomic, so two processes starting together end up with the same salt.
 * Throws when the file can be neither read nor created.
 */
export function loadOrCreateSalt(file: string): string {
  const existing = readSalt(file);
  if (existing) return existing;
  const salt = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${salt}\n`, { flag: 'wx', mode: 0o600 });
    return salt;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const raced = readSalt(file);
    if (raced) return raced;
    throw new Error(`salt file ${file} exists but is empty`);
  }
}

function readSalt(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length >= 16) return text;
    throw new Error(`salt file ${file} is too short (${text.length} characters); delete it to generate a new one`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** HMAC-SHA256 of the user id under the salt, 128 bits in hex: enough to keep distinct users distinct. */
export function hashUserId(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex').slice(0, 32);
}
