import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openInsight } from '../../src/insight/index';
import { question, tempDir, vote } from './helpers';

// What moderators need to act on feedback: the question behind each rating, and the answers members
// marked 👎 listed as gaps next to the questions Hotline could not answer.

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const t0 = Date.now();
const later = (s: number) => new Date(t0 + s * 1000);

describe('feedback with its questions', () => {
  it('/kb feedback rows carry each rating with the question asked, newest first, one per member and question', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordFeedback(vote({ userId: 'a', question: 'When was the hotline set up?', reason: 'Wrong year', at: later(1) }));
    insight.recordFeedback(vote({ userId: 'a', question: 'When was the hotline set up?', reason: 'Wrong year, really', at: later(2) }));
    insight.recordFeedback(vote({ userId: 'b', question: 'who signed the hotline deal', at: later(3) }));
    insight.recordFeedback(vote({ userId: 'c', question: 'hotline 1963', helpful: true, at: later(4) }));
    const [row] = insight.feedback({ days: 7 });
    expect(row!.ratings).toEqual([
      { helpful: true, question: 'hotline 1963', at: later(4).toISOString() },
      { helpful: false, question: 'who signed the hotline deal', at: later(3).toISOString() },
      { helpful: false, question: 'When was the hotline set up?', reason: 'Wrong year, really', at: later(2).toISOString() },
    ]);
    await insight.close();
  });
});

describe('answers marked 👎 as gaps', () => {
  it('lists the question and the entry it led with, counting members once, with their reasons', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordQuestion(question({ question: 'Is there a China-India hotline?' }));
    insight.recordFeedback(vote({ userId: 'a', question: 'Who answers the hotline?', entryId: 'hotline-1963', reason: 'It does not say who', at: later(1) }));
    insight.recordFeedback(vote({ userId: 'a', question: 'Who answers the hotline?', entryId: 'hotline-1963', at: later(2) }));
    insight.recordFeedback(vote({ userId: 'b', question: 'Who answers the hotline?', entryId: 'hotline-1963', at: later(3) }));
    insight.recordFeedback(vote({ userId: 'c', question: 'When was the MMCA signed?', entryId: 'mmca-1998', at: later(4) }));
    insight.recordFeedback(vote({ userId: 'd', question: 'When was the MMCA signed?', entryId: 'mmca-1998', helpful: true }));
    insight.recordFeedback(vote({ userId: 'e', entryId: 'no-question-kept' }));

    const disliked = insight.disliked({ days: 7 });
    expect(disliked.map((d) => [d.question, d.entryId, d.count, d.reasons])).toEqual([
      ['Who answers the hotline?', 'hotline-1963', 2, ['It does not say who']],
      ['When was the MMCA signed?', 'mmca-1998', 1, []],
    ]);
    expect(Date.parse(disliked[0]!.lastAsked)).toBe(later(3).getTime());
    // The unanswered questions are still where they were.
    expect(insight.gaps({ days: 7 }).map((g) => g.question)).toEqual(['Is there a China-India hotline?']);
    await insight.close();
  });
});
