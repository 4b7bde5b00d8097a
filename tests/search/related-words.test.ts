import { describe, expect, it } from 'vitest';
import { buildAliasTable } from '../../src/search/aliases';
import { buildIndex } from '../../src/search/inverted-index';
import { analyzeQuery } from '../../src/search/query';
import { relatedTerms } from '../../src/search/related-words';
import { stem } from '../../src/search/stem';
import { createTypoCorrector } from '../../src/search/typo';

describe('related words', () => {
  it('links words that stand for one another, by stem, both ways', () => {
    expect(relatedTerms(stem('cancel'))).toContain(stem('suspended'));
    expect(relatedTerms(stem('suspend'))).toContain(stem('cancel'));
    expect(relatedTerms(stem('hotline'))).not.toContain(stem('hotline'));
    expect(relatedTerms('zebrafish')).toEqual([]);
    expect(relatedTerms(stem('job'))).toContain(stem('career'));
    expect(relatedTerms(stem('sentence'))).toContain(stem('message'));
    expect(relatedTerms(stem('adopted'))).toContain(stem('approved'));
  });
  it('adds related terms to a query concept at a lower factor, only when asked', () => {
    const aliases = buildAliasTable([], []);
    const index = buildIndex([{ text: 'China suspended the talks.' }], aliases);
    const typos = createTypoCorrector(index.vocabulary.keys(), () => 1);
    const withRelated = analyzeQuery('cancel', { index, aliases, typos, relatedFactor: 0.5 }).concepts[0]!;
    expect(withRelated.alts[0]).toEqual({ term: stem('cancel'), factor: 1 });
    expect(withRelated.alts).toContainEqual({ term: stem('suspend'), factor: 0.5 });
    expect(analyzeQuery('cancel', { index, aliases, typos }).concepts[0]!.alts).toHaveLength(1);
  });
});
