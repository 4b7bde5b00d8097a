import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/text/lower-bound';

describe('lowerBound', () => {
  it('finds the first position not before the value in a sorted list', () => {
    const sorted = [1, 3, 3, 7];
    expect([0, 1, 3, 4, 7, 8].map((v) => lowerBound(sorted.length, (i) => sorted[i]! < v))).toEqual([0, 0, 1, 3, 3, 4]);
    expect(lowerBound(0, () => true)).toBe(0);
  });
});
