import { describe, expect, it } from 'vitest';
import { cleanChatText } from '../../src/bot/chat-text';
import { knowledgeText } from '../../src/bot/discord-text';
import { readableDate } from '../../src/text/readable-date';
import { dateProblem } from '../../src/knowledge/schema';

// Text going in (chat syntax off a member's message) and coming out (knowledge text shown as text).

describe('cleanChatText', () => {
  it.each([
    ['<@123456789012345678> when did Hegseth meet Dong Jun? :thinking:', 'when did Hegseth meet Dong Jun?'],
    ['<@!1> <@&2> <#3> </ask:4> <t:1700000000:R> hey', 'hey'],
    ['**when** was the _hotline_ set up <:pepe:123> <a:dance:456> 🤔🇺🇸', 'when was the hotline set up'],
    ['> > what is the mmca\n>>> asking for a friend', 'what is the mmca asking for a friend'],
    ['see [this article](https://x.example/a_b) <https://y.example> http://z.example/x', 'see this article'],
    ['||spoiler|| ~~old~~ __u__ ***b*** `code`', 'spoiler old u b code'],
    ['# Heading\n- item one\n* item two', 'Heading item one item two'],
    ['U.S.-China at 10:30:00, snake_case 2*3', 'U.S.-China at 10:30:00, snake_case 2*3'],
    ['\\*escaped\\* @everyone', '*escaped*'],
    ['<@123456789012345678> :wave:', ''],
  ])('%j → %j', (raw, clean) => {
    expect(cleanChatText(raw)).toBe(clean);
  });
});

describe('knowledgeText', () => {
  it('escapes markup, breaks bare addresses and mentions, and keeps the words', () => {
    expect(knowledgeText('[Official](https://evil.example) **[2]** `x`')).toBe('\\[Official\\](https:\u200b//evil.example) \\*\\*\\[2\\]\\*\\* \\`x\\`');
    expect(knowledgeText('# Head\n- item\n1. first\n> q <@1> @here')).toBe('\\# Head\n\\- item\n1\\. first\n\\> q \\<@1\\> @\u200bhere');
    expect(knowledgeText('U.S.–China talks resumed in 2023.')).toBe('U.S.–China talks resumed in 2023.');
  });
});

describe('dates for people', () => {
  it('reads knowledge dates as members do', () => {
    expect(readableDate('1963')).toBe('1963');
    expect(readableDate('1963-06')).toBe('June 1963');
    expect(readableDate('1963-06-20')).toBe('20 June 1963');
  });

  it('says what is wrong with an impossible date, by the knowledge date rule', () => {
    expect(dateProblem('2025-13')).toContain('there is no month 13');
    expect(dateProblem('2025-02-30')).toContain('February 2025 has 28 days');
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('25-1')).toContain('YYYY');
  });
});
