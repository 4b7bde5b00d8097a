import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMessage } from '../support/discord-stand-in';
import { ASKER, startBot, type ReliabilityHarness } from './harness';

// Knowledge text is text (issue 13 item 3, attack F5): a fact, quote, note, title or publisher that
// holds Discord markdown — a masked link, a fake bold citation, a "```" that would swallow what
// follows, a heading, a mention — is accepted by kb:check but shown as written, never as markup.
// Only a source's own URL becomes a link.

const FILES = {
  'topics.yaml': 'topics:\n  - id: t\n    name: Test\n',
  'sources.yaml': `sources:
  - id: real
    kind: official
    title: "Real [title](https://evil.example/title) **bold**"
    publisher: "[Reuters](https://evil.example/publisher)"
    published: 2001-01-01
    url: https://example.org/real
`,
  'facts.yaml': `facts:
  - id: masked
    text: "See the [Official statement](https://evil.example/fact) **[2]** for more. Also https://evil.example/bare here."
    date: 2001
    topics: [t]
    sources: [real]
    questions: [What does the masked statement say?]
    note: "# Heading\\n> quote <@123456789012345678> @everyone"
`,
  'quotes.yaml': `quotes:
  - id: fenced
    text: "We keep the line open \`\`\` no matter what"
    speaker: "Alex **Example**"
    role: Minister
    date: 2003-06-01
    context: At the talks.
    topics: [t]
    sources: [real]
    questions: [What did the minister say about the fenced line?]
`,
};

let h: ReliabilityHarness;
beforeAll(async () => {
  h = await startBot({ files: FILES });
});
afterAll(async () => {
  await h?.close();
});

const allText = (m: ApiMessage) => JSON.stringify(m.embeds);
/** Every markdown link target (an unescaped "](" followed by an address) and bare address Discord would link. */
const linkTargets = (m: ApiMessage) => {
  const texts = m.embeds.flatMap((e: any) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])]).join('\n');
  return [...texts.matchAll(/(?<!\\)\]\((https?:\/\/[^)\s]+)\)|(?<!\]\()\bhttps?:\/\/[^\s)]+/g)].map((x) => x[1] ?? x[0]);
};

describe('knowledge text is shown as text', () => {
  it('a masked link, a fake citation and a bare address in a fact do not become links or marks', async () => {
    const reply = await h.standIn.slash('ask', { question: 'What does the masked statement say?' }, ASKER).response();
    const description: string = reply.embeds[0].description;
    expect(description).toContain('\\[Official statement\\]');
    expect(description).toContain('\\*\\*\\[2\\]\\*\\*');
    expect(description).not.toContain('https://evil');
    // Only the source's URL is a link, and the only bold citation mark is the renderer's own.
    expect(linkTargets(reply)).toEqual(['https://example.org/real']);
    expect(description.match(/(?<!\\)\*\*\[\d/g)).toEqual(['**[1']);
  });

  it('a title and a publisher holding links stay text inside the source line', async () => {
    const reply = await h.standIn.slash('ask', { question: 'What does the masked statement say?' }, ASKER).response();
    const sources: string = reply.embeds[0].fields.find((f: any) => f.name === 'Sources').value;
    expect(sources).toContain('— \\[Reuters\\](https:\u200b//evil');
    expect(linkTargets(reply)).toEqual(['https://example.org/real']);
  });

  it('a "```" in a quote cannot swallow the attribution', async () => {
    const reply = await h.standIn.slash('ask', { question: 'What did the minister say about the fenced line?' }, ASKER).response();
    const description: string = reply.embeds[0].description;
    expect(description).toContain('> We keep the line open \\`\\`\\` no matter what');
    expect(description).not.toMatch(/(?<!\\)`/);
    expect(description).toContain('— **Alex \\*\\*Example\\*\\***, Minister, 1 June 2003 **[1]**');
  });

  it('a note cannot add a heading, a quote block or a mention', async () => {
    const reply = await h.standIn.slash('ask', { question: 'What does the masked statement say?' }, ASKER).response();
    const src = reply.components.flatMap((r: any) => r.components).find((c: any) => String(c.custom_id).startsWith('ask:src:'));
    const details = await h.standIn.click(reply, src.custom_id, ASKER).callback();
    const text = allText(details.data as ApiMessage);
    expect(text).toContain('\\\\# Heading');
    expect(text).toContain('\\\\<@123456789012345678\\\\>');
    expect(text).toContain('@\u200beveryone');
    expect(details.data.allowed_mentions).toEqual({ parse: [] });
  });
});
