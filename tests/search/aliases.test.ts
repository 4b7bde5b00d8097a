import { describe, expect, it } from 'vitest';
import { acronymsIn, buildAliasTable, findConcepts } from '../../src/search/aliases';
import { tokenize } from '../../src/search/normalize';

const terms = (s: string) => tokenize(s).map((t) => t.term);

describe('acronymsIn', () => {
  it('pairs an acronym with the words it abbreviates', () => {
    expect(acronymsIn('signed the Military Maritime Consultative Agreement (MMCA) in Beijing')).toEqual([['MMCA', 'Military Maritime Consultative Agreement']]);
    expect(acronymsIn('the Code for Unplanned Encounters at Sea (CUES)')).toEqual([['CUES', 'Code for Unplanned Encounters at Sea']]);
  });
  it('ignores parentheses that are not acronyms of the words before', () => {
    expect(acronymsIn('the hotline (DTL) was new')).toEqual([]);
  });
});

describe('alias table', () => {
  const table = buildAliasTable(
    [{ terms: ['PLA', "People's Liberation Army"] }, { terms: ['DTL', 'Defense Telephone Link'] }],
    ['a Defense Telephone Link (DTL)'],
  );
  it('gives every spelling of a name the same concept', () => {
    const a = findConcepts(terms("the People's Liberation Army"), table);
    const b = findConcepts(terms('the PLA'), table);
    expect(a).toHaveLength(1);
    expect(a[0]!.concept).toBe(b[0]!.concept);
  });
  it('matches the longest phrase first', () => {
    const m = findConcepts(terms('defense telephone link'), table);
    expect(m).toEqual([{ start: 0, end: 3, concept: findConcepts(terms('dtl'), table)[0]!.concept }]);
  });
  it('gives a plural memorandum the concept of an MOU', () => {
    const mou = buildAliasTable([{ terms: ['MOU', 'memoranda of understanding'] }], []);
    expect(findConcepts(terms('memorandums'), mou)[0]!.concept).toBe(findConcepts(terms('memoranda of understanding'), mou)[0]!.concept);
  });
  it('knows built-in demonyms', () => {
    expect(findConcepts(terms('chinese'), table)[0]!.concept).toBe(findConcepts(terms('china'), table)[0]!.concept);
  });
  it('knows every country of the gazetteer by its names and demonyms, and tells countries from forces', () => {
    const concept = (w: string) => findConcepts(terms(w), table)[0]!.concept;
    expect(concept('israelis')).toBe(concept('israel'));
    expect(concept('socialist republic of vietnam')).toBe(concept('vietnamese'));
    expect(concept('viet nam')).toBe(concept('vietnam'));
    expect(concept('united states of america')).toBe(concept('us'));
    expect(concept('republic of china')).toBe(concept('taiwan'));
    expect(concept("people's republic of china")).toBe(concept('china'));
    for (const w of ['china', 'israel', 'vietnam', 'soviet union', 'korea', 'burkina faso']) expect(table.countries.has(concept(w))).toBe(true);
    expect(table.countries.has(concept('pla'))).toBe(false);
    expect(table.countryName.get(concept('vietnamese'))).toBe('Vietnam');
    // A name with its state form taken off ("Republic of Turkey"), unless another country goes by it too.
    expect(concept('turkey')).toBe(concept('turkish'));
    expect(concept('korea')).not.toBe(concept('south korea'));
    expect(concept('china')).not.toBe(concept('taiwan'));
  });
  it('keeps what a group is when groups are added before it', () => {
    const more = buildAliasTable([{ terms: ['CUES', 'Code for Unplanned Encounters at Sea'] }, { terms: ['Zhongnanhai', 'the leadership compound'] }], []);
    const concept = (w: string) => findConcepts(terms(w), more)[0]!.concept;
    expect(more.countries.has(concept('vietnam'))).toBe(true);
    expect(more.countries.has(concept('cues'))).toBe(false);
  });
});

describe('alias table: built-in groups merged once per process', () => {
  it("a base's synonyms never reach a table built for another base", () => {
    const joined = buildAliasTable([{ terms: ['Moscow', 'Zorbland'] }, { terms: ['China', 'Quuxia'] }], []);
    const plain = buildAliasTable([], []);
    const concept = (table: ReturnType<typeof buildAliasTable>, s: string) => findConcepts(terms(s), table)[0]?.concept;
    expect(concept(joined, 'zorbland')).toBe(concept(joined, 'kremlin'));
    expect(joined.countries.has(concept(joined, 'quuxia')!)).toBe(true);
    expect(concept(plain, 'zorbland')).toBeUndefined();
    expect(concept(plain, 'quuxia')).toBeUndefined();
    // A base group joining two built-in groups makes them one (the table is then merged in full, not extended).
    const both = buildAliasTable([{ terms: ['China', 'Russia'] }], []);
    expect(concept(both, 'chinese')).toBe(concept(both, 'russians'));
    expect(both.countries.has(concept(both, 'russia')!)).toBe(true);
    expect(concept(plain, 'china')).not.toBe(concept(plain, 'russia'));
    // A base's own group is numbered after the built-in ones, and its phrases are found from their first word.
    const own = buildAliasTable([{ terms: ['Zorbland Accord', 'ZA'] }], []);
    expect(concept(own, 'the zorbland accord')).toBe(concept(own, 'za'));
    expect(concept(own, 'china')).toBe(concept(plain, 'china'));
    // The same groups give the same table, whatever was built in between.
    expect([...buildAliasTable([], []).phrases]).toEqual([...plain.phrases]);
  });
});
