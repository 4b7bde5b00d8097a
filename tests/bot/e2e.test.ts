import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index';
import { MODERATOR, MEMBER, startHarness, type Harness } from '../support/bot-harness';
import type { ApiMessage } from '../support/discord-stand-in';

// The bot end to end: the real discord.js client, wired as `npm start` wires it, against the local
// Discord stand-in, serving a fixture knowledge folder with the real answer engine.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  const logs = h?.logs.lines.join('') ?? '';
  const token = h?.standIn.token ?? '';
  await h?.close();
  // A full run's logs never carry the token.
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).not.toContain(token);
});

const fieldText = (m: ApiMessage) => (m.embeds[0]?.fields ?? []).map((f: any) => `${f.name}\n${f.value}`).join('\n');
const customIds = (m: ApiMessage): string[] => m.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id));

describe('/ask through the stand-in', () => {
  it('answers with numbered citations linked to their sources, pinging nobody', async () => {
    const interaction = h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER);
    const callback = await interaction.callback();
    expect(callback.type).toBe(4);
    const embed = callback.data.embeds[0];
    expect(embed.description).toContain('agreed to open a direct defence telephone link');
    expect(embed.description).toContain('[1]');
    const sources = embed.fields.find((f: any) => f.name === 'Sources');
    expect(sources.value).toContain('**[1]** [Example Gazette report on the link](https://example.org/gazette/link) — Example Gazette, 2 May 2001');
    // The date of the newest entry, never the internal version hash.
    expect(embed.footer.text).toContain('knowledge as of 1 June 2003');
    expect(embed.footer.text).not.toContain(h.app.store.current.base.version);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback.data.flags ?? 0).toBe(0);
    await h.standIn.waitFor(() => h.insight.questions.some((q) => q.question === 'When was the Exampleland link agreed?'));
    expect(h.insight.questions.at(-1)).toMatchObject({
      status: 'answered',
      topEntryId: 'link-agreed',
      via: 'slash',
      userId: MEMBER.user.id,
      guildId: h.standIn.guildId,
    });
  });

  it('offers autocomplete choices, and a picked choice resolves to its entry', async () => {
    const auto = h.standIn.autocomplete('ask', { question: 'ex' }, 'question');
    const callback = await auto.callback();
    expect(callback.type).toBe(8);
    const choices: Array<{ name: string; value: string }> = callback.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    const quote = choices.find((c) => c.value === 'entry:minister-quote');
    expect(quote).toBeDefined();

    const picked = await h.standIn.slash('ask', { question: quote!.value }, MEMBER).response();
    expect(picked.embeds[0].description).toContain('> A line that is never used is still worth keeping open.');
    expect(picked.embeds[0].description).toContain('**Alex Example**, Exampleland Defence Minister, 1 June 2003');
  });

  it("falls back to search when a client sends the choice's name instead of its value", async () => {
    const reply = await h.standIn.slash('ask', { question: 'Alex Example — “A line that is never used is still worth keeping open.”' }, MEMBER).response();
    expect(reply.embeds[0].description).toContain('A line that is never used');
  });

  it('hide makes the reply ephemeral', async () => {
    const callback = await h.standIn.slash('ask', { question: 'telephone link', hide: true }, MEMBER).callback();
    expect(callback.data.flags & 64).toBe(64);
  });

  it('mention addresses the answer to one user and allows pinging only that user', async () => {
    const target = '400000000000000004';
    const callback = await h.standIn.slash('ask', { question: 'telephone link', mention: target }, MEMBER).callback();
    expect(callback.data.content).toBe(`*Suggested for <@${target}>:*`);
    expect(callback.data.allowed_mentions).toEqual({ parse: [], users: [target] });
  });

  it('echoes the question cleanly: mentions and markdown taken out, what is left escaped, nobody pinged', async () => {
    const reply = await h.standIn.slash('ask', { question: '@everyone **pizza** <@123456789012345678> recipes_[x]' }, MEMBER).response();
    const text: string = reply.embeds[0].description;
    expect(text).toContain('“pizza recipes\\_\\[x\\]”');
    expect(text).not.toContain('everyone');
    expect(text).not.toMatch(/<@\d/);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('says plainly when it does not know, points to /topics, and keeps the question for moderators', async () => {
    const reply = await h.standIn.slash('ask', { question: 'pizza recipes' }, MEMBER).response();
    expect(reply.embeds[0].title).toBe("I don't know that yet");
    expect(reply.embeds[0].description).toContain('/topics');
    await h.standIn.waitFor(() => h.insight.questions.some((q) => q.question === 'pizza recipes'));
    expect(h.insight.questions.find((q) => q.question === 'pizza recipes')?.status).toBe('unknown');
  });

  it('offers "did you mean" buttons when unsure; a click answers in place', async () => {
    const reply = await h.standIn.slash('ask', { question: 'monthly checks' }, MEMBER).response();
    expect(reply.embeds[0].title).toBe('Did you mean…');
    expect(reply.flags & 64).toBe(64); // only the asker sees a did-you-mean
    const pick = customIds(reply).find((id) => id.startsWith('ask:pick:') && id.endsWith(':link-tested'));
    expect(pick).toBeDefined();
    const click = h.standIn.click(reply, pick!, MEMBER);
    const callback = await click.callback();
    // The private menu closes, and the answer is posted for everyone.
    expect(callback.type).toBe(7);
    expect(callback.data.content).toContain('posted in the channel');
    expect(callback.data.components).toEqual([]);
    await h.standIn.waitFor(() => click.followups.length > 0);
    expect(click.followups[0]!.flags & 64).toBe(0);
    expect(click.followups[0]!.embeds[0].description).toContain('first test call in 2002');
    expect(click.followups[0]!.embeds[0].title).toBe('“monthly checks”');
  });

  it('shows the sources privately from the Sources button', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link first tested?' }, MEMBER).response();
    const src = customIds(reply).find((id) => id.startsWith('ask:src:'))!;
    expect(src).toBeDefined(); // the archive copy is more than the compact line shows
    const callback = await h.standIn.click(reply, src, MEMBER).callback();
    expect(callback.type).toBe(4);
    expect(callback.data.flags & 64).toBe(64);
    expect(fieldText(callback.data)).toContain('[archived copy](https://example.org/archive/memo-copy)');
  });

  it('records 👍 and 👎 with the reason from the "What was wrong?" modal', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const up = customIds(reply).find((id) => id.startsWith('fb:up:'))!;
    const down = customIds(reply).find((id) => id.startsWith('fb:down:'))!;
    const thanks = await h.standIn.click(reply, up, MEMBER).callback();
    expect(thanks.data.flags & 64).toBe(64);
    expect(h.insight.feedbacks.at(-1)).toMatchObject({
      entryId: 'link-agreed',
      helpful: true,
      userId: MEMBER.user.id,
      question: 'When was the Exampleland link agreed?',
    });

    const click = h.standIn.click(reply, down, MEMBER);
    const modal = await click.callback();
    expect(modal.type).toBe(9);
    expect(modal.data.title).toBe('What was wrong?');
    const submit = h.standIn.submitModal(click, { reason: 'The year is wrong' }, MEMBER);
    expect((await submit.callback()).data.flags & 64).toBe(64);
    expect(h.insight.feedbacks.at(-1)).toMatchObject({ entryId: 'link-agreed', helpful: false, reason: 'The year is wrong' });
  });

  it('refuses a forged feedback id: nothing is recorded for an entry the answer did not show', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const down = customIds(reply).find((id) => id.startsWith('fb:down:'))!;
    const key = down.split(':')[2]!;
    const before = h.insight.feedbacks.length;
    for (const customId of [`fb:why:${key}:totally-fake-entry`, `fb:up:${key}:totally-fake-entry`, 'fb:why:no-such-answer:link-agreed']) {
      const forged = h.standIn.dispatchInteraction(
        customId.startsWith('fb:why') ? 5 : 3,
        customId.startsWith('fb:why') ? { custom_id: customId, components: [] } : { custom_id: customId, component_type: 2 },
        MEMBER,
        reply,
      );
      const callback = await forged.callback();
      expect(callback.data.flags & 64).toBe(64);
      expect(callback.data.content ?? JSON.stringify(callback.data.embeds)).toContain('can no longer be rated');
    }
    expect(h.insight.feedbacks.length).toBe(before);
  });

  it('answers the "Ask Hotline" message menu', async () => {
    const reply = await h.standIn.messageCommand('Ask Hotline', { content: 'When was the Exampleland link agreed?' }, MEMBER).response();
    expect(reply.embeds[0].description).toContain('spring of 2001');
    await h.standIn.waitFor(() => h.insight.questions.some((q) => q.via === 'context-menu'));
  });
});

describe('other commands', () => {
  it('/quote filters by speaker with autocomplete, showing speaker, role and date', async () => {
    const auto = await h.standIn.autocomplete('quote', { speaker: 'ale' }, 'speaker').callback();
    expect(auto.data.choices[0].value).toBe('Alex Example');
    const reply = await h.standIn.slash('quote', { speaker: 'Alex Example' }, MEMBER).response();
    expect(fieldText(reply)).toContain('**Alex Example**, Exampleland Defence Minister, 1 June 2003');
  });

  it('/timeline lists dated events in order', async () => {
    const reply = await h.standIn.slash('timeline', { topic: 'exampleland-link' }, MEMBER).response();
    const text = fieldText(reply);
    expect(text.indexOf('2001-04-30')).toBeLessThan(text.indexOf('2002'));
    expect(text).not.toContain('Test talks between');
  });

  it('/source shows the citation card with the entries citing it', async () => {
    const auto = await h.standIn.autocomplete('source', { id: 'gazette' }, 'id').callback();
    expect(auto.data.choices[0].value).toBe('example-gazette');
    const reply = await h.standIn.slash('source', { id: 'example-gazette' }, MEMBER).response();
    expect(reply.embeds[0].url).toBe('https://example.org/gazette/link');
    expect(fieldText(reply)).toContain('Cited by 2 entries');
  });

  it('/topics lists topics; picking one lists its entries', async () => {
    const reply = await h.standIn.slash('topics', {}, MEMBER).response();
    expect(reply.embeds[0].description).toContain('Exampleland–Sampleland link');
    const picked = await h.standIn.select(reply, 'topics:pick', ['test-talks'], MEMBER).callback();
    expect(picked.data.flags & 64).toBe(64);
    // Entries by the question a member would ask, never by id.
    expect(picked.data.embeds[0].description).toContain('How often were the test talks held?');
    expect(picked.data.embeds[0].description).not.toContain('talks-yearly');
  });

  it('/about gives the size of the knowledge base', async () => {
    const reply = await h.standIn.slash('about', {}, MEMBER).response();
    expect(fieldText(reply)).toContain('3 facts, 1 quotes, 2 sources, 2 topics');
  });
});

describe('moderator commands', () => {
  it('are registered for Manage Server only, and refused at run time to a non-moderator', async () => {
    const kb = commandDefinitions().find((c) => c.name === 'kb')!;
    expect(kb.default_member_permissions).toBe('32');
    const callback = await h.standIn.slash('kb stats', {}, MEMBER).callback();
    expect(callback.type).toBe(4);
    expect(callback.data.flags & 64).toBe(64);
    expect(callback.data.content).toContain('for moderators');
  });

  it('/kb reload defers, then edits the reply with the outcome', async () => {
    const interaction = h.standIn.slash('kb reload', {}, MODERATOR);
    const first = await interaction.callback();
    expect(first.type).toBe(5);
    expect(first.data.flags & 64).toBe(64);
    const edited = await interaction.response();
    expect(edited.embeds[0].title).toBe('Knowledge reloaded');
  });

  it('/kb stats answers a moderator', async () => {
    const reply = await h.standIn.slash('kb stats', {}, MODERATOR).response();
    expect(fieldText(reply)).toContain('3 facts, 1 quotes, 2 sources');
  });
});
