import { describe, expect, it } from 'vitest';
import { isStopword } from '../../src/search/stopwords';

describe('isStopword', () => {
  it('holds every form of a verb it holds one of ("became", "become")', () => {
    for (const w of ['became', 'become', 'becomes', 'becoming']) expect(isStopword(w), w).toBe(true);
  });
  it('holds the plural of a noun it holds ("part", "parts"): "the parts of the package" asks what the package held', () => {
    for (const w of ['part', 'parts', 'point', 'points', 'date', 'dates', 'time', 'times']) expect(isStopword(w), w).toBe(true);
  });
  it('keeps words that name a subject', () => {
    for (const w of ['us', 'hotline', 'minister']) expect(isStopword(w), w).toBe(false);
  });
});
