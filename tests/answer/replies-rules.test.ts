import { describe, expect, it } from 'vitest';
import { formatChoice, parseChoice } from '../../src/answer/choice';
import { choiceLabel, writtenForPeople } from '../../src/answer/labels';
import type { AnswerResult } from '../../src/answer/model';
import { onTopicChoices, relevantResults } from '../../src/answer/relevance';
import type { Entry } from '../../src/knowledge/schema';

// The small named rules the replies rest on: the entry: choice protocol, member-facing labels, and
// which results a reply shows.

const entry = (id: string, extra: Partial<Entry> = {}) =>
  ({ kind: 'fact', id, text: `Text of ${id}.`, topics: ['t'], sources: ['s'], origin: { file: 'f', line: 1 }, ...extra }) as Entry;
const result = (id: string, score: number): AnswerResult => ({ entry: entry(id), score, citations: [] });

describe('the entry: choice protocol', () => {
  it('round-trips an id and leaves free text alone', () => {
    expect(parseChoice(formatChoice('mmca-1998-signed'))).toBe('mmca-1998-signed');
    expect(parseChoice('  ENTRY:Mmca-1998  ')).toBe('mmca-1998');
    expect(parseChoice('when was the entry: point')).toBeUndefined();
    expect(parseChoice('entry:')).toBeUndefined();
  });
});

describe('labels written for people', () => {
  it('tells a question for people from a keyword phrase kept for the search', () => {
    expect(writtenForPeople('When was the MMCA signed?')).toBe(true);
    expect(writtenForPeople('was there a 2015 us china hotline agreement?')).toBe(true);
    expect(writtenForPeople('rules of behavior mou chicago convention mmca')).toBe(false);
    expect(writtenForPeople('mmca 2026')).toBe(false);
  });

  it('names an entry by its first question for people, else by its words', () => {
    expect(choiceLabel(entry('a', { questions: ['mmca schedule', 'How often do MMCA talks happen?'] }))).toBe('How often do MMCA talks happen?');
    expect(choiceLabel(entry('b', { questions: ['mmca schedule'], date: '1998' }))).toBe('1998: Text of b.');
  });
});

describe('relevance', () => {
  it('pages the answer and the results that stay close to it, in order', () => {
    const results = [result('a', 1), result('b', 0.74), result('c', 0.37), result('d', 0.62)];
    expect(relevantResults({ results }).map((r) => r.entry.id)).toEqual(['a', 'b', 'd']);
    expect(relevantResults({ results: [] })).toEqual([]);
  });

  it('offers did-you-mean choices only when they are close enough to be on topic', () => {
    expect(onTopicChoices({ results: [result('a', 0.38), result('b', 0.09), result('c', 0.3)] }).map((r) => r.entry.id)).toEqual(['a', 'c']);
    expect(onTopicChoices({ results: [result('a', 0.15)] })).toEqual([]);
  });
});
