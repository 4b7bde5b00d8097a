import { rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FACTS, NEW_FACT, NEW_FACT_QUESTION, SOURCES, fixtureFiles } from '../support/fixture-knowledge';
import { ASKER, startBot, type ReliabilityHarness } from './harness';

// The knowledge folder going wrong under the running bot, as its watcher sees it: a file deleted,
// a file written in two steps, files renamed, the whole folder removed. Each time the last good
// base keeps answering, and the next good state of the folder is picked up without a restart.

let h: ReliabilityHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const next = (h: ReliabilityHarness, event: 'invalid' | 'reload') =>
  new Promise<any>((resolve) => {
    const off = h.app.store.on(event, (payload: unknown) => {
      off();
      resolve(payload);
    });
  });

async function stillAnswers(h: ReliabilityHarness) {
  const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response();
  expect(reply.embeds[0].description).toContain('spring of 2001');
  expect(reply.embeds[0].fields.find((f: any) => f.name === 'Sources').value).toContain('Example Gazette');
  return reply;
}

async function picksUpNewFact(h: ReliabilityHarness, before: string) {
  // Several writes may be seen as several states; wait for the last one.
  await h.standIn.waitFor(() => h.app.store.current.base.byId.has('link-upgraded'), 5000, 'the new fact to be served');
  expect(h.app.store.current.base.version).not.toBe(before);
  const reply = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, ASKER).response();
  expect(reply.embeds[0].description).toContain('upgraded to a video line in 2005');
  expect(reply.embeds[0].footer.text).toContain('knowledge as of 2005'); // the date of the newest entry, the new fact's
}

describe('knowledge faults while running', () => {
  it('a file deleted: the last good base keeps serving; restoring it (with an addition) is picked up', async () => {
    h = await startBot();
    const good = h.app.store.current.base.version;
    const invalid = next(h, 'invalid');
    await unlink(path.join(h.dir, 'sources.yaml'));
    const outcome = await invalid;
    expect(outcome.keptVersion).toBe(good);
    expect(h.logs.records().some((r) => r.msg?.includes('knowledge edit is invalid'))).toBe(true);
    await stillAnswers(h);
    expect(h.app.store.current.base.version).toBe(good);

    await h.write('facts.yaml', FACTS + NEW_FACT);
    await h.write('sources.yaml', SOURCES);
    await picksUpNewFact(h, good);
  });

  it('a file written in two steps: the half-written state is refused, the completed one picked up', async () => {
    h = await startBot();
    const good = h.app.store.current.base.version;
    const full = FACTS + NEW_FACT;
    const half = full.slice(0, full.indexOf('sources: [example-gazette]', FACTS.length) + 'sources: [example-ga'.length);
    const invalid = next(h, 'invalid');
    await h.write('facts.yaml', half);
    await invalid;
    await stillAnswers(h);
    const unknown = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, ASKER).response();
    expect(unknown.embeds[0].description).not.toContain('video line');

    const reloaded = next(h, 'reload');
    await h.write('facts.yaml', full);
    await reloaded;
    await picksUpNewFact(h, good);
  });

  it('files renamed (moved into a subfolder; an editor saving through a temporary file): answers continue throughout', async () => {
    h = await startBot();
    await rename(path.join(h.dir, 'facts.yaml'), path.join(h.dir, 'moved-facts.yaml'));
    await h.write('archive/.keep', '');
    await rename(path.join(h.dir, 'quotes.yaml'), path.join(h.dir, 'archive', 'quotes.yaml'));
    expect((await h.app.store.reload()).ok).toBe(true);
    await stillAnswers(h);
    const quote = await h.standIn.slash('quote', { speaker: 'Alex Example' }, ASKER).response();
    expect(JSON.stringify(quote.embeds)).toContain('never used is still worth keeping open');

    // An editor's save: write a dot-file, then rename it over the original (the watcher never sees half a file).
    const reloaded = next(h, 'reload');
    await h.write('.moved-facts.yaml.tmp', FACTS + NEW_FACT);
    await rename(path.join(h.dir, '.moved-facts.yaml.tmp'), path.join(h.dir, 'moved-facts.yaml'));
    await reloaded;
    const reply = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, ASKER).response();
    expect(reply.embeds[0].description).toContain('video line in 2005');
  });

  it('the whole folder removed: the last good base keeps serving; the folder restored (with an addition) is picked up', async () => {
    h = await startBot();
    const good = h.app.store.current.base.version;
    const invalid = next(h, 'invalid');
    await rm(h.dir, { recursive: true, force: true });
    const outcome = await invalid;
    expect(outcome.keptVersion).toBe(good);
    await stillAnswers(h);
    const moderatorReload = await h.standIn.slash('kb reload', {}, { user: { id: '200000000000000002' }, permissions: 32n }).response();
    expect(moderatorReload.embeds[0].title).toBe('Reload refused');

    for (const [file, text] of Object.entries({ ...fixtureFiles(), 'facts.yaml': FACTS + NEW_FACT })) await h.write(file, text);
    await picksUpNewFact(h, good);
  });
});
