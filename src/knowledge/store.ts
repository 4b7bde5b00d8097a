import type { Diagnostic, KnowledgeBase } from './base';
import { loadKnowledge } from './load';
import { formatDiagnostic } from './format';
import { walkKnowledgeFolder, walkSignature } from './walk';

export type KnowledgeState<T> = { base: KnowledgeBase; engine: T; warnings: Diagnostic[] };

export type ReloadOutcome =
  /** `deferred`: a watched change that takes entries away, not swapped in yet because the folder changed again (see `shrinkConfirmMs`). */
  | { ok: true; changed: boolean; version: string; warnings: Diagnostic[]; deferred?: true }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[]; keptVersion: string };

export type StoreEvents<T> = {
  /** A new valid base was swapped in. */
  reload: (state: KnowledgeState<T>) => void;
  /** An edit made the base invalid; the last good one keeps serving. */
  invalid: (outcome: Extract<ReloadOutcome, { ok: false }>) => void;
  /** A load found the folder valid, whether or not it changed (after `reload` when it did). */
  valid: (outcome: Extract<ReloadOutcome, { ok: true }>) => void;
};

export type StoreOptions<T> = {
  dir: string;
  /** Builds what is served from a base (the answer engine); runs once per knowledge version. */
  build: (base: KnowledgeBase) => T;
  /** Poll the folder and reload on change. */
  watch?: boolean;
  /** How often the folder is looked at when watching. */
  pollMs?: number;
  /**
   * A watched change that takes entries away is swapped in only once the folder has stayed as it was for this long
   * (default 2 s). A slow writer's valid prefix (a file cut between two entries) looks exactly like a deletion; a
   * real deletion can wait two seconds, a half-written base must not be served. `reload()` on demand never waits.
   */
  shrinkConfirmMs?: number;
};

const SHRINK_CONFIRM_MS = 2000;

/** Whether `next` lacks an entry that `current` has (by id). */
export function dropsEntries(current: KnowledgeBase, next: KnowledgeBase): boolean {
  const kept = new Set(next.entries.map((e) => e.id));
  return current.entries.some((e) => !kept.has(e.id));
}

/** The initial load failed: there is no last good base to fall back on. */
export class KnowledgeLoadError extends Error {
  constructor(readonly dir: string, readonly errors: Diagnostic[]) {
    super(`the knowledge in ${dir} is invalid:\n${errors.map((d) => `  ${formatDiagnostic(d, dir)}`).join('\n')}`);
  }
}

/**
 * Holds the last good knowledge base and what was built from it. Reloads (on demand or when the
 * folder changes) validate first and swap only when valid, so a bad edit never takes the bot down.
 */
export class KnowledgeStore<T> {
  #state: KnowledgeState<T>;
  #listeners: { [K in keyof StoreEvents<T>]: Set<StoreEvents<T>[K]> } = { reload: new Set(), invalid: new Set(), valid: new Set() };
  #queue: Promise<unknown> = Promise.resolve();
  #timer?: NodeJS.Timeout;
  #signature = '';
  #polling = false;
  // Stops a check still running when the store closes, so that shutdown never waits on one.
  readonly #closing = new AbortController();

  private constructor(
    private readonly options: StoreOptions<T>,
    state: KnowledgeState<T>,
  ) {
    this.#state = state;
  }

  static async open<T>(options: StoreOptions<T>): Promise<KnowledgeStore<T>> {
    const result = await loadKnowledge(options.dir);
    if (!result.ok) throw new KnowledgeLoadError(options.dir, result.errors);
    const built = buildEngine(options, result.base);
    if ('problem' in built) throw new KnowledgeLoadError(options.dir, [built.problem]);
    const store = new KnowledgeStore(options, { base: result.base, engine: built.engine, warnings: result.warnings });
    if (options.watch) {
      store.#signature = await folderSignature(options.dir);
      store.#timer = setInterval(() => void store.#poll(), options.pollMs ?? 500);
      store.#timer.unref();
    }
    return store;
  }

  get current(): KnowledgeState<T> {
    return this.#state;
  }

  on<K extends keyof StoreEvents<T>>(event: K, listener: StoreEvents<T>[K]): () => void {
    this.#listeners[event].add(listener);
    return () => this.#listeners[event].delete(listener);
  }

  /** Validates the folder and swaps it in if valid. Reloads never run concurrently. */
  reload(): Promise<ReloadOutcome> {
    return this.#enqueue(false);
  }

  #enqueue(watched: boolean): Promise<ReloadOutcome> {
    const run = this.#queue.then(() => this.#reloadNow(watched));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#closing.abort();
    await this.#queue;
  }

  /** Never rejects: whatever goes wrong (the check, building the engine) is a refused edit, reported as `invalid`. */
  async #reloadNow(watched: boolean): Promise<ReloadOutcome> {
    const refused = (errors: Diagnostic[], warnings: Diagnostic[]) => {
      const outcome = { ok: false as const, errors, warnings, keptVersion: this.#state.base.version };
      if (!this.#closing.signal.aborted) this.#emit('invalid', outcome);
      return outcome;
    };
    const result = await loadKnowledge(this.options.dir, { signal: this.#closing.signal });
    if (!result.ok) return refused(result.errors, result.warnings);
    if (result.base.version === this.#state.base.version) {
      const unchanged = { ok: true as const, changed: false, version: result.base.version, warnings: result.warnings };
      this.#emit('valid', unchanged);
      return unchanged;
    }
    if (watched && dropsEntries(this.#state.base, result.base) && !(await this.#stillFor(this.options.shrinkConfirmMs ?? SHRINK_CONFIRM_MS))) {
      // Changed again (or closing): the next poll loads whatever the folder holds then.
      return { ok: true, changed: false, version: this.#state.base.version, warnings: result.warnings, deferred: true };
    }
    const built = buildEngine(this.options, result.base);
    if ('problem' in built) return refused([built.problem], result.warnings);
    this.#state = { base: result.base, engine: built.engine, warnings: result.warnings };
    this.#emit('reload', this.#state);
    const changed = { ok: true as const, changed: true, version: result.base.version, warnings: result.warnings };
    this.#emit('valid', changed);
    return changed;
  }

  async #poll(): Promise<void> {
    if (this.#polling || this.#closing.signal.aborted) return;
    this.#polling = true;
    try {
      const signature = await folderSignature(this.options.dir);
      if (signature === this.#signature) return;
      // Wait for the folder to settle (an editor or `git pull` writes in several steps) before loading.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const settled = await folderSignature(this.options.dir);
      if (settled !== signature) return; // still changing: look again next tick
      this.#signature = settled;
      await this.#enqueue(true);
    } catch {
      // Nothing above rejects (the walk and the reload report problems as values); a poll must never
      // become an unhandled rejection, whatever happens.
    } finally {
      this.#polling = false;
    }
  }

  /** Whether the folder is unchanged (against the signature last loaded) after `ms`; false when the store closes meanwhile. */
  async #stillFor(ms: number): Promise<boolean> {
    const signal = this.#closing.signal;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (signal.aborted) return false;
    return (await folderSignature(this.options.dir)) === this.#signature;
  }

  #emit<K extends keyof StoreEvents<T>>(event: K, payload: Parameters<StoreEvents<T>[K]>[0]): void {
    for (const listener of this.#listeners[event]) {
      try {
        (listener as (p: typeof payload) => void)(payload);
      } catch {
        // A listener's failure (say, posting to a mod channel) must not stop the swap or other listeners.
      }
    }
  }
}

/**
 * Names, sizes and modification times of the knowledge files, and what was refused: cheap to
 * compute every poll. The loader's own walk, so the watcher sees exactly what a reload would read,
 * within the same limits (it never leaves the folder or follows a link).
 */
async function folderSignature(dir: string): Promise<string> {
  return walkSignature(await walkKnowledgeFolder(dir));
}

/** Builds what is served; a build that throws is a refused edit, in a moderator's words. */
function buildEngine<T>(options: StoreOptions<T>, base: KnowledgeBase): { engine: T } | { problem: Diagnostic } {
  try {
    return { engine: options.build(base) };
  } catch (error) {
    const message = `the answer engine could not be built from this knowledge (${error instanceof Error ? error.message : String(error)}): the edit was refused — tell a developer, with this message`;
    return { problem: { severity: 'error', file: options.dir, line: 1, column: 1, message } };
  }
}

export const openKnowledgeStore = KnowledgeStore.open;
