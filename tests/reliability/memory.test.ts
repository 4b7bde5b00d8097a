import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type ReliabilityHarness } from './harness';

// Memory that grows with use must be bounded. discord.js caches every user who sends an
// interaction and never sweeps that cache; the bot bounds it (the load bench measures the rest).

let h: ReliabilityHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('bounded caches', () => {
  it('300 distinct users asking: all answered, the user cache stays bounded, the bot keeps itself', async () => {
    h = await startBot();
    const client = h.app.bot.options.client;
    const all = Array.from({ length: 300 }, (_, i) =>
      h!.standIn.autocomplete('ask', { question: 'ex' }, 'question', { user: { id: `6${String(i).padStart(17, '0')}` } }),
    );
    await Promise.all(all.map((i) => i.callback(10_000)));
    const answered = await h.standIn
      .slash('ask', { question: 'When was the Exampleland link agreed?', mention: '400000000000000004' }, { user: { id: '610000000000000000' } })
      .response();
    expect(answered.embeds[0].description).toContain('spring of 2001');
    expect(client.users.cache.size).toBeLessThanOrEqual(101);
    expect(client.user?.id).toBe(h.standIn.applicationId);
    expect(client.users.cache.has(h.standIn.applicationId)).toBe(true);
  });
});
