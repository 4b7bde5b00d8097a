import { describe, expect, it } from 'vitest';
import { escapeUserText, fitEmbeds, splitAtSentences, suppressPreviews, truncate, embedLength } from '../../src/bot/discord-text';

describe('splitAtSentences', () => {
  it('keeps short text whole', () => {
    expect(splitAtSentences('One. Two.', 100)).toEqual(['One. Two.']);
  });

  it('splits at the last sentence end that fits, and every piece fits', () => {
    const text = 'The first sentence is here. The second one follows it. A third closes.';
    const pieces = splitAtSentences(text, 60);
    expect(pieces).toEqual(['The first sentence is here. The second one follows it.', 'A third closes.']);
  });

  it('falls back to a word boundary, never cutting a word', () => {
    const text = 'word '.repeat(50).trim();
    const pieces = splitAtSentences(text, 23);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(23);
      expect(p.split(' ').every((w) => w === 'word')).toBe(true);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts a single word longer than the limit, without splitting an emoji', () => {
    const pieces = splitAtSentences(`${'a'.repeat(9)}😀${'b'.repeat(10)}`, 10);
    expect(pieces[0]).toBe('a'.repeat(9));
    expect(pieces.every((p) => p.length <= 10)).toBe(true);
    expect(pieces.join('')).toBe(`${'a'.repeat(9)}😀${'b'.repeat(10)}`);
  });
});

describe('escapeUserText', () => {
  it('neutralises markdown, mentions and invisible direction marks', () => {
    const out = escapeUserText('@here *bold* `code` <#123456789012345678> <@&1> > quote \u202Eevil', 500);
    expect(out).not.toMatch(/@here|<#|<@&|(?<!\\)\*|(?<!\\)`/);
    expect(out).not.toContain('\u202E');
  });

  it('stays within its length even when every character needs escaping', () => {
    expect(escapeUserText('*'.repeat(1000), 100).length).toBeLessThanOrEqual(100);
    expect(escapeUserText('@'.repeat(1000), 100).length).toBeLessThanOrEqual(100);
  });
});

describe('previews and fitting', () => {
  it('wraps bare URLs in <> so content shows no preview', () => {
    expect(suppressPreviews('see https://example.org/a and <https://example.org/b>')).toBe('see <https://example.org/a> and <https://example.org/b>');
  });

  it('truncates at a sentence end with an ellipsis', () => {
    expect(truncate('One two three. Four five six seven.', 20)).toBe('One two three.…');
  });

  it('brings any embed set within the limits', () => {
    const big = {
      title: 't'.repeat(300),
      description: 'Sentence here. '.repeat(400),
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'Value text. '.repeat(100) })),
      footer: { text: 'f'.repeat(3000) },
    };
    const out = fitEmbeds(Array.from({ length: 12 }, () => big));
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.reduce((s, e) => s + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of out) {
      expect(e.title!.length).toBeLessThanOrEqual(256);
      expect(e.description!.length).toBeLessThanOrEqual(4096);
      expect(e.fields!.length).toBeLessThanOrEqual(25);
      for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    }
  });
});
