import type { Synonym } from '../knowledge/schema';
import { tokenize } from './normalize';

// Equivalent names ("PLA" / "People's Liberation Army") become one concept term ("~7") that both the
// index and the query carry, so any spelling of the name matches any other.

/**
 * Generic equivalences that hold whatever the knowledge says: demonyms, spelling variants and
 * common acronyms. Facts about the subject belong in the knowledge base's `synonyms:`, not here.
 */
const BUILT_IN: readonly string[][] = [
  ['us', 'usa', 'united states', 'united states of america', 'america', 'american', 'americans'],
  ['china', 'chinese', 'prc', "people's republic of china"],
  ['soviet', 'soviets', 'soviet union', 'ussr'],
  ['russia', 'russian', 'russians', 'russian federation'],
  ['india', 'indian'],
  ['pakistan', 'pakistani'],
  ['japan', 'japanese'],
  ['korea', 'korean'],
  ['taiwan', 'taiwanese'],
  ['pla', "people's liberation army"],
  ['cuba', 'cuban'],
  ['israel', 'israeli', 'israelis'],
  ['iran', 'iranian', 'iranians'],
  ['ukraine', 'ukrainian', 'ukrainians'],
  ['syria', 'syrian'],
  ['vietnam', 'vietnamese'],
  ['philippines', 'philippine', 'filipino'],
  ['iraq', 'iraqi'],
  ['afghanistan', 'afghan'],
  ['britain', 'british', 'uk', 'united kingdom'],
  ['france', 'french'],
  ['germany', 'german'],
  ['australia', 'australian'],
  ['dod', 'department of defense', 'defense department'],
  ['defense', 'defence'],
  ['center', 'centre'],
  ['dialog', 'dialogue', 'dialogs', 'dialogues'],
  ['mil-to-mil', 'military-to-military', 'mil to mil', 'military to military'],
  ['phone', 'telephone'],
  ['memo', 'memos', 'memorandum', 'memorandums', 'memoranda', 'mou', 'mous'],
  ['treaty', 'agreement'],
  ['kremlin', 'moscow'],
  ['mod', 'ministry of defense', 'defense ministry'],
  ['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['jun', 'june'], ['jul', 'july'],
  ['aug', 'august'], ['sep', 'sept', 'september'], ['oct', 'october'], ['nov', 'november'], ['dec', 'december'],
];

/**
 * Capitals that stand for their country in questions ("does washington have a hotline to pyongyang"): a
 * question naming one is answered only by an entry that names the city or one of these countries.
 */
export const CAPITAL_OF: Readonly<Record<string, readonly string[]>> = {
  washington: ['us'],
  beijing: ['china'],
  moscow: ['soviet', 'russia'],
  kremlin: ['soviet', 'russia'],
  pyongyang: ['korea'],
  seoul: ['korea'],
  tokyo: ['japan'],
  delhi: ['india'],
  islamabad: ['pakistan'],
  taipei: ['taiwan'],
};

/** The first built-in groups name countries and forces; the rest are spelling variants. */
const ENTITY_BUILT_INS = 23;
/** The first built-in groups name the countries the base is about. */
const COUNTRY_BUILT_INS = 9;
/** Groups 10 to 22 name other countries: they tell which two sides a line is between, not what an answer must name. */
const OTHER_COUNTRIES = { from: 10, to: 23 };

export type AliasTable = {
  /** Stemmed phrase ("peopl liber armi") → concept term ("~3"). */
  phrases: ReadonlyMap<string, string>;
  /** Longest phrase, in words. */
  maxWords: number;
  /**
   * Concepts that name a thing — a country, a force, an agreement, a person — rather than a spelling
   * variant: a question naming one is not answered by an entry that does not mention it.
   */
  entities: ReadonlySet<string>;
  /**
   * Concepts that name a country (built-in groups only). A country is the one context word a question
   * cannot do without: "when did the korean war end" is not answered by the end of the Cold War.
   */
  countries: ReadonlySet<string>;
  /** The countries, and others the base is not about: what the two sides of a line may be. */
  nations: ReadonlySet<string>;
  /** First term → phrases that start with it, longest first: most words start no phrase at all. */
  byFirst: ReadonlyMap<string, ReadonlyArray<{ terms: readonly string[]; concept: string }>>;
};

/** "Military Maritime Consultative Agreement (MMCA)" → ["MMCA", "Military Maritime Consultative Agreement"]. */
export function acronymsIn(text: string): string[][] {
  const found: string[][] = [];
  for (const match of text.matchAll(/\(([A-Z][A-Z0-9]{1,7}|[A-Z][a-z]?[A-Z]{1,6})s?\)/g)) {
    const acronym = match[1]!;
    const before = text.slice(Math.max(0, match.index! - 160), match.index!).split(/[\s\u2010-\u2015-]+/).filter(Boolean);
    const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
    let li = letters.length - 1;
    let wi = before.length - 1;
    const taken: string[] = [];
    while (li >= 0 && wi >= 0) {
      const word = before[wi]!.replace(/[^\p{L}\p{N}']/gu, '');
      const initial = word.charAt(0).toLowerCase();
      if (initial === letters[li]) {
        taken.unshift(word);
        li--;
      } else if (/^(of|and|the|for|on|in|at|to|a|&)$/i.test(word) && taken.length > 0) {
        taken.unshift(word);
      } else break;
      wi--;
    }
    if (li < 0 && taken.length >= 2) found.push([acronym, taken.join(' ')]);
  }
  return found;
}

/** Merges overlapping groups (a term in two groups joins them) and gives each group a concept term. */
export function buildAliasTable(synonyms: readonly Synonym[], texts: Iterable<string>): AliasTable {
  const groups: string[][] = [...BUILT_IN.map((g) => [...g]), ...synonyms.map((s) => [...s.terms])];
  for (const text of texts) groups.push(...acronymsIn(text));
  const entityGroups = new Set(groups.filter((g, i) => i < ENTITY_BUILT_INS || i >= BUILT_IN.length));
  const countryGroups = new Set(groups.slice(0, COUNTRY_BUILT_INS));
  const otherCountryGroups = new Set(groups.slice(OTHER_COUNTRIES.from, OTHER_COUNTRIES.to));

  const keyOf = (phrase: string) =>
    tokenize(phrase)
      .map((t) => t.term)
      .join(' ');
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const entityKeys = new Set<string>();
  const countryKeys = new Set<string>();
  const otherCountryKeys = new Set<string>();
  for (const group of groups) {
    const keys = group.map(keyOf).filter(Boolean);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    if (entityGroups.has(group)) for (const key of keys) entityKeys.add(key);
    if (countryGroups.has(group)) for (const key of keys) countryKeys.add(key);
    if (otherCountryGroups.has(group)) for (const key of keys) otherCountryKeys.add(key);
    for (const key of keys.slice(1)) {
      const a = find(keys[0]!);
      const b = find(key);
      if (a !== b) parent.set(b, a);
    }
  }
  const conceptOfRoot = new Map<string, string>();
  const phrases = new Map<string, string>();
  let maxWords = 1;
  for (const key of parent.keys()) {
    const root = find(key);
    let concept = conceptOfRoot.get(root);
    if (!concept) {
      concept = `~${conceptOfRoot.size}`;
      conceptOfRoot.set(root, concept);
    }
    phrases.set(key, concept);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  const entities = new Set<string>();
  for (const key of entityKeys) entities.add(phrases.get(key)!);
  const countries = new Set<string>();
  for (const key of countryKeys) countries.add(phrases.get(key)!);
  const nations = new Set(countries);
  for (const key of otherCountryKeys) nations.add(phrases.get(key)!);
  const byFirst = new Map<string, Array<{ terms: string[]; concept: string }>>();
  for (const [key, concept] of phrases) {
    const terms = key.split(' ');
    const list = byFirst.get(terms[0]!) ?? [];
    list.push({ terms, concept });
    byFirst.set(terms[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length);
  return { phrases, maxWords, byFirst, entities, countries, nations };
}

export type ConceptMatch = { start: number; end: number; concept: string };

/** Longest-first, left-to-right matches of alias phrases in a list of terms. */
export function findConcepts(terms: readonly string[], table: AliasTable): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  let i = 0;
  while (i < terms.length) {
    const candidates = table.byFirst.get(terms[i]!);
    let advanced = false;
    if (candidates) {
      for (const c of candidates) {
        if (i + c.terms.length > terms.length) continue;
        let k = 1;
        while (k < c.terms.length && terms[i + k] === c.terms[k]) k++;
        if (k === c.terms.length) {
          out.push({ start: i, end: i + k, concept: c.concept });
          i += k;
          advanced = true;
          break;
        }
      }
    }
    if (!advanced) i++;
  }
  return out;
}

/** Every alias phrase at every position, overlaps included: what an indexed text can be found by. */
export function findAllConcepts(terms: readonly string[], table: AliasTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const candidates = table.byFirst.get(terms[i]!);
    if (!candidates) continue;
    for (const c of candidates) {
      if (i + c.terms.length > terms.length) continue;
      let k = 1;
      while (k < c.terms.length && terms[i + k] === c.terms[k]) k++;
      if (k === c.terms.length && !out.includes(c.concept)) out.push(c.concept);
    }
  }
  return out;
}
