import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../src/bot/command';
import { notice } from '../../src/bot/render';
import { MODERATOR, MEMBER, startHarness, type Harness } from '../support/bot-harness';
import { snowflake, type ApiMessage } from '../support/discord-stand-in';
import { FACTS, QUOTES, TOPICS } from '../support/fixture-knowledge';

// Replies as a member sees them (issue 12), through the Discord stand-in with the real discord.js
// client: the answer first, declines in private, chat text cleaned, dates checked, nothing internal
// shown, paging that stays on the page's entry, and the conventions (mention line, 🗑, cooldown,
// /topics paging).

const SOURCES = `sources:
  - id: gazette
    kind: press
    title: Example Gazette report on the link
    publisher: Example Gazette
    published: 2001-05-02
    url: https://example.org/gazette/link
  - id: ministry
    kind: official
    title: Exampleland Ministry of Defence statement on the link
    publisher: Exampleland Ministry of Defence
    published: 2001-04-30
    url: https://example.org/ministry/link
  - id: example-gazette
    kind: reprint
    reprint_of: Example Wire
    title: Example Gazette reprint
    publisher: Example Gazette
    published: 2001-05-02
    url: https://example.org/gazette/reprint
  - id: example-archive
    kind: analysis
    title: Example Archive memo
    publisher: Example Archive
    published: 2003
    url: https://example.org/archive/memo
    archive_url: https://example.org/archive/memo-copy
`;

// The press source is listed first by the moderator; the reply lists the official one first.
const MORE_FACTS = `  - id: link-hardened
    text: The Exampleland link was hardened against storms in 2004, with a second cable laid beside the first.
    date: 2004
    topics: [exampleland-link]
    sources: [gazette, ministry]
    questions:
      - When was the Exampleland link hardened?
      - link hardening storms cable
${Array.from(
  { length: 12 },
  (_, i) => `  - id: drill-${i + 1}
    text: Drill number ${i + 1} of the Exampleland link crews was held in ${2006 + i}.
    date: ${2006 + i}
    topics: [drills]
    sources: [example-archive]
    questions:
      - What happened in link crew drill ${i + 1}?`,
).join('\n')}
`;

const FEATURED = `featured:
  - question: How often were the test talks held?
  - question: When was the Exampleland link agreed?
`;

const files = () => ({
  'topics.yaml': `${TOPICS}  - id: drills\n    name: Link crew drills\n`,
  'featured.yaml': FEATURED,
  'sources.yaml': SOURCES,
  'facts.yaml': `${FACTS}${MORE_FACTS}`,
  'quotes.yaml': QUOTES,
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ files: files() });
});
afterAll(async () => {
  await h?.close();
});

const customIds = (m: ApiMessage): string[] => m.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id));
const buttons = (m: ApiMessage): any[] => m.components.flatMap((r: any) => r.components.filter((c: any) => c.type === 2));
const embedText = (m: ApiMessage) => {
  const e = m.embeds[0] ?? {};
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n');
};
const length = (m: ApiMessage) => (m.content?.length ?? 0) + embedText(m).replace(/\n/g, '').length;
const isPrivate = (m: { flags?: number }) => ((m.flags ?? 0) & 64) === 64;

describe('1. the answer first', () => {
  it('leads with the answer and a compact source list, official sources first with their kind', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link hardened?' }, MEMBER).response();
    const embed = reply.embeds[0];
    expect(embed.description).toBe(
      '**2004** — The Exampleland link was hardened against storms in 2004, with a second cable laid beside the first. **[1][2]**',
    );
    expect(embed.fields.map((f: any) => f.name)).toEqual(['Sources']);
    const [first, second] = embed.fields[0].value.split('\n');
    expect(first).toBe(
      '**[1]** [Exampleland Ministry of Defence statement on…](https://example.org/ministry/link) — Exampleland Ministry of Defence, 30 April 2001 · official',
    );
    expect(second).toContain('— Example Gazette, 2 May 2001 · press');
    expect(length(reply)).toBeLessThan(1000);
    expect(isPrivate(reply)).toBe(false);
  });

  it('shows "see also" as a menu and never repeats in a button what the embed says', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const text = embedText(reply);
    expect(text).not.toContain('See also');
    for (const b of buttons(reply)) expect(text).not.toContain(b.label);
    const menu = reply.components.flatMap((r: any) => r.components).find((c: any) => c.type === 3);
    expect(menu.custom_id).toMatch(/^ask:see:/);
    expect(menu.options.length).toBeLessThanOrEqual(5);
    // Options are named for people (the entry's question), never by id.
    expect(menu.options.map((o: any) => o.label)).toContain('When was the Exampleland link hardened?');
    const picked = await h.standIn.select(reply, menu.custom_id, ['link-hardened'], MEMBER).callback();
    expect(isPrivate(picked.data)).toBe(true); // browsing see-also does not post in the channel
    expect(picked.data.embeds[0].description).toContain('hardened against storms');
  });
});

describe('2. declines are private', () => {
  it('"I don\'t know" and did-you-mean are seen only by the asker; answers stay public unless hidden', async () => {
    const unknown = await h.standIn.slash('ask', { question: 'best pizza in town' }, MEMBER).callback();
    expect(unknown.data.embeds[0].title).toBe("I don't know that yet");
    expect(isPrivate(unknown.data)).toBe(true);
    const unsure = await h.standIn.slash('ask', { question: 'monthly checks' }, MEMBER).callback();
    expect(unsure.data.embeds[0].title).toBe('Did you mean…');
    expect(isPrivate(unsure.data)).toBe(true);
    const answer = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).callback();
    expect(isPrivate(answer.data)).toBe(false);
    const hidden = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?', hide: true }, MEMBER).callback();
    expect(isPrivate(hidden.data)).toBe(true);
    expect(customIds(hidden.data as ApiMessage).some((id) => id.startsWith('ask:del:'))).toBe(false);
  });
});

describe('3. chat text is cleaned before it is asked', () => {
  it('answers an ordinary chat message through Ask Hotline, and shows its words cleanly', async () => {
    const content = '<@123456789012345678> hey **when** was the _Exampleland link_ agreed? :thinking: <:pepe:123456789012345678> https://example.com/x';
    const reply = await h.standIn.messageCommand('Ask Hotline', { content }, MEMBER).response();
    expect(reply.embeds[0].title).toBe('“hey when was the Exampleland link agreed?”');
    expect(reply.embeds[0].description).toContain('spring of 2001');
    await h.standIn.waitFor(() => h.insight.questions.some((q) => q.via === 'context-menu'));
    // What is recorded is the cleaned question: no one's user id lands in the database.
    expect(h.insight.questions.filter((q) => q.via === 'context-menu').at(-1)!.question).toBe('hey when was the Exampleland link agreed?');
  });

  it('reads /ask the same way', async () => {
    const reply = await h.standIn.slash('ask', { question: '> > <@&123456789012345678> ||When was the Exampleland link agreed?||' }, MEMBER).response();
    expect(reply.embeds[0].title).toBe('“When was the Exampleland link agreed?”');
    expect(reply.embeds[0].description).toContain('spring of 2001');
  });

  it('says so privately when a message holds nothing but mentions and emoji', async () => {
    const callback = await h.standIn.messageCommand('Ask Hotline', { content: '<@123456789012345678> :wave: 👋' }, MEMBER).callback();
    expect(isPrivate(callback.data)).toBe(true);
    expect(callback.data.content).toContain('could not find a question');
  });
});

describe('4. one date rule for knowledge and commands', () => {
  it('refuses impossible dates and reversed ranges privately, saying what is wrong', async () => {
    const month = await h.standIn.slash('timeline', { from: '2025-13' }, MEMBER).callback();
    expect(isPrivate(month.data)).toBe(true);
    expect(month.data.content).toContain('there is no month 13');
    const day = await h.standIn.slash('timeline', { from: '2025-02-30' }, MEMBER).callback();
    expect(day.data.content).toContain('February 2025 has 28 days');
    const reversed = await h.standIn.slash('timeline', { from: '2010', to: '2001' }, MEMBER).callback();
    expect(isPrivate(reversed.data)).toBe(true);
    expect(reversed.data.content).toContain('is after');
    const fine = await h.standIn.slash('timeline', { from: '2001-04', to: '2001' }, MEMBER).response();
    expect(fine.embeds[0].title).toContain('April 2001 – 2001');
  });
});

describe('5. nothing internal in member replies', () => {
  it('footers give the date of the newest entry, never the version hash', async () => {
    const version = h.app.store.current.base.version;
    for (const reply of [
      await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response(),
      await h.standIn.slash('about', {}, MEMBER).response(),
      await h.standIn.slash('topics', {}, MEMBER).response(),
      await h.standIn.slash('source', { id: 'ministry' }, MEMBER).response(),
    ]) {
      expect(embedText(reply)).toContain('knowledge as of 2017');
      expect(embedText(reply)).not.toContain(version);
      expect(embedText(reply)).not.toContain('source ministry');
    }
  });

  it('the empty box shows the featured questions; typing shows questions, never keyword strings', async () => {
    const empty = (await h.standIn.autocomplete('ask', { question: '' }, 'question').callback()).data.choices;
    expect(empty.map((c: any) => c.name)).toEqual(['How often were the test talks held?', 'When was the Exampleland link agreed?']);
    const typed = (await h.standIn.autocomplete('ask', { question: 'when was the e' }, 'question').callback()).data.choices;
    expect(typed[0].name).toBe('When was the Exampleland link agreed?');
    const hard = (await h.standIn.autocomplete('ask', { question: 'link hardening' }, 'question').callback()).data.choices;
    expect(hard.map((c: any) => c.name)).toContain('When was the Exampleland link hardened?');
    expect(hard.map((c: any) => c.name)).not.toContain('link hardening storms cable');
    for (const c of [...empty, ...typed, ...hard]) expect(c.name).not.toMatch(/^entry:|drill-\d/);
  });
});

describe('6. paging stays on the page', () => {
  it('each page shows one result; 👍/👎 and Source details act on that page', async () => {
    const reply = await h.standIn.slash('ask', { question: 'link crew drill' }, MEMBER).response();
    const more = buttons(reply).find((b) => b.label === 'More results');
    expect(more).toBeDefined();
    const first = customIds(reply).find((id) => id.startsWith('fb:up:'))!;
    const page2 = (await h.standIn.click(reply, more.custom_id, MEMBER).callback()).data as ApiMessage;
    const up = customIds(page2).find((id) => id.startsWith('fb:up:'))!;
    expect(up).not.toBe(first);
    const shown = /Drill number (\d+)/.exec(page2.embeds[0].description)![1];
    expect(up.endsWith(`:drill-${shown}`)).toBe(true);
    await h.standIn.click({ ...reply, ...page2 } as ApiMessage, up, MEMBER).callback();
    expect(h.insight.feedbacks.at(-1)).toMatchObject({ entryId: `drill-${shown}`, helpful: true });
    const src = customIds(page2).find((id) => id.startsWith('ask:src:'))!;
    const details = (await h.standIn.click({ ...reply, ...page2 } as ApiMessage, src, MEMBER).callback()).data;
    expect(isPrivate(details)).toBe(true);
    expect(JSON.stringify(details.embeds[0].fields)).toContain('[archived copy](https://example.org/archive/memo-copy)');
  });
});

describe('7. conventions', () => {
  it('a mention says who the answer is for and may ping only them; with hide it is explained, not made', async () => {
    const target = '400000000000000004';
    const mentioned = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?', mention: target }, MEMBER).callback();
    expect(mentioned.data.content).toBe(`*Suggested for <@${target}>:*`);
    expect(mentioned.data.allowed_mentions).toEqual({ parse: [], users: [target] });
    const hidden = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?', mention: target, hide: true }, MEMBER).callback();
    expect(isPrivate(hidden.data)).toBe(true);
    expect(hidden.data.content).toContain('was not notified');
    expect(hidden.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('🗑 lets the asker delete a public answer; others are refused privately; a moderator may', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const del = customIds(reply).find((id) => id.startsWith('ask:del:'))!;
    const other = await h.standIn.click(reply, del, { user: { id: '500000000000000005' } }).callback();
    expect(isPrivate(other.data)).toBe(true);
    expect(other.data.content).toContain('Only the member who asked');
    expect(h.standIn.deletedMessageIds.has(reply.id)).toBe(false);
    const mine = h.standIn.click(reply, del, MEMBER);
    expect((await mine.callback()).type).toBe(6);
    await h.standIn.waitFor(() => h.standIn.deletedMessageIds.has(reply.id));

    const another = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const byMod = h.standIn.click(
      another,
      customIds(another).find((id) => id.startsWith('ask:del:'))!,
      MODERATOR,
    );
    await byMod.callback();
    await h.standIn.waitFor(() => h.standIn.deletedMessageIds.has(another.id));
  });

  it('an expired or forged 🗑 gets a clear private message', async () => {
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    const del = customIds(reply).find((id) => id.startsWith('ask:del:'))!;
    const old = { ...reply, id: snowflake(Date.now() - 10 * 60_000) } as ApiMessage;
    const expired = await h.standIn.click(old, del, MEMBER).callback();
    expect(isPrivate(expired.data)).toBe(true);
    expect(expired.data.content).toContain('more than 5 minutes old');
    const forged = { ...reply, id: snowflake(), interaction_metadata: undefined } as ApiMessage;
    const callback = await h.standIn.dispatchInteraction(3, { custom_id: 'ask:del:madeup', component_type: 2 }, MEMBER, forged).callback();
    expect(isPrivate(callback.data)).toBe(true);
    expect(callback.data.content).toContain("doesn't belong to an answer");
    expect(h.standIn.deletedMessageIds.has(reply.id)).toBe(false);
  });

  it("/topics pages a topic's entries and opens one picked from the page", async () => {
    const topics = await h.standIn.slash('topics', {}, MEMBER).response();
    const list = (await h.standIn.select(topics, 'topics:pick', ['drills'], MEMBER).callback()).data as ApiMessage;
    expect(isPrivate(list)).toBe(true);
    expect(list.embeds[0].description).toContain('What happened in link crew drill 1?');
    expect(list.embeds[0].description).not.toContain('drill-1');
    expect(list.embeds[0].footer.text).toContain('page 1 of 2');
    const next = buttons(list).find((b) => b.label === 'Next')!;
    const page2 = (await h.standIn.click(list, next.custom_id, MEMBER).callback()).data as ApiMessage;
    expect(page2.embeds[0].description).toContain('What happened in link crew drill 11?');
    const menu = page2.components.flatMap((r: any) => r.components).find((c: any) => c.type === 3);
    const opened = await h.standIn.select({ ...list, ...page2 } as ApiMessage, menu.custom_id, ['drill-12'], MEMBER).callback();
    expect(isPrivate(opened.data)).toBe(true);
    expect(opened.data.embeds[0].description).toContain('Drill number 12');
  });
});

describe('7. one cooldown allowance for /ask and Ask Hotline', () => {
  let c: Harness;
  beforeAll(async () => {
    c = await startHarness({ env: { ASK_COOLDOWN_USES: '2', ASK_COOLDOWN_SECONDS: '30' } });
  });
  afterAll(async () => {
    await c?.close();
  });

  it('counts both, and says when to ask again with a live relative time', async () => {
    await c.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback();
    await c.standIn.messageCommand('Ask Hotline', { content: 'telephone link' }, MEMBER).callback();
    const third = await c.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback();
    expect(isPrivate(third.data)).toBe(true);
    const at = Number(/<t:(\d+):R>/.exec(third.data.content)?.[1]);
    expect(at * 1000).toBeGreaterThan(Date.now() + 20_000);
    expect(at * 1000).toBeLessThan(Date.now() + 32_000);
    const menu = await c.standIn.messageCommand('Ask Hotline', { content: 'telephone link' }, MEMBER).callback();
    expect(menu.data.content).toMatch(/<t:\d+:R>/);
  });
});

describe('2. a decline stays private even after a public "thinking…"', () => {
  const slowDecline: ChatCommand = {
    kind: 'chat',
    data: new SlashCommandBuilder().setName('slowdecline').setDescription('declines after the deferral'),
    async execute(_i, ctx) {
      await new Promise((r) => setTimeout(r, 200));
      await ctx.respond.tell(notice('I do not know that.'));
    },
  };
  let d: Harness;
  beforeAll(async () => {
    d = await startHarness({ extraCommands: [slowDecline], autoDeferMs: 20 });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('removes the public deferral and sends the decline privately', async () => {
    const interaction = d.standIn.slash('slowdecline', {}, MEMBER);
    const first = await interaction.callback();
    expect(first.type).toBe(5);
    expect(isPrivate(first.data ?? {})).toBe(false);
    await d.standIn.waitFor(() => interaction.followups.length > 0);
    expect(interaction.deleted).toBe(true);
    expect(isPrivate(interaction.followups[0]!)).toBe(true);
    expect(interaction.followups[0]!.content).toBe('I do not know that.');
  });
});
