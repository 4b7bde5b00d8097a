import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, LoadResult } from './base';
import { parseKnowledgeText, type ParsedFile } from './parse';
import { validateKnowledge } from './validate';

/** Knowledge files are small by design; anything bigger is a mistake (or an attack), not content. */
export const MAX_FILE_BYTES = 1_000_000;
const KNOWLEDGE_FILE = /\.ya?ml$/i;
// Files that live in the folder for people and editors, not for the bot.
const IGNORED = /(^|\/)(README\.md|schema\.json|\.[^/]*)$/;

/** Validates knowledge given as texts (relative file name → YAML). Pure: used by loadKnowledge and by tests. */
export function loadKnowledgeFromStrings(files: Readonly<Record<string, string>>): LoadResult {
  return build(new Map(Object.entries(files)), []);
}

/**
 * Reads every .yaml/.yml file under `dir` and validates the whole base. Never throws for bad
 * content: problems come back as diagnostics, and a base only when there is no error.
 */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as Error).message;
    return { ok: false, errors: [{ severity: 'error', file: dir, line: 1, column: 1, message: `knowledge folder ${reason}` }], warnings: [] };
  }

  for (const relative of await listFiles(root, '', diagnostics)) {
    const text = await readKnowledgeFile(root, relative, diagnostics);
    if (text !== undefined) texts.set(relative, text);
  }
  if (texts.size === 0 && diagnostics.length === 0) {
    diagnostics.push({ severity: 'error', file: dir, line: 1, column: 1, message: 'knowledge folder holds no .yaml files' });
  }
  return build(texts, diagnostics);
}

function build(texts: Map<string, string>, fileDiagnostics: Diagnostic[]): LoadResult {
  const diagnostics = [...fileDiagnostics];
  const parsed: ParsedFile[] = [];
  for (const [file, text] of texts) {
    const outcome = parseKnowledgeText(file, text);
    diagnostics.push(...outcome.diagnostics);
    if (outcome.parsed) parsed.push(outcome.parsed);
  }
  const validated = validateKnowledge(parsed, texts);
  diagnostics.push(...validated.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (errors.length > 0 || !validated.base) return { ok: false, errors, warnings };
  return { ok: true, base: validated.base, warnings };
}

async function listFiles(root: string, relative: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(root, relative))).sort();
  } catch (error) {
    diagnostics.push(fileProblem(relative || '.', `could not be listed: ${(error as Error).message}`));
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const child = relative ? `${relative}/${name}` : name;
    if (IGNORED.test(child)) continue;
    let info;
    try {
      info = await lstat(path.join(root, child));
    } catch {
      continue; // removed while we were listing: the next reload sees the new state
    }
    if (info.isSymbolicLink()) {
      const target = await realpath(path.join(root, child)).catch(() => undefined);
      if (target === undefined || !isInside(root, target)) {
        diagnostics.push(fileProblem(child, 'is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself'));
        continue;
      }
      info = await stat(target);
    }
    if (info.isDirectory()) files.push(...(await listFiles(root, child, diagnostics)));
    else if (KNOWLEDGE_FILE.test(name)) files.push(child);
  }
  return files;
}

async function readKnowledgeFile(root: string, relative: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const full = path.join(root, relative);
  try {
    const { size } = await stat(full);
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(fileProblem(relative, `is too large (${(size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB): split it into smaller files by subject`));
      return undefined;
    }
    const bytes = await readFile(full);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      diagnostics.push(fileProblem(relative, 'is not UTF-8 text (binary, or saved in another encoding): save it as UTF-8'));
      return undefined;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // deleted mid-load
    diagnostics.push(fileProblem(relative, `could not be read: ${(error as Error).message}`));
    return undefined;
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function fileProblem(file: string, message: string): Diagnostic {
  return { severity: 'error', file, line: 1, column: 1, message: `file ${message}` };
}
