import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMessage, InteractionRecord } from '../support/discord-stand-in';
import { startBot, watchCrashes, type ReliabilityHarness } from './harness';

// Hostile and odd questions through the running bot (/ask, its autocomplete, and the Ask Hotline
// message command): each gets a sensible reply or a friendly refusal, the message passes Discord's
// limits (the stand-in answers 50035 otherwise), nobody can be pinged, echoed text is escaped, and
// nothing crashes. The cooldown is the shipped default (3 questions per 15 s per user).

let h: ReliabilityHarness;
let crashes: ReturnType<typeof watchCrashes>;
beforeAll(async () => {
  crashes = watchCrashes();
  h = await startBot({ env: { ASK_COOLDOWN_USES: '', ASK_COOLDOWN_SECONDS: '' } });
});
afterAll(async () => {
  await h?.close();
  crashes.stop();
  expect(crashes.problems).toEqual([]);
});

let nextUser = 1;
const freshUser = () => ({ user: { id: `8${String(nextUser++).padStart(17, '0')}`, username: `user${nextUser}` }, permissions: 0n });

/** Every piece of text Discord would render from a message. */
function renderedText(m: ApiMessage): string {
  const parts: string[] = [m.content ?? ''];
  for (const e of m.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  for (const row of m.components ?? [])
    for (const c of row.components ?? [])
      parts.push(c.label ?? '', c.placeholder ?? '', ...(c.options ?? []).map((o: any) => `${o.label} ${o.description ?? ''}`));
  return parts.join('\n');
}

/** Mentions as Discord parses them from text: any of these would ping (or resolve) if allowed. */
const MENTION = /@everyone|@here|<@!?\d+>|<@&\d+>|<#\d+>/;

async function expectSafeReply(interaction: InteractionRecord): Promise<ApiMessage> {
  const reply = await interaction.response(10_000);
  expect(interaction.rejections).toEqual([]);
  const first = interaction.callbacks[0]!;
  const sent = first.type === 4 ? first.data : (interaction.edits[0]?.body ?? first.data);
  expect(sent.allowed_mentions ?? reply.allowed_mentions).toEqual({ parse: [] });
  const text = renderedText(reply);
  expect(text).not.toMatch(MENTION);
  expect(text).not.toContain('Something went wrong');
  expect(text.length).toBeGreaterThan(0);
  return reply;
}

const QUESTIONS: Array<[string, string]> = [
  ['empty', ''],
  ['one character', '?'],
  ['6,000 characters', 'When was the Exampleland link agreed? '.repeat(158).slice(0, 6000)],
  ['one 6,000-character word', 'x'.repeat(6000)],
  ['only stopwords', 'the of and to a in is it that was for on are with as'],
  ['only punctuation', '?!.,;:…—–-()[]{}"\'`~'],
  ['emoji', '📞🇺🇸🇨🇳 hotline ☎️👨‍👩‍👧‍👦'],
  ['zero-width characters', 'Ex\u200bample\u200cland\u200d link\u2060 agreed\ufeff?'],
  ['right-to-left text and overrides', '\u202eWhen was the link agreed\u202c \u05de\u05ea\u05d9 \u0645\u062a\u0649 \u2067x\u2069'],
  ['markdown', '**bold** __underline__ ~~strike~~ ||spoiler|| # heading > quote [link](https://evil.example) -# small'],
  ['a code block', '```js\nconsole.log("@everyone")\n``` and `inline`'],
  ['@everyone', '@everyone when was the Exampleland link agreed?'],
  ['@here', '@here telephone link'],
  ['a role mention', '<@&123456789012345678> hotline'],
  ['a channel mention', '<#123456789012345678> hotline'],
  ['a user mention', '<@123456789012345678> <@!123456789012345679> hotline'],
  ['fuse.js operators', "'link =hotline !soviet ^When agreed$ | ^test"],
  ['HTML', '<script>alert("x")</script><img src=x onerror=alert(1)> <b>link</b>'],
  ['control characters', 'link\u0000\u0007\u001b[31m agreed\r\n\ttest'],
];

describe('bad questions through /ask', () => {
  for (const [name, question] of QUESTIONS) {
    it(`${name}: a sensible reply, nobody pinged, echo escaped`, async () => {
      await expectSafeReply(h.standIn.slash('ask', { question }, freshUser()));
    });
  }

  it('markdown and mentions are shown as typed (escaped), not rendered', async () => {
    const reply = await expectSafeReply(h.standIn.slash('ask', { question: '**bold** @everyone <@&123456789012345678> `code`' }, freshUser()));
    // Chat markup is stripped before the search and the echoed question shows the words cleanly.
    const text = renderedText(reply);
    expect(text).toContain('bold code');
    expect(text).not.toMatch(MENTION);
    expect(text).not.toContain('**bold**');
  });

  it('the same question 20 times in a second from one user: answers up to the limit, then friendly private refusals', async () => {
    const user = freshUser();
    const all = Array.from({ length: 20 }, () => h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, user));
    const callbacks = await Promise.all(all.map((i) => i.callback(10_000)));
    const answered = callbacks.filter((c) => (c.data.flags ?? 0) === 0);
    const refused = callbacks.filter((c) => (c.data.flags ?? 0) & 64);
    expect(answered).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const c of answered) expect(c.data.embeds[0].description).toContain('spring of 2001');
    for (const c of refused) expect(renderedText(c.data)).toMatch(/asking quickly — you can ask again <t:\d+:R>/);
    for (const c of callbacks) expect(c.data.allowed_mentions).toEqual({ parse: [] });
    // Someone else is not held up by it.
    await expectSafeReply(h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, freshUser()));
  });

  it('mention pings only the chosen member, even when the question itself mentions others', async () => {
    const target = '400000000000000004';
    const interaction = h.standIn.slash('ask', { question: '@everyone <@&123456789012345678> telephone link', mention: target }, freshUser());
    const callback = await interaction.callback();
    expect(callback.data.allowed_mentions).toEqual({ parse: [], users: [target] });
    expect(callback.data.content).toBe(`*Suggested for <@${target}>:*`);
    expect(renderedText(callback.data).replace(`<@${target}>`, '')).not.toMatch(MENTION);
  });
});

describe('bad input elsewhere', () => {
  for (const [name, question] of QUESTIONS) {
    it(`autocomplete with ${name}: valid choices, no crash`, async () => {
      const auto = h.standIn.autocomplete('ask', { question: question.slice(0, 100) }, 'question', freshUser());
      const callback = await auto.callback(10_000);
      expect(callback.type).toBe(8);
      expect(auto.rejections).toEqual([]);
      for (const c of callback.data.choices) expect(c.name).not.toMatch(MENTION);
    });
  }

  it('Ask Hotline on a hostile 6,000-character message: answered safely', async () => {
    const content = `@everyone <@&123456789012345678> **${'x'.repeat(3000)}** ${'When was the Exampleland link agreed? '.repeat(80)}`.slice(0, 6000);
    await expectSafeReply(h.standIn.messageCommand('Ask Hotline', { content }, freshUser()));
  });

  it('/quote and /source with hostile option values: safe replies', async () => {
    await expectSafeReply(h.standIn.slash('quote', { speaker: '@everyone <@&123456789012345678>' }, freshUser()));
    await expectSafeReply(h.standIn.slash('source', { id: '<#123456789012345678> **x**' }, freshUser()));
  });
});
