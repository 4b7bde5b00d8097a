import { describe, expect, it } from 'vitest';
import { allowedEdits, createTypoCorrector, plausibleTypo } from '../../src/search/typo';

describe('typo rules', () => {
  it('allows no edit under four letters, one up to seven, two beyond', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(10)).toBe(2);
  });
  it('rejects a changed first letter and non-swap edits of four-letter words', () => {
    expect(plausibleTypo('cost', 'post', 1)).toBe(false);
    expect(plausibleTypo('died', 'did', 1)).toBe(false);
    expect(plausibleTypo('lien', 'line', 1)).toBe(true);
  });
});

describe('createTypoCorrector', () => {
  const vocabulary = ['hotline', 'moscow', 'washington', 'incsea', 'post', 'ran', 'deconfliction'];
  const corrector = createTypoCorrector(vocabulary, () => 1);
  it('corrects misspelt base words', () => {
    expect(corrector.correct('hotlne')?.word).toBe('hotline');
    expect(corrector.correct('moscwo')?.word).toBe('moscow');
    expect(corrector.correct('deconflction')?.word).toBe('deconfliction');
  });
  it('does not turn other real words into base words', () => {
    expect(corrector.correct('cost')).toBeUndefined();
    expect(corrector.correct('iran')).toBeUndefined();
  });
  it('swaps the last two letters of a three-letter word only when it is no English word', () => {
    const names = createTypoCorrector(
      ['liu', 'tan', 'ran'],
      () => 1,
      (w) => ['nat', 'tan', 'ran', 'rna'].includes(w),
    );
    expect(names.correct('lui')?.word).toBe('liu');
    expect(names.correct('nat')).toBeUndefined();
    expect(names.correct('rna')).toBeUndefined();
    // Without a word list, three-letter words are never corrected.
    expect(createTypoCorrector(['liu'], () => 1).correct('lui')).toBeUndefined();
  });
  it('never corrects one of the commonest English words, whatever base word sits an edit away', () => {
    const common = createTypoCorrector(
      ['thoughts', 'complicate'],
      () => 1,
      undefined,
      (w) => w === 'thought' || w === 'complicated',
    );
    expect(common.correct('thought')).toBeUndefined();
    expect(common.correct('complicated')).toBeUndefined();
    // A rarer word still is: "thougts" is a slip.
    expect(common.correct('thougts')?.word).toBe('thoughts');
  });
  it('treats search-operator characters as plain characters', () => {
    expect(() => corrector.correct("'hotline")).not.toThrow();
    expect(corrector.correct('!^=|$')).toBeUndefined();
  });
});
