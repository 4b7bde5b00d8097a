import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODERATOR } from '../support/bot-harness';
import { NEW_FACT_FILE as GOOD_ADDITION, NEW_FACT_QUESTION } from '../support/fixture-knowledge';
import { ASKER, startBot, type ReliabilityHarness } from './harness';

// Hostile or broken knowledge files, through a moderator's /kb reload on the running bot: each is
// refused with an error naming the file, and nothing is half-loaded — a valid new file written
// alongside the bad one is not served either. Once the bad file is gone, the next reload succeeds.
// The watcher is slowed down so that only /kb reload loads the folder.

let h: ReliabilityHarness;
let outside: string;
beforeAll(async () => {
  h = await startBot({ pollMs: 3_600_000 });
  outside = await mkdtemp(path.join(tmpdir(), 'hotline-outside-'));
});
afterAll(async () => {
  await h?.close();
  await rm(outside, { recursive: true, force: true });
});

const fact = (fields: string) => `facts:
  - id: attack-entry
${fields}
`;

const ALIAS_BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
facts: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
`;

type Attack = { name: string; file: string; plant: (full: string) => Promise<void>; expect: RegExp };

const attacks: Attack[] = [
  { name: 'a YAML alias bomb', file: 'bomb.yaml', plant: (f) => writeFile(f, ALIAS_BOMB), expect: /alias/i },
  { name: 'a 50 MB file', file: 'huge.yaml', plant: (f) => writeFile(f, Buffer.alloc(50_000_000, 'a')), expect: /too large/ },
  {
    name: 'a binary file',
    file: 'blob.yaml',
    plant: (f) => writeFile(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1])),
    expect: /binary|UTF-8/,
  },
  {
    name: 'a symlink to a file outside the folder',
    file: 'outside.yaml',
    plant: async (f) => {
      // Valid knowledge on its own: only where it lives is wrong.
      const target = path.join(outside, 'elsewhere.yaml');
      await writeFile(target, GOOD_ADDITION.replace('link-upgraded', 'smuggled-entry'));
      await symlink(target, f);
    },
    expect: /outside the knowledge folder/,
  },
  {
    name: 'duplicate keys',
    file: 'dupes.yaml',
    plant: (f) =>
      writeFile(f, fact('    text: First text of the entry.\n    text: Second text of the entry.\n    topics: [test-talks]\n    sources: [example-archive]')),
    expect: /unique|duplicate/i,
  },
  {
    name: 'wrong types',
    file: 'types.yaml',
    plant: (f) => writeFile(f, fact('    text: 12\n    date: [2005]\n    topics: test-talks\n    sources: {a: b}')),
    expect: /types\.yaml:\d+/,
  },
  {
    name: 'a file that is not UTF-8',
    file: 'latin1.yaml',
    plant: (f) =>
      writeFile(f, Buffer.from(fact('    text: The caf\u00e9 meeting of the test talks.\n    topics: [test-talks]\n    sources: [example-archive]'), 'latin1')),
    expect: /UTF-8/,
  },
];

describe('knowledge-file attacks through /kb reload', () => {
  for (const attack of attacks) {
    it(`${attack.name}: refused with a clear error naming the file; nothing half-loaded`, async () => {
      const good = h.app.store.current.base.version;
      const full = path.join(h.dir, attack.file);
      await attack.plant(full);
      await h.write('addition.yaml', GOOD_ADDITION); // valid on its own: must not sneak in
      try {
        const reply = await h.standIn.slash('kb reload', {}, MODERATOR).response(15_000);
        expect(reply.embeds[0].title).toBe('Reload refused');
        const text = JSON.stringify(reply.embeds);
        expect(text).toContain(attack.file);
        expect(text).toMatch(attack.expect);
        expect(reply.flags & 64).toBe(64);
        expect(h.app.store.current.base.version).toBe(good);
        expect(h.app.store.current.base.byId.has('link-upgraded')).toBe(false);
        expect(h.app.store.current.base.byId.has('smuggled-entry')).toBe(false);
        const answer = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response();
        expect(answer.embeds[0].description).toContain('spring of 2001');
      } finally {
        await unlink(full);
        await unlink(path.join(h.dir, 'addition.yaml'));
      }
      const after = await h.standIn.slash('kb reload', {}, MODERATOR).response();
      expect(after.embeds[0].title).not.toBe('Reload refused');
      expect(h.app.store.current.base.version).toBe(good);
    });
  }

  it('the bad file gone, the good addition alone is loaded by the next reload', async () => {
    await h.write('addition.yaml', GOOD_ADDITION);
    const reply = await h.standIn.slash('kb reload', {}, MODERATOR).response();
    expect(reply.embeds[0].title).not.toBe('Reload refused');
    expect(h.app.store.current.base.byId.has('link-upgraded')).toBe(true);
    const answer = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, ASKER).response();
    expect(answer.embeds[0].description).toContain('video line in 2005');
  });
});
