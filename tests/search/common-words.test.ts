import { describe, expect, it } from 'vitest';
import { COMMON_FLOOR, commonShare, isCommonWord } from '../../src/search/common-words';

describe('commonShare', () => {
  it('weighs the most common words of spoken English down, the commonest to the floor', () => {
    expect(commonShare('guy')).toBeLessThan(0.6);
    expect(commonShare('big')).toBeLessThan(commonShare('couple'));
    expect(commonShare('like')).toBe(COMMON_FLOOR);
  });
  it('leaves rarer words, names and unknown words at full weight', () => {
    for (const w of ['hotline', 'teletype', 'election', 'mongolia', 'rimpac', 'xyzzy']) expect(commonShare(w)).toBe(1);
  });
});

describe('isCommonWord', () => {
  it('tells the commonest words of spoken English from rarer words and names', () => {
    for (const w of ['thought', 'pretty', 'guy', 'talk']) expect(isCommonWord(w)).toBe(true);
    for (const w of ['thoughts', 'hotline', 'incsea', 'mongolia']) expect(isCommonWord(w)).toBe(false);
  });
});
