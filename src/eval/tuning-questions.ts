import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAnswerable, type Split } from './questions';

// The eval questions a moderator's preview may show: the tune and dev splits only. Held-out (and any
// blind) questions are measured, never read, so they are never printed anywhere — not even here.

export const PREVIEWABLE_SPLITS: ReadonlySet<Split> = new Set(['tune', 'dev']);

/** Answerable questions of the tune and dev splits in `dir`/answerable.yaml; none when the file is absent (a deployment without tests). */
export async function tuningQuestions(dir = process.env.EVAL_DIR || 'tests/eval'): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'answerable.yaml'), 'utf8');
  } catch {
    return [];
  }
  return parseAnswerable(text)
    .filter((q) => PREVIEWABLE_SPLITS.has(q.split))
    .map((q) => q.q);
}
