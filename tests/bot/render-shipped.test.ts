import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { renderAnswer, renderQuotes, renderSources, renderTimeline, type Reply } from '../../src/bot/render';
import { renderAbout, renderSourceCard, renderTopics } from '../../src/bot/cards';
import { loadKnowledge } from '../../src/knowledge/load';
import { messageProblems } from '../support/discord-stand-in';

// Every entry of the shipped knowledge, rendered every way the bot can show it, is a message the
// Discord API accepts (same checks as the stand-in).

const problems = (reply: Reply) => messageProblems({ content: reply.content, embeds: reply.embeds, components: reply.components });

describe('rendering the shipped knowledge', () => {
  it('fits Discord for every entry, source, list and page', async () => {
    const result = await loadKnowledge(path.resolve(__dirname, '../../knowledge'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const engine = createEngine(result.base);
    const bad: string[] = [];
    const check = (what: string, reply: Reply) => {
      const problem = problems(reply);
      if (problem) bad.push(`${what}: ${problem}`);
    };
    for (const entry of result.base.entries) {
      const answer = engine.answerFor(entry.id)!;
      check(`answer ${entry.id}`, renderAnswer(answer, { key: 'abcdefgh', mention: '123456789012345678' }));
      check(`sources ${entry.id}`, renderSources(answer));
      for (const q of entry.questions ?? []) check(`ask "${q}"`, renderAnswer(engine.ask(q, { limit: 9 }), { key: 'abcdefgh' }));
    }
    for (const id of result.base.sources.keys()) {
      const found = engine.source(id)!;
      check(`source ${id}`, renderSourceCard(found.source, found.entries, result.base.version));
    }
    const all = engine.timeline({});
    for (let page = 0; page < 40; page++)
      check(`timeline page ${page}`, renderTimeline(all, { page, pagerPrefix: 'tl:p:::', title: 'Timeline', empty: 'none' }));
    const quotes = engine.quotes({});
    for (let page = 0; page < 20; page++)
      check(`quotes page ${page}`, renderQuotes(quotes, { page, pagerPrefix: 'qt:page:abcdefgh', title: 'Quotes', empty: 'none' }));
    check('topics', renderTopics(engine.topics(), result.base.version));
    check('about', renderAbout(result.base));
    expect(bad).toEqual([]);
    expect(result.base.entries.length).toBeGreaterThan(0);
  });
});
