import { mkdtemp, rm, writeFile, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnowledgeLoadError, KnowledgeStore } from '../../src/knowledge/store';
import type { KnowledgeBase } from '../../src/knowledge/base';
import { oneFactBase } from './one-fact-base';

const base = oneFactBase;

let dir: string;
let store: KnowledgeStore<string> | undefined;
const build = (b: KnowledgeBase) => b.entries.map((e) => e.text).join('|');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hotline-store-'));
  await writeFile(path.join(dir, 'kb.yaml'), base('First.'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('KnowledgeStore', () => {
  it('refuses to open on invalid knowledge, with the errors', async () => {
    await writeFile(path.join(dir, 'kb.yaml'), 'facts: [');
    await expect(KnowledgeStore.open({ dir, build })).rejects.toBeInstanceOf(KnowledgeLoadError);
  });

  it('swaps in a valid edit on reload and keeps the last good base on an invalid one', async () => {
    store = await KnowledgeStore.open({ dir, build });
    expect(store.current.engine).toBe('First.');
    await writeFile(path.join(dir, 'kb.yaml'), base('Second.'));
    expect(await store.reload()).toMatchObject({ ok: true, changed: true });
    expect(store.current.engine).toBe('Second.');

    const version = store.current.base.version;
    await writeFile(path.join(dir, 'kb.yaml'), base('Third.').replace('sources: [s]', 'sources: [nope]'));
    const outcome = await store.reload();
    expect(outcome).toMatchObject({ ok: false, keptVersion: version });
    if (!outcome.ok) expect(outcome.errors[0]?.message).toBe('unknown source "nope"');
    expect(store.current.engine).toBe('Second.');
  });

  it('reports an unchanged reload as unchanged and does not rebuild', async () => {
    const spy = vi.fn(build);
    store = await KnowledgeStore.open({ dir, build: spy });
    expect(await store.reload()).toMatchObject({ ok: true, changed: false });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('an engine build that throws is a refused edit, reported as invalid, with the last good engine serving', async () => {
    const flaky = (b: KnowledgeBase) => {
      if (b.entries.some((e) => e.text === 'Boom.')) throw new Error('index overflow');
      return build(b);
    };
    store = await KnowledgeStore.open({ dir, build: flaky });
    const invalid = new Promise<string>((resolve) => store!.on('invalid', (o) => resolve(o.errors[0]!.message)));
    await writeFile(path.join(dir, 'kb.yaml'), base('Boom.'));
    expect(await store.reload()).toMatchObject({ ok: false, keptVersion: store.current.base.version });
    expect(await invalid).toBe('the answer engine could not be built from this knowledge (index overflow): the edit was refused — tell a developer, with this message');
    expect(store.current.engine).toBe('First.');
    await expect(KnowledgeStore.open({ dir, build: flaky })).rejects.toThrow(/answer engine could not be built/);
  });

  it('close() stops a check still running: shutdown never waits on one', async () => {
    store = await KnowledgeStore.open({ dir, build });
    const reload = store.reload();
    await store.close();
    expect(await reload).toMatchObject({ ok: false });
  });

  it('watches the folder: a valid edit is picked up, a broken or deleted file keeps the last good base', async () => {
    store = await KnowledgeStore.open({ dir, build, watch: true, pollMs: 50 });
    const reloaded = new Promise<string>((resolve) => store!.on('reload', (s) => resolve(s.engine)));
    await writeFile(path.join(dir, 'kb.yaml'), base('Edited live.'));
    expect(await reloaded).toBe('Edited live.');

    const invalid = new Promise<number>((resolve) => store!.on('invalid', (o) => resolve(o.errors.length)));
    await writeFile(path.join(dir, 'kb.yaml'), base('Half').slice(0, 60)); // a half-written file
    expect(await invalid).toBeGreaterThan(0);
    expect(store.current.engine).toBe('Edited live.');

    await unlink(path.join(dir, 'kb.yaml')); // whole base gone
    await new Promise((r) => setTimeout(r, 400));
    expect(store.current.engine).toBe('Edited live.');

    const back = new Promise<string>((resolve) => store!.on('reload', (s) => resolve(s.engine)));
    await writeFile(path.join(dir, 'tmp.part'), base('Restored.'));
    await rename(path.join(dir, 'tmp.part'), path.join(dir, 'kb.yaml'));
    expect(await back).toBe('Restored.');
  });

  describe('a watched change that takes entries away waits for the folder to stay still (a slow writer is not served half-written)', () => {
    const second = (text: string) => `  - id: g\n    text: ${text}\n    topics: [t]\n    sources: [s]\n`;
    const twoFacts = (text: string) => `${base('First.')}${second(text)}`;

    it('a valid prefix cut between two entries, completed a moment later, is never swapped in', async () => {
      await writeFile(path.join(dir, 'kb.yaml'), twoFacts('Second.'));
      store = await KnowledgeStore.open({ dir, build, watch: true, pollMs: 20, shrinkConfirmMs: 3000 });
      const served: string[] = [];
      store.on('reload', (s) => served.push(s.engine));
      await writeFile(path.join(dir, 'kb.yaml'), base('First.')); // the writer stops after the first entry…
      await new Promise((r) => setTimeout(r, 1500));
      await writeFile(path.join(dir, 'kb.yaml'), twoFacts('Second, edited.')); // …and writes the rest
      await vi.waitFor(() => expect(served).toContain('First.|Second, edited.'), { timeout: 10_000 });
      expect(served).not.toContain('First.');
    });

    it('a real deletion is swapped in once the folder stays as it is', async () => {
      await writeFile(path.join(dir, 'kb.yaml'), twoFacts('Second.'));
      store = await KnowledgeStore.open({ dir, build, watch: true, pollMs: 20, shrinkConfirmMs: 200 });
      const reloaded = new Promise<string>((resolve) => store!.on('reload', (s) => resolve(s.engine)));
      await writeFile(path.join(dir, 'kb.yaml'), base('First.'));
      expect(await reloaded).toBe('First.');
    });

    it('a reload asked for (/kb reload) swaps a deletion in at once', async () => {
      await writeFile(path.join(dir, 'kb.yaml'), twoFacts('Second.'));
      store = await KnowledgeStore.open({ dir, build, shrinkConfirmMs: 60_000 });
      await writeFile(path.join(dir, 'kb.yaml'), base('First.'));
      expect(await store.reload()).toMatchObject({ ok: true, changed: true });
      expect(store.current.engine).toBe('First.');
    });
  });
});
