import { describe, expect, it } from 'vitest';
import { shapesOf } from '../../src/answer/evidence';
import type { Entry } from '../../src/knowledge/schema';

const fact = (text: string) => ({ kind: 'fact', id: 'f', text, topics: [], sources: [] }) as unknown as Entry;

describe('shapesOf', () => {
  it('reads a person from a title and a name, or from people named as a group', () => {
    expect(shapesOf(fact('Secretary Austin called Adm. Dong.'), false, false).has('person')).toBe(true);
    expect(shapesOf(fact('The agreement was negotiated by military officers, not diplomats.'), false, false).has('person')).toBe(true);
    expect(shapesOf(fact('The line was tested every hour.'), false, false).has('person')).toBe(false);
  });
});
