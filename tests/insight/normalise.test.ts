import { describe, expect, it } from 'vitest';
import { comparisonTokens, jaccard, normaliseQuestion } from '../../src/insight/normalise';

describe('normaliseQuestion', () => {
  it('lowercases and folds punctuation and whitespace', () => {
    expect(normaliseQuestion('  Who RUNS the   hotline?!  ')).toBe('who runs the hotline');
    expect(normaliseQuestion('U.S.–China MMCA (1998)')).toBe('u s china mmca 1998');
  });

  it('joins apostrophes inside words and drops accents', () => {
    expect(normaliseQuestion("What's the Moscow–Washington line?")).toBe('whats the moscow washington line');
    expect(normaliseQuestion('Détente café')).toBe('detente cafe');
  });

  it('keeps non-Latin letters', () => {
    expect(normaliseQuestion('热线 是什么？')).toBe('热线 是什么');
  });

  it('turns a question of punctuation only into the empty string', () => {
    expect(normaliseQuestion('?!…')).toBe('');
  });
});

describe('comparisonTokens and jaccard', () => {
  it('ignores filler words and folds plurals', () => {
    expect([...comparisonTokens('what is the hotline')]).toEqual(['what', 'hotline']);
    expect(comparisonTokens('who runs hotlines')).toEqual(comparisonTokens('who run the hotline'));
  });

  it('keeps filler words when nothing else is left', () => {
    expect([...comparisonTokens('is it')]).toEqual(['is', 'it']);
  });

  it('measures overlap of token sets', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(jaccard(new Set(['a', 'b']), new Set(['c']))).toBe(0);
    expect(jaccard(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'e']))).toBeCloseTo(3 / 5);
  });
});
