import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/bot/client';
import type { Fault } from '../support/discord-stand-in';
import { ASKER, startBot, watchCrashes, type ReliabilityHarness } from './harness';

// REST faults on the interaction callback, the one request that must land inside Discord's 3 s
// window: a 429 with a short Retry-After is waited out and delivered; one beyond the window, an
// expired interaction (10062), persistent 500s and hung requests are logged and dropped — no
// crash — and the next question is answered. The client keeps the bot's own REST settings.

let h: ReliabilityHarness | undefined;
let crashes: ReturnType<typeof watchCrashes> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  crashes?.stop();
  expect(crashes?.problems ?? []).toEqual([]);
  crashes = undefined;
});

const onCallback = (fault: Omit<Fault, 'match'>): Fault => ({
  match: (method, path) => method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path),
  ...fault,
});
const callbackAttempts = (h: ReliabilityHarness, id: string) => h.standIn.requests.filter((r) => r.path.startsWith(`/api/v10/interactions/${id}/`)).length;
const QUESTION = 'When was the Exampleland link agreed?';

async function nextQuestionAnswered(h: ReliabilityHarness) {
  const reply = await h.standIn.slash('ask', { question: 'How often were the test talks held?' }, ASKER).response(10_000);
  expect(reply.embeds[0].description).toContain('every year from 2003');
}

async function start(options: Parameters<typeof startBot>[0] = {}) {
  crashes = watchCrashes();
  h = await startBot(options);
  return h;
}

describe('REST faults on the interaction callback', () => {
  it('sets a REST timeout shorter than discord.js’s 15 s default and longer than the 3 s window', () => {
    const client = createClient('http://127.0.0.1:9/api');
    const timeout = client.options.rest?.timeout ?? 15_000;
    expect(timeout).toBeGreaterThan(3000);
    expect(timeout).toBeLessThan(15_000);
    void client.destroy();
  });

  it('429 with Retry-After: 1 → waited out, retried and delivered', async () => {
    const h = await start();
    h.standIn.faults.push(
      onCallback({ status: 429, headers: { 'Retry-After': '1' }, body: { message: 'You are being rate limited.', retry_after: 1, global: false } }),
    );
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    const reply = await interaction.response(10_000);
    expect(reply.embeds[0].description).toContain('spring of 2001');
    expect(callbackAttempts(h, interaction.id)).toBe(2);
    expect(interaction.rejections).toEqual([]);
  });

  it('429 with a Retry-After beyond the 3 s window → the callback expires (10062), logged; the next question is answered', async () => {
    const h = await start();
    h.standIn.faults.push(
      onCallback({ status: 429, headers: { 'Retry-After': '4' }, body: { message: 'You are being rate limited.', retry_after: 4, global: false } }),
    );
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    await h.standIn.waitFor(() => interaction.rejections.length > 0, 10_000, 'the late retry');
    expect(interaction.rejections.map((r) => r.code)).toEqual([10062]);
    await h.standIn.waitFor(() => h.app.bot.router.inFlight === 0, 5000, 'the handler to finish');
    const lines = h.logs.records().filter((r) => r.interaction === interaction.id && r.level >= 40);
    expect(lines.map((l) => l.msg)).toEqual([expect.stringContaining('10062')]);
    await nextQuestionAnswered(h);
  });

  it('10062 on the callback → logged once and dropped; the next question is answered', async () => {
    const h = await start();
    h.standIn.faults.push(onCallback({ status: 404, body: { message: 'Unknown interaction', code: 10062 } }));
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    await h.standIn.waitFor(() => h.logs.records().some((r) => r.interaction === interaction.id && r.level >= 40), 5000, 'the log line');
    await h.standIn.waitFor(() => h.app.bot.router.inFlight === 0, 5000, 'the handler to finish');
    expect(h.logs.records().filter((r) => r.interaction === interaction.id && r.level >= 40)).toHaveLength(1);
    expect(callbackAttempts(h, interaction.id)).toBe(1); // no retry of a dead interaction
    await nextQuestionAnswered(h);
  });

  it('one 500 → retried and delivered', async () => {
    const h = await start();
    h.standIn.faults.push(onCallback({ status: 500, body: { message: '500: Internal Server Error', code: 0 } }));
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    expect((await interaction.response(10_000)).embeds[0].description).toContain('spring of 2001');
    expect(callbackAttempts(h, interaction.id)).toBe(2);
  });

  it('persistent 500s → gives up after its retries, logs the error, no crash; the next question is answered', async () => {
    const h = await start();
    h.standIn.faults.push(onCallback({ status: 500, times: 1000, body: { message: '500: Internal Server Error', code: 0 } }));
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    await h.standIn.waitFor(
      () => h.logs.records().some((r) => r.interaction === interaction.id && r.msg === 'interaction handler failed'),
      10_000,
      'the failure log',
    );
    await h.standIn.waitFor(() => h.app.bot.router.inFlight === 0, 10_000, 'the handler to finish');
    expect(callbackAttempts(h, interaction.id)).toBeGreaterThan(1);
    expect(interaction.callbacks).toEqual([]);
    h.standIn.faults.length = 0; // Discord is back
    await nextQuestionAnswered(h);
  });

  it('a hung callback request → aborted at the REST timeout and retried; delivered while the window is open', async () => {
    const h = await start({ clientOptions: { rest: { timeout: 1000 } } });
    h.standIn.faults.push(onCallback({ status: 0, hang: true }));
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    expect((await interaction.response(10_000)).embeds[0].description).toContain('spring of 2001');
    expect(callbackAttempts(h, interaction.id)).toBe(2);
  });

  it('a callback that hangs every time → logged after the retries, no crash; the next question is answered', async () => {
    const h = await start({ clientOptions: { rest: { timeout: 500 } } });
    h.standIn.faults.push(onCallback({ status: 0, hang: true, times: 1000 }));
    const interaction = h.standIn.slash('ask', { question: QUESTION }, ASKER);
    await h.standIn.waitFor(() => h.logs.records().some((r) => r.interaction === interaction.id && r.level >= 40), 15_000, 'the failure log');
    await h.standIn.waitFor(() => h.app.bot.router.inFlight === 0, 15_000, 'the handler to finish');
    expect(interaction.callbacks).toEqual([]);
    h.standIn.faults.length = 0;
    await nextQuestionAnswered(h);
  });

  it('the moderators channel failing (500s) is logged and never breaks an answer', async () => {
    const h = await start({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    h.standIn.faults.push({ match: (m, p) => m === 'POST' && p.includes('/channels/'), status: 500, times: 1000 });
    await h.app.bot.postToModerators('test', 'body');
    expect(h.logs.records().some((r) => r.msg === 'could not post to the moderators channel')).toBe(true);
    await nextQuestionAnswered(h);
  });
});
