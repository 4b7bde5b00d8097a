import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { MODERATOR } from '../support/bot-harness';
import { ROOT } from '../support/bot-process';
import { fixtureFiles } from '../support/fixture-knowledge';
import { ASKER, sleep, startBot, watchCrashes, type ReliabilityHarness } from './harness';

// Knowledge files heavy enough to hurt (attack report F2, F4, K03): a file of 150,000 one-line
// errors, files adding up to ~160,000 diagnostics, one record with 40,000 fields, a megabyte of
// nested brackets. Each is refused with a short report naming the file; the report is bounded
// ("and K more"); the check runs off the bot's event loop, so members' questions sent while it
// runs are still answered inside Discord's 3 seconds. Before: RangeError from `push(...)` (kb:check
// crashed, the watcher's reload became an unhandled rejection nobody was told about, start-up
// failed with "Maximum call stack size exceeded"), and the 40,000-field record held the event loop
// for ten seconds while /ask interactions expired.

let h: ReliabilityHarness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fixtureFolder(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hotline-heavy-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries({ ...fixtureFiles(), ...extra })) await writeFile(path.join(dir, file), text);
  return dir;
}

const ONE_LINE_ERRORS = `facts:\n${'  - 1\n'.repeat(150_000)}`;
// 2,000 empty records a file (the most one file may hold), each missing its four required fields.
const EMPTY_RECORDS = `facts:\n${'  - {}\n'.repeat(2_000)}`;
const manyEmptyFiles = () => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`empty-${String(i).padStart(2, '0')}.yaml`, EMPTY_RECORDS]));
const FORTY_THOUSAND_FIELDS = `facts:
  - id: wide-record
    text: A record with far too many fields.
    topics: [test-talks]
    sources: [example-archive]
${Array.from({ length: 40_000 }, (_, i) => `    k${i}: 1`).join('\n')}
`;
const NESTED = `facts: ${'['.repeat(500_000)}${']'.repeat(499_990)}\n`;

describe('many errors (F2)', () => {
  it('150,000 one-line errors: kb:check refuses the file in one line, without a stack trace', async () => {
    const dir = await fixtureFolder({ 'errors.yaml': ONE_LINE_ERRORS });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain(
      'errors.yaml:1:1: error: field facts: facts holds 150,000 records; one file may hold at most 2,000: split it into several files',
    );
    expect(r.stdout + r.stderr).not.toMatch(/RangeError|\n\s+at /);
  });

  it('~160,000 diagnostics over 20 files: the report lists 100 and counts the rest', async () => {
    const dir = await fixtureFolder(manyEmptyFiles());
    const result = await loadKnowledge(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(101);
    const last = result.errors.at(-1)!;
    expect(last.message).toMatch(/^and [\d,]+ more errors from here on, not listed: fix the ones above, then check again$/);
    expect(100 + last.more!).toBeGreaterThan(124_128); // past where push(...) overflowed the stack
    expect(result.errors.slice(0, 100).every((d) => d.file === 'empty-00.yaml')).toBe(true);
  });

  it('the running bot: the watcher refuses the edit, logs it and tells the moderators; /kb reload says why; answers go on', async () => {
    h = await startBot({ pollMs: 100, env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    const crashes = watchCrashes();
    try {
      const invalid = new Promise<any>((resolve) => h!.app.store.on('invalid', resolve));
      for (const [file, text] of Object.entries(manyEmptyFiles())) await h.write(file, text);
      const outcome = await invalid;
      expect(outcome.errors.at(-1).message).toMatch(/^and [\d,]+ more errors/);
      await h.standIn.waitFor(
        () => h!.standIn.channelMessages.some((m) => JSON.stringify(m).includes('Knowledge edit refused')),
        10_000,
        'the moderators to be told',
      );
      expect(JSON.stringify(h.standIn.channelMessages)).toMatch(/Knowledge edit refused — 160000 errors/);
      expect(h.logs.records().some((r) => r.msg?.includes('knowledge edit is invalid'))).toBe(true);

      const reply = await h.standIn.slash('kb reload', {}, MODERATOR).response(20_000);
      expect(reply.embeds[0].title).toBe('Reload refused');
      expect(JSON.stringify(reply.embeds)).toContain('empty-00.yaml');
      const answer = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response();
      expect(answer.embeds[0].description).toContain('spring of 2001');
      expect(crashes.problems).toEqual([]);
    } finally {
      crashes.stop();
    }
  });
});

describe('heavy files are checked off the event loop (F4, K03)', () => {
  it('one record with 40,000 fields: refused in one line naming the record; 30 /ask sent during the reload are all answered in time', async () => {
    h = await startBot({ pollMs: 3_600_000 });
    await h.write('wide.yaml', FORTY_THOUSAND_FIELDS);
    const reload = h.standIn.slash('kb reload', {}, MODERATOR);
    const asks = [];
    for (let i = 0; i < 30; i++) {
      asks.push(
        h.standIn.slash(
          'ask',
          { question: 'When was the Exampleland link agreed?' },
          { user: { id: `41000000000000${String(i).padStart(4, '0')}` }, permissions: 0n },
        ),
      );
      await sleep(100);
    }
    const reply = await reload.response(30_000);
    expect(reply.embeds[0].title).toBe('Reload refused');
    expect(JSON.stringify(reply.embeds)).toContain('wide.yaml:2');
    expect(JSON.stringify(reply.embeds)).toContain('record has 40,004 fields');
    for (const ask of asks) {
      const answer = await ask.response(10_000);
      expect(answer.embeds[0].description).toContain('spring of 2001');
      expect(ask.rejections).toEqual([]); // no 10062: every reply was inside the 3 s window
    }
    await unlink(path.join(h.dir, 'wide.yaml'));
  });

  it('a megabyte of nested brackets: refused as nested too deeply, naming the file', async () => {
    const dir = await fixtureFolder({ 'nested.yaml': NESTED });
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.errors.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'nested.yaml:1: file is nested too deeply (more than 100 lists or blocks of fields inside each other): knowledge files are lists of records — check the brackets and the indentation',
    ]);
  });
});
