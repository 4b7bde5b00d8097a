import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, LoadResult } from './base';
import { boundRecords } from './bounds';
import { DiagnosticList } from './diagnostics';
import { parseKnowledgeText, type ParsedFile } from './parse';
import { validateKnowledge } from './validate';
import { FOLDER_LIMITS, readFoundFile, walkKnowledgeFolder } from './walk';

/** Knowledge files are small by design; anything bigger is a mistake (or an attack), not content. */
export const MAX_FILE_BYTES = FOLDER_LIMITS.fileBytes;

/** What one check of the folder may cost before it is stopped and the edit refused. */
export const CHECK_LIMITS = {
  /** Wall time for reading, parsing and validating the whole folder (the shipped base takes well under a second). */
  timeoutMs: 30_000,
  /** Heap of the thread doing the check. */
  memoryMb: 512,
} as const;

export type LoadOptions = {
  timeoutMs?: number;
  /** Stops the check at once (shutdown); the result is then a refusal. */
  signal?: AbortSignal;
};

/** Validates knowledge given as texts (relative file name → YAML). Pure: used by loadKnowledge and by tests. */
export function loadKnowledgeFromStrings(files: Readonly<Record<string, string>>): LoadResult {
  return build(new Map(Object.entries(files)), []);
}

/**
 * Reads every .yaml/.yml file under `dir` and validates the whole base: the one validation path
 * (start-up, reload, /kb check, kb:check, CI). It runs in a worker thread, so that a heavy file
 * never holds up the caller's event loop (the bot keeps answering within Discord's 3 seconds), and
 * within CHECK_LIMITS, so that no file can hang or exhaust the caller. Never throws and never
 * rejects: every problem, including the check itself failing, comes back as a diagnostic naming
 * the file, and a base only when there is no error.
 */
export function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  return new Promise((resolve) => {
    let checking: string | undefined; // the file the worker is on, to name it if the check is stopped
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: WORKER_ENTRY, tsx: TSX_API, dir },
      resourceLimits: { maxOldGenerationSizeMb: CHECK_LIMITS.memoryMb },
    });
    let settled = false;
    const finish = (result: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      resolve(result);
    };
    const refuse = (message: string) =>
      finish({ ok: false, errors: [{ severity: 'error', file: checking ?? dir, line: 1, column: 1, message: `${checking ? 'file' : 'knowledge folder'} ${message}` }], warnings: [] });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'file') checking = message.file;
      else finish(message.result);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      refuse(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needs more memory to check than Hotline allows (${CHECK_LIMITS.memoryMb} MB): it is far too big or too deeply nested — split it or simplify it`
          : `could not be checked: ${error.message}`,
      ),
    );
    // A worker that posted its result and ended may report 'exit' first: give the message its turn.
    worker.on('exit', (code) => setImmediate(() => refuse(`could not be checked: the check stopped unexpectedly (exit code ${code})`)));
    const timeoutMs = options.timeoutMs ?? CHECK_LIMITS.timeoutMs;
    const timer = setTimeout(() => refuse(`took more than ${timeoutMs / 1000} s to check, so the edit was refused: it is far too big or too complex — split it into smaller files`), timeoutMs);
    const onAbort = () => refuse('check was stopped: Hotline is shutting down');
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What the worker posts: the file it starts on, then the result (cloned across threads). */
export type WorkerMessage = { type: 'file'; file?: string } | { type: 'done'; result: LoadResult };

const WORKER_ENTRY = new URL('./load-worker.ts', import.meta.url).href;
const TSX_API = tsxApiUrl();
// The worker starts as plain JavaScript and registers tsx's loader to import the TypeScript entry:
// on Node 20 a worker does not get the loader of its parent (`tsx`, `node --import tsx`), and the
// test runner's own loader does not reach worker threads either.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

/** How to start a worker thread on a TypeScript entry (also used by the /kb preview worker). */
export const TS_WORKER = { bootstrap: BOOTSTRAP, tsx: TSX_API } as const;

function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** The check itself, in this thread: what the worker runs. */
export async function readKnowledgeFolder(dir: string, onFile?: (file: string | undefined) => void): Promise<LoadResult> {
  const walk = await walkKnowledgeFolder(dir);
  if (walk.root === undefined) return { ok: false, errors: walk.diagnostics, warnings: [] };
  const diagnostics = [...walk.diagnostics];
  const texts = new Map<string, string>();
  for (const file of walk.files) {
    onFile?.(file.relative);
    const read = await readFoundFile(walk.root, file);
    if ('text' in read) texts.set(file.relative, read.text);
    else if (read.problem) diagnostics.push(read.problem);
  }
  if (texts.size === 0 && diagnostics.length === 0) {
    diagnostics.push({ severity: 'error', file: dir, line: 1, column: 1, message: 'knowledge folder holds no .yaml files' });
  }
  return build(texts, diagnostics, onFile);
}

function build(texts: Map<string, string>, fileDiagnostics: Diagnostic[], onFile?: (file: string | undefined) => void): LoadResult {
  const diagnostics = new DiagnosticList();
  diagnostics.addAll(fileDiagnostics);
  const parsed: ParsedFile[] = [];
  for (const [file, text] of texts) {
    onFile?.(file);
    const outcome = parseKnowledgeText(file, text);
    diagnostics.addAll(outcome.diagnostics);
    if (!outcome.parsed) continue;
    const bounded = boundRecords(outcome.parsed);
    diagnostics.addAll(bounded.diagnostics);
    if (bounded.file) parsed.push(bounded.file);
  }
  onFile?.(undefined); // cross-file checks: no one file to name
  const validated = validateKnowledge(parsed, texts);
  diagnostics.addAll(validated.diagnostics);
  const errors = diagnostics.reported('error');
  const warnings = diagnostics.reported('warning');
  if (diagnostics.errorCount > 0 || !validated.base) return { ok: false, errors, warnings };
  return { ok: true, base: validated.base, warnings };
}
