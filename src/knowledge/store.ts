import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, KnowledgeBase } from './base';
import { loadKnowledge } from './load';
import { formatDiagnostic } from './format';

export type KnowledgeState<T> = { base: KnowledgeBase; engine: T; warnings: Diagnostic[] };

export type ReloadOutcome =
  | { ok: true; changed: boolean; version: string; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[]; keptVersion: string };

export type StoreEvents<T> = {
  /** A new valid base was swapped in. */
  reload: (state: KnowledgeState<T>) => void;
  /** An edit made the base invalid; the last good one keeps serving. */
  invalid: (outcome: Extract<ReloadOutcome, { ok: false }>) => void;
};

export type StoreOptions<T> = {
  dir: string;
  /** Builds what is served from a base (the answer engine); runs once per knowledge version. */
  build: (base: KnowledgeBase) => T;
  /** Poll the folder and reload on change. */
  watch?: boolean;
  /** How often the folder is looked at when watching. */
  pollMs?: number;
};

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
  #listeners: { [K in keyof StoreEvents<T>]: Set<StoreEvents<T>[K]> } = { reload: new Set(), invalid: new Set() };
  #queue: Promise<unknown> = Promise.resolve();
  #timer?: NodeJS.Timeout;
  #signature = '';
  #polling = false;

  private constructor(
    private readonly options: StoreOptions<T>,
    state: KnowledgeState<T>,
  ) {
    this.#state = state;
  }

  static async open<T>(options: StoreOptions<T>): Promise<KnowledgeStore<T>> {
    const result = await loadKnowledge(options.dir);
    if (!result.ok) throw new KnowledgeLoadError(options.dir, result.errors);
    const store = new KnowledgeStore(options, { base: result.base, engine: options.build(result.base), warnings: result.warnings });
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
    const run = this.#queue.then(() => this.#reloadNow());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#queue;
  }

  async #reloadNow(): Promise<ReloadOutcome> {
    const result = await loadKnowledge(this.options.dir);
    if (!result.ok) {
      const outcome = { ok: false as const, errors: result.errors, warnings: result.warnings, keptVersion: this.#state.base.version };
      this.#emit('invalid', outcome);
      return outcome;
    }
    if (result.base.version === this.#state.base.version) {
      return { ok: true, changed: false, version: result.base.version, warnings: result.warnings };
    }
    this.#state = { base: result.base, engine: this.options.build(result.base), warnings: result.warnings };
    this.#emit('reload', this.#state);
    return { ok: true, changed: true, version: result.base.version, warnings: result.warnings };
  }

  async #poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      const signature = await folderSignature(this.options.dir);
      if (signature === this.#signature) return;
      // Wait for the folder to settle (an editor or `git pull` writes in several steps) before loading.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const settled = await folderSignature(this.options.dir);
      if (settled !== signature) return; // still changing: look again next tick
      this.#signature = settled;
      await this.reload();
    } finally {
      this.#polling = false;
    }
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

/** Names, sizes and modification times of every file under the folder: cheap to compute every poll. */
async function folderSignature(dir: string): Promise<string> {
  const parts: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(path.join(dir, relative));
    } catch {
      parts.push(`${relative}:missing`);
      return;
    }
    for (const name of names.sort()) {
      const child = path.join(relative, name);
      try {
        const info = await stat(path.join(dir, child));
        if (info.isDirectory()) await walk(child);
        else parts.push(`${child}:${info.size}:${info.mtimeMs}`);
      } catch {
        parts.push(`${child}:gone`);
      }
    }
  };
  await walk('');
  return parts.join('|');
}

export const openKnowledgeStore = KnowledgeStore.open;
