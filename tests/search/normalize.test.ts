import { describe, expect, it } from 'vitest';
import { foldText, phraseKey, term, tokenize, words } from '../../src/search/normalize';
import { stem } from '../../src/search/stem';

describe('foldText', () => {
  it('lower-cases, removes accents and invisible characters, and plains quotes and dashes', () => {
    expect(foldText('Café\u200B “Hot”–Line ’s')).toBe("cafe “hot”-line 's");
  });
  it('joins dotted initials into one word', () => {
    expect(words('the U.S. and the U.S.S.R.')).toEqual(['the', 'us', 'and', 'the', 'ussr']);
  });
});

describe('words', () => {
  it('drops possessive s and splits on punctuation and dashes', () => {
    expect(words("China's Moscow–Washington link (DTL)!")).toEqual(['china', 'moscow', 'washington', 'link', 'dtl']);
  });
  it('keeps non-Latin letters and digits', () => {
    expect(words('磋商 1963')).toEqual(['磋商', '1963']);
  });
  it('keeps letters after an apostrophe in the word, not digits or a second apostrophe', () => {
    expect(words("don't rock'n1 abc''def it's 'quoted' 90's")).toEqual(['dont', 'rockn', '1', 'abc', 'def', 'it', 'quoted', '90']);
  });
  it('returns nothing for emoji and markup only', () => {
    expect(words('🙂 ** @@ ~~')).toEqual([]);
  });
  it('reads chat short forms of ordinary words as those words, on the ASCII path and the Unicode one', () => {
    expect(words('what yr did the dept of war get renamed')).toEqual(['what', 'year', 'did', 'the', 'department', 'of', 'war', 'get', 'renamed']);
    expect(words('how many ppl got the msg – info pls')).toEqual(['how', 'many', 'people', 'got', 'the', 'message', 'information', 'pls']);
    // Only whole words: "dept" inside a word, or a name that starts like one, is left alone.
    expect(words('depth yrs yrsa')).toEqual(['depth', 'years', 'yrsa']);
  });
});

describe('stem', () => {
  it('brings inflections together', () => {
    expect(stem('talks')).toBe(stem('talking'));
    expect(stem('hotlines')).toBe(stem('hotline'));
    expect(stem('communications')).toBe(stem('communication'));
  });
  it('leaves numbers and short words alone', () => {
    expect(stem('1963')).toBe('1963');
    expect(stem('us')).toBe('us');
  });
});

describe('tokenize and phraseKey', () => {
  it('flags stopwords but keeps "us"', () => {
    const tokens = tokenize('when did the US sign');
    expect(tokens.filter((t) => t.stop).map((t) => t.word)).toEqual(['when', 'did', 'the']);
    expect(tokens.find((t) => t.word === 'us')?.stop).toBe(false);
  });
  it('flags contractions as words() leaves them, and chat filler, as stopwords', () => {
    const tokens = tokenize("they'd said u can't do that w russia tbh, didn't they");
    expect(tokens.filter((t) => !t.stop).map((t) => t.word)).toEqual(['russia']);
  });
  it('makes case and punctuation irrelevant for exact phrases', () => {
    expect(phraseKey('When was the DTL set up?')).toBe(phraseKey('when was the dtl set up'));
  });
  it('cuts very long input', () => {
    expect(tokenize('word '.repeat(5000), 100).length).toBeLessThanOrEqual(20);
  });
});

describe('tokenize cut', () => {
  it('does not keep half a word when it cuts', () => {
    const tokens = tokenize('hotline '.repeat(100), 20);
    expect(tokens.map((t) => t.word)).toEqual(['hotline', 'hotline']);
  });
});

describe('term', () => {
  it('keeps "use" apart from "us" (the United States)', () => {
    expect(term('used')).not.toBe(term('us'));
    expect(term('using')).toBe(term('use'));
  });
});
