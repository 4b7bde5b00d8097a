import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { buildEntryIndex, DEFAULT_TUNING, documentOf, isQuantity, questionKind, sequenceWordsOf, statesQuantity } from '../../src/search/entry-index';

/** A base of facts written "id: text", all under one topic and one source. */
function baseOf(facts: readonly string[]) {
  const loaded = loadKnowledgeFromStrings({
    'k.yaml': [
      'topics: [{id: t, name: T}]',
      'sources: [{id: s, kind: press, title: S, publisher: P}]',
      'facts:',
      ...facts.map((f) => `  - {id: ${f.slice(0, f.indexOf(':'))}, text: ${f.slice(f.indexOf(':') + 2)}, topics: [t], sources: [s]}`),
    ].join('\n'),
  });
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  return loaded.base;
}

describe('statesQuantity', () => {
  it('finds numbers and number words, but not dates', () => {
    expect(statesQuantity('They exchanged about twenty messages.')).toBe(true);
    expect(statesQuantity('The leaders met for about 100 minutes.')).toBe(true);
    expect(statesQuantity('between 5 and 10 June 1967')).toBe(true);
    expect(statesQuantity('The hotline went into service on 30 August 1963.')).toBe(false);
    expect(statesQuantity('Talks were held in November 2025 and on June 10, 1967, and in the 1990s.')).toBe(false);
  });
});

describe('questionKind', () => {
  it('reads the kind of answer a question asks for', () => {
    expect(questionKind('who signed it')).toBe(questionKind('whom did they meet'));
    expect(questionKind('what was the point of the JSDM')).toBe(questionKind('why was the JSDM set up'));
    expect(questionKind('What is the JSDM for?')).toBe(questionKind('why was the JSDM set up'));
    expect(questionKind('What led to the JSDM?')).toBe(questionKind('why was the JSDM set up'));
    expect(questionKind('what caused the 2022 freeze')).toBe(questionKind('why was the JSDM set up'));
    expect(questionKind('what year was it signed')).toBe(questionKind('when was it signed'));
    expect(questionKind('when was it signed')).not.toBe(questionKind('who signed it'));
    expect(questionKind('how many messages')).not.toBe(0);
    expect(questionKind('JSDM')).toBe(0);
    expect(questionKind('whos kurt campbell')).toBe(questionKind('who is kurt campbell'));
  });
});

describe('isQuantity', () => {
  it('takes number words, ordinals and numbers, but not years', () => {
    expect(['six', 'sixth', '15', '3rd', 'twice'].every(isQuantity)).toBe(true);
    expect(['1963', 'hotline', 'may'].some(isQuantity)).toBe(false);
  });
});

describe('documentOf', () => {
  it('indexes the words of an entry id, not its bare numbers', () => {
    const base = baseOf(['dpct17-2024-delegation-heads: Heads of the delegations.']);
    expect(documentOf(base.entries[0]!, base).id).toBe('dpct17 delegation heads');
  });
});

describe('capitals in questions', () => {
  it("match an entry that names the capital's country, nearly as fully as one that names the capital", () => {
    const base = baseOf([
      'a: China declined the request for talks.',
      'b: The embassy in Beijing forwarded the request for talks.',
      'c: The request for talks went unanswered.',
    ]);
    const { hits } = buildEntryIndex(base).search('did beijing decline the talks');
    const coverage = (id: string) => hits.find((h) => h.entry.id === id)?.coverage ?? 0;
    expect(coverage('a')).toBeGreaterThan(coverage('c'));
    expect(coverage('a')).toBeGreaterThan(0.8);
  });
});

describe('choosing between sibling entries', () => {
  // Two entries about one event; the second is the follow-up, and its curated question asks what came after.
  const loaded = loadKnowledgeFromStrings({
    'k.yaml': [
      'topics: [{id: t, name: Boats}]',
      'sources: [{id: s, kind: press, title: S, publisher: P}]',
      'facts:',
      '  - id: zephyr-rescue',
      '    text: On 3 May the patrol boat Zephyr rescued the crew of a trawler in fog off the cape.',
      '    topics: [t]',
      '    sources: [s]',
      '    questions: [Did the Zephyr rescue the trawler crew?, When did the Zephyr rescue the trawler crew?]',
      '    keywords: [Zephyr rescue, trawler crew]',
      '  - id: zephyr-second-rescue',
      '    text: A week later the Zephyr saved a fishing crew once more, near the harbour.',
      '    topics: [t]',
      '    sources: [s]',
      '    questions: [Did the Zephyr rescue a crew again after the trawler?]',
    ].join('\n'),
  });
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  const base = loaded.base;
  const order = (index: ReturnType<typeof buildEntryIndex>, q: string) => index.search(q).hits.map((h) => h.entry.id);

  it('prefers the entry whose curated question asks, as the question does, what came after', () => {
    const q = 'did the zephyr rescue a trawler crew again after that';
    const off = buildEntryIndex(base, { ...DEFAULT_TUNING, intentBoost: { ...DEFAULT_TUNING.intentBoost, sequence: 1 } });
    expect(order(off, q)[0]).toBe('zephyr-rescue');
    expect(order(buildEntryIndex(base), q)[0]).toBe('zephyr-second-rescue');
  });

  /** The boost named multiplies the score of the entry of that shape, and leaves the other's alone. */
  function expectBoosted(lines: string[], q: string, boost: 'where' | 'when', shaped: string, other: string) {
    const small = baseOf(lines);
    const off = buildEntryIndex(small, { ...DEFAULT_TUNING, intentBoost: { ...DEFAULT_TUNING.intentBoost, [boost]: 1 } });
    const on = buildEntryIndex(small);
    const scoreOf = (index: ReturnType<typeof buildEntryIndex>, id: string) => index.search(q).hits.find((h) => h.entry.id === id)!.score;
    expect(DEFAULT_TUNING.intentBoost[boost]).toBeGreaterThan(1);
    expect(scoreOf(on, shaped) / scoreOf(off, shaped)).toBeCloseTo(DEFAULT_TUNING.intentBoost[boost]);
    expect(scoreOf(on, other)).toBeCloseTo(scoreOf(off, other));
  }

  it('prefers, for a "where" question, the entry that names a place', () => {
    expectBoosted(
      ['zephyr-talks-agenda: The zephyr talks covered rescue drills and radio checks.', 'zephyr-talks-venue: The zephyr talks were held in Canberra.'],
      'where were the zephyr talks held',
      'where',
      'zephyr-talks-venue',
      'zephyr-talks-agenda',
    );
  });

  it('prefers, for a "when" question, the entry whose text gives a date', () => {
    expectBoosted(
      ['zephyr-talks-agenda: The zephyr talks covered rescue drills and radio checks.', 'zephyr-talks-date: The zephyr talks opened in March 1999.'],
      'when were the zephyr talks',
      'when',
      'zephyr-talks-date',
      'zephyr-talks-agenda',
    );
  });

  it('leaves a question without sequence words alone', () => {
    const q = 'did the zephyr rescue a trawler crew';
    const off = buildEntryIndex(base, { ...DEFAULT_TUNING, intentBoost: { ...DEFAULT_TUNING.intentBoost, sequence: 1 } });
    expect(order(buildEntryIndex(base), q)).toEqual(order(off, q));
  });
});

describe('sequenceWordsOf', () => {
  it('reads the stopwords that ask what came before or after, each once', () => {
    expect(sequenceWordsOf(['did', 'they', 'meet', 'again', 'after', 'the', 'talks', 'and', 'again'])).toEqual(['again', 'after']);
    expect(sequenceWordsOf(['where', 'did', 'it', 'land'])).toEqual([]);
  });
});
