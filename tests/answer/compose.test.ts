import { describe, expect, it } from 'vitest';
import { buildRelatedIndex } from '../../src/answer/compose';
import type { Entry } from '../../src/knowledge/schema';

const fact = (id: string, topics: string[], involved: string[] = [], date?: string): Entry =>
  ({ kind: 'fact', id, text: id, topics, sources: ['s'], involved, ...(date ? { date } : {}), origin: { file: 'f.yaml', line: 1 } }) as Entry;

describe('buildRelatedIndex: see also', () => {
  const a = fact('a', ['t1', 't2'], ['Smith']);
  const sharesPerson = fact('b', ['t9'], ['Smith'], '1990-01-01');
  const sharesTwoTopics = fact('c', ['t1', 't2'], [], '1980-01-01');
  const olderOneTopic = fact('d', ['t1'], [], '1970-01-01');
  const newerOneTopic = fact('e', ['t2'], [], '2000-01-01');
  const undatedOneTopic = fact('f', ['t1']);
  const related = buildRelatedIndex([a, sharesPerson, sharesTwoTopics, olderOneTopic, newerOneTopic, undatedOneTopic]);

  it('ranks by what is shared (a person counts twice), then the latest first, and never the entry itself', () => {
    // b and c score 2; b is later. d, e, f score 1; e is the latest, f has no date.
    expect(related.relatedTo(a, new Set(), 10).map((e) => e.id)).toEqual(['b', 'c', 'e', 'd', 'f']);
  });

  it('keeps only the best `limit`, and leaves out excluded ids', () => {
    expect(related.relatedTo(a, new Set(), 3).map((e) => e.id)).toEqual(['b', 'c', 'e']);
    expect(related.relatedTo(a, new Set(['b', 'e']), 2).map((e) => e.id)).toEqual(['c', 'd']);
    expect(related.relatedTo(a, new Set(), 0)).toEqual([]);
  });
});
