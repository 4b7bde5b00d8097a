import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import committed from '../../src/search/irregular-verbs.json' with { type: 'json' };
import { baseForm, selectIrregularForms, type Lexicon } from '../../src/search/irregular-verbs';
import { term } from '../../src/search/normalize';
import { LIGHT_VERBS } from '../../src/search/query';

const require = createRequire(import.meta.url);

describe('baseForm', () => {
  it('brings irregular forms home', () => {
    expect(baseForm('met')).toBe('meet');
    expect(baseForm('spoke')).toBe('speak');
    expect(baseForm('held')).toBe('hold');
    expect(baseForm('talks')).toBe('talks');
  });
  it('leaves nouns, modals, verbs of their own and light verbs alone', () => {
    for (const w of ['crew', 'ground', 'might', 'found', 'lay', 'wound', 'took', 'ran']) expect(baseForm(w)).toBe(w);
  });
  it('gives the form the same index term as its base', () => {
    expect(term('met')).toBe(term('meeting'));
    expect(term('led')).toBe(term('leading'));
    expect(term('spoken')).toBe(term('speaks'));
  });
});

describe('selectIrregularForms', () => {
  const lexicon: Lexicon = { crew: ['NN'], met: ['VBD', 'VBN'], found: ['VBD', 'VBN', 'VB'], founded: ['VBN', 'VBD'], took: ['VBD'] };
  it('keeps forms that stem apart from their base, and no others', () => {
    const verbs = { met: 'meet', meet: 'meet', crew: 'crow', found: 'find', took: 'take', dreamed: 'dream', was: 'be' };
    expect(selectIrregularForms(verbs, lexicon, new Set(['take']))).toEqual({ met: 'meet' });
  });
  it('is what `npm run gen:irregular-verbs` last wrote', () => {
    const verbs = require('wink-lexicon/src/irregular-verbs.js') as Record<string, string>;
    const wink = require('wink-lexicon/src/lexicon.js') as Lexicon;
    expect(selectIrregularForms(verbs, wink, LIGHT_VERBS)).toEqual(committed);
  });
});
