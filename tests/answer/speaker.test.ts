import { describe, expect, it } from 'vitest';
import { sayerOf, usesWordsVerb } from '../../src/answer/speaker';
import { tokenize } from '../../src/search/normalize';

describe('sayerOf', () => {
  const sayer = (q: string) => {
    const tokens = tokenize(q);
    const span = sayerOf(tokens);
    return span && tokens.slice(span.from, span.to).map((t) => t.word);
  };
  it('reads whoever is asked for the words of, a person, a country or a body', () => {
    expect(sayer('what did china say about the shanghai talks')).toEqual(['china']);
    expect(sayer('what did the us push for at the mmca talks')).toEqual(['the', 'us']);
    expect(sayer('what did paparo raise in the call with wu yanan')).toEqual(['paparo']);
  });
  it('reads nothing from other shapes', () => {
    expect(sayer('how did hegseth describe the meeting')).toBeUndefined();
    expect(sayer('what did the 2014 intercept lead to')).toBeUndefined();
    expect(sayer('when did china say it would resume talks')).toBeUndefined();
  });
});

describe('usesWordsVerb', () => {
  it('tells a question using a verb of saying or putting forward, or asking for a quote', () => {
    const cases: Array<[string, boolean]> = [
      ['which official claimed ties were the best ever', true],
      ['what did francis call the mmca', true],
      ['biden quote on direct communications', true],
      ['was the hotline a red phone', false],
      ['what is the defense telephone link', false],
    ];
    for (const [q, uses] of cases) expect(usesWordsVerb(tokenize(q)), q).toBe(uses);
  });
});
