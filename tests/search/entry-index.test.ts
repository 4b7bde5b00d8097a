import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { buildEntryIndex, documentOf, isQuantity, questionKind, statesQuantity } from '../../src/search/entry-index';

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
