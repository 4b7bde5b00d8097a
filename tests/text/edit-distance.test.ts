import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance';

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps', () => {
    expect(editDistance('hotline', 'hotline', 2)).toBe(0);
    expect(editDistance('hotlne', 'hotline', 2)).toBe(1);
    expect(editDistance('hotlien', 'hotline', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });
  it('stops early past the bound', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

describe('editDistance against a plain OSA table', () => {
  // The reference: the textbook optimal string alignment recurrence, no filter and no early stop.
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  it('agrees on random pairs of short words over a small alphabet, within the bound', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: 1 + Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = next() < 0.5 ? word() : a.slice(0, 2) + a[3] + a[2] + a.slice(4);
      const max = Math.floor(next() * 4);
      expect(editDistance(a, b, max), `${a} ${b} ≤${max}`).toBe(Math.min(reference(a, b), max + 1));
    }
  });
  it('handles words longer than its reused rows', () => {
    expect(editDistance('a'.repeat(100) + 'bc', 'a'.repeat(100) + 'cb', 2)).toBe(1);
  });
});
