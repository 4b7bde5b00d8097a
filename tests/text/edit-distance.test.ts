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
