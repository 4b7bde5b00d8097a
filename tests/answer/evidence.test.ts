import { describe, expect, it } from 'vitest';
import { asksWhoWas, buildEvidenceReader, dayIn, shapesOf } from '../../src/answer/evidence';
import { tokenize } from '../../src/search/normalize';
import { buildEntryIndex } from '../../src/search/entry-index';
import { smallBase } from './fixture';
import type { Entry } from '../../src/knowledge/schema';

const fact = (text: string) => ({ id: 'e', kind: 'fact', text, topics: ['t'], sources: ['s'] }) as unknown as Entry;

describe('dayIn', () => {
  it('reads a day named with its month, either way round', () => {
    expect(dayIn(['the', 'june', '5', '1967', 'message'])).toEqual({ month: 6, day: 5 });
    expect(dayIn(['on', '10th', 'may'])).toEqual({ month: 5, day: 10 });
    expect(dayIn(['in', 'june', '1967'])).toBeUndefined();
    expect(dayIn(['may', 'the', 'talks', 'resume'])).toBeUndefined();
  });
});

describe('shapesOf', () => {
  it('reads a person from a title and a name, or from people named as a group', () => {
    expect(shapesOf(fact('Secretary Austin called Adm. Dong.'), false, false).has('person')).toBe(true);
    expect(shapesOf(fact('The agreement was negotiated by military officers, not diplomats.'), false, false).has('person')).toBe(true);
    expect(shapesOf(fact('The line was tested every hour.'), false, false).has('person')).toBe(false);
  });

  it('reads a length of time, not the ordinal "a second"', () => {
    expect(shapesOf(fact('The meeting lasted about 75 minutes.'), false, false).has('duration')).toBe(true);
    expect(shapesOf(fact('There was a 20-second pause on the line.'), false, false).has('duration')).toBe(true);
    expect(shapesOf(fact('They had a second conversation after the meeting.'), false, false).has('duration')).toBe(false);
  });

  it('reads a plan from reported speech ("would be held"), not from a past meeting', () => {
    expect(shapesOf(fact('Reuters reported that a follow-up meeting would be held in 2026.'), false, false).has('plan')).toBe(true);
    expect(shapesOf(fact('The working group met in Honolulu in November 2025.'), false, false).has('plan')).toBe(false);
  });

  it('reads a time of day written as military hours, and a weekday', () => {
    expect(shapesOf(fact('Both sides would stop firing from 1700 hours.'), false, false).has('time')).toBe(true);
    expect(shapesOf(fact('The call was held on 9 September 2025.'), false, false).has('time')).toBe(false);
    expect(shapesOf(fact('The DGMOs talk every Tuesday.'), false, false).has('weekday')).toBe(true);
    expect(shapesOf(fact('The call was held on 9 September 2025.'), false, false).has('weekday')).toBe(false);
  });
});

describe('describesPerson', () => {
  const base = smallBase('us-china', 'U.S.–China military channels', [
    '  - id: declined',
    "    text: In June 2023 China's then-defense minister, Li Shangfu, turned down a meeting with Austin.",
    '    topics: [us-china]',
    '    sources: [s1]',
    '  - id: vtc',
    "    text: Adm. Paparo held a video call with Gen. Wu Yanan, commander of the PLA's Southern Theater.",
    '    topics: [us-china]',
    '    sources: [s1]',
    '  - id: passing',
    '    text: The talks went on. Li Shangfu was not there; the ministry did not say why.',
    '    topics: [us-china]',
    '    sources: [s1]',
    '  - id: appointed',
    "    text: Dong Jun became China's Minister of National Defense in December 2023.",
    '    topics: [us-china]',
    '    sources: [s1]',
    '  - id: spelling',
    "    text: China's defense minister's name is written Dong Jun; some outlets misspell it.",
    '    topics: [us-china]',
    '    sources: [s1]',
    '  - id: pair',
    '    text: Dong Jun and Defense Secretary Hegseth held their first call in September 2025.',
    '    topics: [us-china]',
    '    sources: [s1]',
  ]);
  const search = buildEntryIndex(base);
  const reader = buildEvidenceReader(base, search);
  const score = (question: string, id: string) => {
    const { query, hits } = search.search(question, { limit: 10 });
    return reader.describesPerson(
      query,
      hits.find((h) => h.entry.id === id)!,
    );
  };
  it('reads a role set beside the name by a comma, and a title with its full stop, as describing the person', () => {
    expect(score('who is li shangfu', 'declined')).toBe(2);
    expect(score('who is wu yanan', 'vtc')).toBe(2);
  });
  it('reads "who was X" of a name as "who is X"', () => {
    expect(score('who was li shangfu', 'declined')).toBe(2);
    expect(asksWhoWas(tokenize('who was mark milley'))).toBe(true);
    expect(asksWhoWas(tokenize('who was the pilot who landed on hainan'))).toBe(false);
    expect(asksWhoWas(tokenize('who is mark milley'))).toBe(false);
  });
  it('reads an entry opening with the person as its subject as about him, above one naming him with a role', () => {
    expect(score('who is dong jun', 'appointed')).toBe(3);
    expect(score('who is dong jun', 'spelling')).toBe(2);
    expect(score('who is dong jun', 'pair')).toBe(2);
  });
  it('reads a name with no role near it as naming the person only', () => {
    expect(score('who is li shangfu', 'passing')).toBe(1);
  });
});
