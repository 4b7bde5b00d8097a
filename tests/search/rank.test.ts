import { describe, expect, it } from 'vitest';
import { buildAliasTable } from '../../src/search/aliases';
import { buildIndex } from '../../src/search/inverted-index';
import { analyzeQuery } from '../../src/search/query';
import { createScratch, rank } from '../../src/search/rank';
import { createTypoCorrector } from '../../src/search/typo';

const docs = [
  { text: 'The hotline between Washington and Moscow went into service in 1963.' },
  { text: 'A hotline links the Indian and Pakistani armies.' },
  { text: 'Moscow weather report.' },
  { text: 'Unrelated text about ships.', questions: ['When did the Moscow link open?'] },
];
const aliases = buildAliasTable([], []);
const index = buildIndex(docs, aliases);
const typos = createTypoCorrector(index.vocabulary.keys(), () => 1);
const search = (q: string) => rank(index, analyzeQuery(q, { index, aliases, typos }).concepts, createScratch(docs.length), { limit: 5, coveragePower: 1 });

describe('rank', () => {
  it('puts the entry matching most of the rare words first', () => {
    expect(search('washington moscow hotline')[0]!.doc).toBe(0);
  });
  it('counts a word no entry holds against coverage, a very common English word far less than a rare one', () => {
    const common = search('washington moscow hotline guy')[0]!;
    const rare = search('washington moscow hotline filoli')[0]!;
    expect(common.doc).toBe(0);
    expect(rare.coverage).toBeLessThan(0.6);
    expect(common.coverage).toBeGreaterThan(rare.coverage + 0.1);
  });
  it('reports (nearly) full coverage when every word matches in the text', () => {
    const top = search('washington moscow hotline')[0]!;
    expect(top.matched).toBe(3);
    expect(top.coverage).toBeGreaterThan(0.8);
  });
  it('finds an entry by the words of its curated question', () => {
    const hits = search('moscow link open');
    expect(hits[0]!.doc).toBe(3);
  });
  it('counts unknown words against coverage', () => {
    expect(search('moscow hotline zebrafish')[0]!.coverage).toBeLessThan(0.7);
  });
  it('matches through typo correction', () => {
    expect(search('washingtn hotlne')[0]!.doc).toBe(0);
  });
  it('returns nothing for stopwords only', () => {
    expect(search('what is the')).toEqual([]);
  });
  it('reuses scratch buffers without leaking scores between queries', () => {
    const scratch = createScratch(docs.length);
    const q = analyzeQuery('moscow', { index, aliases, typos }).concepts;
    const first = rank(index, q, scratch, { limit: 5, coveragePower: 1 });
    const second = rank(index, q, scratch, { limit: 5, coveragePower: 1 });
    expect(second).toEqual(first);
  });
});
