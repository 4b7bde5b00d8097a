import { describe, expect, it } from 'vitest';
import { entryId, feedbackLines, gapLines, topEntryLines, usageLine } from '../../src/insight/moderator-text';

describe('moderator text', () => {
  it('numbers gap groups and escapes what users typed', () => {
    const [line] = gapLines([{ question: 'Is *this* @here?', count: 4, lastAsked: '2026-11-20T10:00:00.000Z', status: 'unsure', examples: ['is this here'] }]);
    expect(line).toBe('1. “Is \\*this\\* @\u200bhere?” — 4×, unsure, last 2026-11-20 (also: “is this here”)');
  });

  it('lists 👎 entries with at most three reasons', () => {
    const [line] = feedbackLines([{ entryId: 'mmca-1998', down: 5, up: 1, reasons: ['one', 'two', 'three', 'four'] }]);
    expect(line).toBe('• `mmca-1998` — 5 👎, 1 👍: “one”; “two”; “three”');
  });

  it('summarises usage and top entries', () => {
    const u = { questions: 21, perDay: 3, answeredShare: 0.666, distinctAskers: 9, topEntries: [{ entryId: 'dtl-2008', count: 7 }] };
    expect(usageLine(u)).toBe('21 questions (3.0 a day), 67 % answered, 9 distinct askers.');
    expect(topEntryLines(u)).toEqual(['1. `dtl-2008` — 7×']);
    expect(usageLine({ ...u, questions: 0 })).toBe('No questions were recorded.');
  });

  it('keeps a backtick in an id from breaking out of code style', () => {
    expect(entryId('a`b')).toBe("`a'b`");
  });
});
