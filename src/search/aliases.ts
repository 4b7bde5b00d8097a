import type { Synonym } from '../knowledge/schema';
import { COUNTRIES } from './gazetteer';
import { tokenize } from './normalize';

// Equivalent names ("PLA" / "People's Liberation Army") become one concept term ("~7") that both the
// index and the query carry, so any spelling of the name matches any other.

/**
 * What a group of equivalent names is: a country (the gazetteer's, or one it lacks: the Soviet Union, "Korea"),
 * or a spelling variant (acronyms, British and American spellings, month abbreviations). Tagged, not told
 * apart by position, so adding a group never changes what another one is.
 */
export type AliasKind = 'country' | 'spelling';
/** `label`: how a reply names a country ("Vietnam"). */
export type AliasGroup = { kind: AliasKind; terms: readonly string[]; label?: string };

const country = (label: string, ...terms: string[]): AliasGroup => ({ kind: 'country', terms, label });
const spelling = (...terms: string[]): AliasGroup => ({ kind: 'spelling', terms });

/**
 * Generic equivalences that hold whatever the knowledge says. Countries come from the gazetteer
 * (gazetteer.ts); these add what people type that it lacks. Facts about the subject belong in the knowledge
 * base's `synonyms:`, not here.
 */
const BUILT_IN: readonly AliasGroup[] = [
  country('the United States', 'us', 'usa', 'united states', 'united states of america', 'america', 'american', 'americans'),
  country('China', 'china', 'chinese', 'prc', "people's republic of china"),
  country('the Soviet Union', 'soviet', 'soviets', 'soviet union', 'ussr'),
  country('Russia', 'russia', 'russian', 'russians', 'russian federation'),
  country('Korea', 'korea', 'korean'),
  country('the Philippines', 'philippines', 'philippine', 'filipino'),
  country('Britain', 'britain', 'british', 'uk', 'united kingdom'),
  spelling('pla', "people's liberation army"),
  spelling('dod', 'department of defense', 'defense department'),
  spelling('defense', 'defence'),
  spelling('center', 'centre'),
  spelling('dialog', 'dialogue', 'dialogs', 'dialogues'),
  spelling('mil-to-mil', 'military-to-military', 'mil to mil', 'military to military'),
  spelling('phone', 'telephone'),
  spelling('memo', 'memos', 'memorandum', 'memorandums', 'memoranda', 'mou', 'mous'),
  spelling('treaty', 'agreement'),
  spelling('kremlin', 'moscow'),
  spelling('mod', 'ministry of defense', 'defense ministry'),
  ...[
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'sept', 'september'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].map((g) => spelling(...g)),
  // A demonym's plural is what people type ("the israelis", "iranians"); the gazetteer gives the singular.
  ...COUNTRIES.map((c) => country(c.name, ...c.names, ...c.names.filter((n) => /[^s]$/.test(n) && !n.includes(' ') && /(an|i)$/.test(n)).map((n) => `${n}s`))),
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

export type AliasTable = {
  /** Stemmed phrase ("peopl liber armi") → concept term ("~3"). */
  phrases: ReadonlyMap<string, string>;
  /** Longest phrase, in words. */
  maxWords: number;
  /**
   * Concepts that name a country. A country is the one context word a question cannot do without: "when did
   * the korean war end" is not answered by the end of the Cold War; they are also what the two sides of a line are.
   */
  countries: ReadonlySet<string>;
  /** A country concept → its usual name ("Vietnam"), for replies that say what the base does not cover. */
  countryName: ReadonlyMap<string, string>;
  /** First term → phrases that start with it, longest first: most words start no phrase at all. */
  byFirst: ReadonlyMap<string, ReadonlyArray<{ terms: readonly string[]; concept: string }>>;
};

/** "Military Maritime Consultative Agreement (MMCA)" → ["MMCA", "Military Maritime Consultative Agreement"]. */
export function acronymsIn(text: string): string[][] {
  const found: string[][] = [];
  // Most texts have no parenthesis at all: this runs over every entry's text and keywords at each build.
  if (!text.includes('(')) return found;
  for (const match of text.matchAll(/\(([A-Z][A-Z0-9]{1,7}|[A-Z][a-z]?[A-Z]{1,6})s?\)/g)) {
    const acronym = match[1]!;
    const before = text
      .slice(Math.max(0, match.index! - 160), match.index!)
      .split(/[\s\u2010-\u2015-]+/)
      .filter(Boolean);
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

/**
 * Phrase → its key, kept across builds: the built-in and gazetteer groups are the same for every base,
 * and reading their few thousand names again was a fixed cost of every build. Bounded for the acronyms
 * and synonyms a base brings.
 */
const PHRASE_KEYS = new Map<string, string>();
const PHRASE_KEY_LIMIT = 50_000;

/** Union-find over alias keys (key → parent; a root is its own parent), and the keys that name a country. */
type Groups = { parent: Map<string, string>; countryKeys: Map<string, string> };

const keyOf = (phrase: string) => {
  let key = PHRASE_KEYS.get(phrase);
  if (key === undefined) {
    key = tokenize(phrase)
      .map((t) => t.term)
      .join(' ');
    if (PHRASE_KEYS.size < PHRASE_KEY_LIMIT) PHRASE_KEYS.set(phrase, key);
  }
  return key;
};

function findRoot(parent: Map<string, string>, k: string): string {
  let root = k;
  while (parent.get(root) !== root) root = parent.get(root)!;
  parent.set(k, root);
  return root;
}

/** Adds groups, in order, to the union-find; returns the keys they list and, in order, those new to it. */
function addGroups(into: Groups, groups: Iterable<AliasGroup>): { listed: string[]; fresh: string[] } {
  const { parent, countryKeys } = into;
  const listed: string[] = [];
  const fresh: string[] = [];
  for (const group of groups) {
    const keys = group.terms.map(keyOf).filter(Boolean);
    for (const key of keys) {
      listed.push(key);
      if (!parent.has(key)) {
        parent.set(key, key);
        fresh.push(key);
      }
    }
    if (group.kind === 'country') for (const key of keys) if (!countryKeys.has(key)) countryKeys.set(key, group.label ?? group.terms[0]!);
    for (const key of keys.slice(1)) {
      const a = findRoot(parent, keys[0]!);
      const b = findRoot(parent, key);
      if (a !== b) parent.set(b, a);
    }
  }
  return { listed, fresh };
}

/**
 * The built-in and gazetteer groups, merged once per process: they are the same for every base, and merging
 * their few thousand names was a fixed cost of every build. Each build continues from a copy (Maps keep their
 * order, so the result is what merging every group in one pass gives). `table`: the alias table of these groups
 * alone, which a base's groups only add to unless they join two built-in groups (tableOf).
 */
let builtIn: (Groups & { words: Map<string, string[]>; table: AliasTable & { concepts: number } }) | undefined;

/** Merges overlapping groups (a term in two groups joins them) and gives each group a concept term. */
export function buildAliasTable(synonyms: readonly Synonym[], texts: Iterable<string>): AliasTable {
  if (!builtIn) {
    const groups: Groups = { parent: new Map(), countryKeys: new Map() };
    addGroups(groups, BUILT_IN);
    const words = new Map<string, string[]>();
    for (const key of groups.parent.keys()) words.set(key, key.split(' '));
    builtIn = { ...groups, words, table: tableOf(groups, (key) => words.get(key)!) };
  }
  const builtInWords = builtIn.words;
  const termsOf = (key: string) => builtInWords.get(key) ?? key.split(' ');
  const groups: AliasGroup[] = synonyms.map((s) => spelling(...s.terms));
  // Most texts hold no parenthesis: acronymsIn() is not even called for them.
  for (const text of texts) if (text.includes('(')) groups.push(...acronymsIn(text).map((g) => spelling(...g)));
  const merged: Groups = { parent: new Map(builtIn.parent), countryKeys: new Map(builtIn.countryKeys) };
  const added = addGroups(merged, groups);
  return extendTable(builtIn.table, merged, added, termsOf) ?? tableOf(merged, termsOf);
}

/** The alias table of merged groups: each group's concept numbered in the order of its first key. */
function tableOf(merged: Groups, termsOf: (key: string) => readonly string[]): AliasTable & { concepts: number } {
  const { parent, countryKeys } = merged;
  const find = (k: string) => findRoot(parent, k);
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
    maxWords = Math.max(maxWords, termsOf(key).length);
  }
  const countries = new Set<string>();
  const countryName = new Map<string, string>();
  for (const [key, name] of countryKeys) {
    const concept = phrases.get(key)!;
    countries.add(concept);
    if (!countryName.has(concept)) countryName.set(concept, name);
  }
  const byFirst = new Map<string, Array<{ terms: readonly string[]; concept: string }>>();
  for (const [key, concept] of phrases) {
    const terms = termsOf(key);
    const list = byFirst.get(terms[0]!) ?? [];
    list.push({ terms, concept });
    byFirst.set(terms[0]!, list);
  }
  for (const list of byFirst.values()) list.sort(longestFirst);
  return { phrases, maxWords, byFirst, countries, countryName, concepts: conceptOfRoot.size };
}

const longestFirst = (a: { terms: readonly string[] }, b: { terms: readonly string[] }) => b.terms.length - a.terms.length;

/**
 * What tableOf(merged) gives, worked out from the built-in groups' table and the base's groups alone, without
 * going over the few thousand built-in names again; undefined when a base group joins two built-in groups (their
 * concepts, and every later one's number, change: tableOf then does it all). A built-in group keeps its concept
 * and its number (its first key comes before any of the base's), and lends it to the base's keys joined to it;
 * a group of the base's keys alone is numbered after the built-in ones, in the order of its first key. Lists of
 * `byFirst` the base adds nothing to are the built-in table's own (read-only) lists.
 */
function extendTable(
  table: AliasTable & { concepts: number },
  merged: Groups,
  added: { listed: readonly string[]; fresh: readonly string[] },
  termsOf: (key: string) => readonly string[],
): AliasTable | undefined {
  const { parent } = merged;
  // Each group's built-in concept, from the built-in keys the base's groups list (a built-in group is joined
  // to anything only through one of its keys listed in a base group).
  const builtInConcept = new Map<string, string>();
  for (const key of added.listed) {
    const concept = table.phrases.get(key);
    if (concept === undefined) continue;
    const root = findRoot(parent, key);
    const seen = builtInConcept.get(root);
    if (seen !== undefined && seen !== concept) return undefined;
    builtInConcept.set(root, concept);
  }
  if (added.fresh.length === 0) return table;
  const phrases = new Map(table.phrases);
  const byFirst = new Map(table.byFirst);
  const grown = new Set<string>();
  let concepts = table.concepts;
  let maxWords = table.maxWords;
  for (const key of added.fresh) {
    const root = findRoot(parent, key);
    let concept = builtInConcept.get(root);
    if (concept === undefined) builtInConcept.set(root, (concept = `~${concepts++}`));
    phrases.set(key, concept);
    const terms = termsOf(key);
    maxWords = Math.max(maxWords, terms.length);
    const first = terms[0]!;
    const list = byFirst.get(first);
    if (list === undefined || !grown.has(first)) {
      byFirst.set(first, list ? [...list] : []);
      grown.add(first);
    }
    (byFirst.get(first) as Array<{ terms: readonly string[]; concept: string }>).push({ terms, concept });
  }
  // Stable: entries of one length stay in the order of their keys, built-in ones (sorted already) first.
  for (const first of grown) (byFirst.get(first) as Array<{ terms: readonly string[]; concept: string }>).sort(longestFirst);
  // Country keys are all built-in, and keep their concepts.
  return { phrases, maxWords, byFirst, countries: table.countries, countryName: table.countryName };
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
