import { describe, expect, it } from 'vitest';
import { groupGaps, type GapWording } from '../../src/insight/group';
import { normaliseQuestion } from '../../src/insight/normalise';

const w = (question: string, count: number, lastAt: number, status: 'unknown' | 'unsure' = 'unknown'): GapWording => ({
  question,
  normalised: normaliseQuestion(question),
  status,
  count,
  lastAt,
});

describe('groupGaps', () => {
  it('groups identical normalised forms and near-duplicates, leading with the commonest wording', () => {
    const rows = groupGaps([
      w('Who runs the hotline?', 3, 1_000),
      w('who runs the  HOTLINE', 1, 5_000),
      w('Who runs hotlines?', 1, 2_000),
      w('When was the MMCA signed?', 2, 3_000),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      question: 'Who runs the hotline?',
      count: 5,
      lastAsked: new Date(5_000).toISOString(),
      status: 'unknown',
      examples: ['who runs the  HOTLINE', 'Who runs hotlines?'],
    });
    expect(rows[1]).toMatchObject({ question: 'When was the MMCA signed?', count: 2, examples: [] });
  });

  it('keeps questions apart when they share only some words', () => {
    const rows = groupGaps([w('When was the hotline set up?', 1, 1), w('When was the hotline last used?', 1, 2)]);
    expect(rows).toHaveLength(2);
  });

  it('marks a group holding both unknown and unsure as mixed', () => {
    const rows = groupGaps([w('Taiwan strait incidents', 1, 1, 'unknown'), w('taiwan strait incident', 1, 2, 'unsure')]);
    expect(rows).toEqual([expect.objectContaining({ count: 2, status: 'mixed' })]);
  });

  it('orders by count then recency and applies the limit', () => {
    const rows = groupGaps([w('alpha question', 1, 10), w('beta question', 2, 1), w('gamma question', 1, 20)], 2);
    expect(rows.map((r) => r.question)).toEqual(['beta question', 'gamma question']);
  });
});
