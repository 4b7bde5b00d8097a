import type { Entry } from '../knowledge/schema';
import { term, tokenize } from '../search/normalize';
import type { AnalyzedQuery } from '../search/query';
import { WH_WORDS } from '../search/stopwords';
import { TITLES } from './speaker';

// Names in a question that the base never mentions, told by their shape rather than from a list: a system's
// designator ("DF-21", "F-35"), an acronym typed in capitals ("CENTCOM", "AUKUS"), or an unknown word that
// names a place, an event or a pact by the noun it comes with ("the warsaw pact", "the yom kippur war",
// "zhenbao island") or by a title before it ("president putin"), or a compass word the base never puts before a name it puts other compass words before
// ("the eastern theater command" of a base that knows only the Southern one). A question about one is about
// something else than whatever else it shares with an entry.

/** "DF-21", "J-11", "p8", "EP-3": one to three letters, then one to three digits, with or without a hyphen (and a plural "F-35s"). */
const DESIGNATOR = /\b([a-z]{1,3})-?(\d{1,3})(?=s?\b)/gi;
/** Acronyms in capitals, as typed: three letters or more. */
const CAPITALS = /\b[A-Z]{3,}s?\b/g;

/** Nouns that make the word before them a proper name: "X pact", "X war", "X island", "X summit". */
const NAME_HEADS = new Set([
  'pact',
  'war',
  'wars',
  'valley',
  'clash',
  'clashes',
  'island',
  'islands',
  'street',
  'summit',
  'strait',
  'treaty',
  'accord',
  'accords',
  'incident',
  'crisis',
  'standoff',
  'dispute',
  'conflict',
  'uprising',
  'invasion',
  'blockade',
  'massacre',
  'bombing',
  'offensive',
  'airbase',
  'doctrine',
  'reef',
  'shoal',
  'atoll',
  'peninsula',
  'province',
  // Forces and units: "the fujian carrier", "the seventh fleet", "the rocket force", "the 82nd airborne".
  'carrier',
  'fleet',
  'force',
  'airborne',
  'division',
  'brigade',
  'regiment',
  'battalion',
  'squadron',
  // Systems and programmes: "the thaad system", "the aegis program".
  'system',
  'systems',
  'program',
  'programme',
  'initiative',
  'forum',
]);
/** Heads of a military unit's name, whose word before them names one unit ("the rocket force", "the sixth fleet"). */
const UNIT_HEADS = new Set(['force', 'fleet', 'carrier', 'division', 'brigade', 'regiment', 'battalion', 'squadron']);
/** Nouns that make the word after them a proper name: "operation X", "exercise X". */
const NAME_LEADS = new Set(['operation', 'exercise']);

const ORDINAL = /^\d+(st|nd|rd|th)$/;

const AUX = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'can', 'could']);
/** Verbs of saying: "did grandpa say that…" asks whether a claim is true, whoever made it (speaker.ts reads "what did X say"). */
const SAYING = new Set(['say', 'said', 'says', 'tell', 'told', 'claim', 'claimed', 'think', 'thinks', 'mean', 'meant']);

/**
 * The subject of a question opening with an auxiliary ("has putin called…", "when did ethiopia and eritrea…"): the
 * word right after it. One the base never uses names an actor it does not cover.
 */
function subjectOf(w: readonly string[]): string | undefined {
  const at = WH_WORDS.has(w[0] ?? '') ? 1 : 0;
  if (!AUX.has(w[at] ?? '') || SAYING.has(w[at + 2] ?? '')) return undefined;
  return w[at + 1];
}

/** Compass words that tell one of a set of like-named things from another ("Southern Theater Command", "East Sea"). */
const COMPASS = /^(north|south|east|west)(ern)?$|^central$/;
/** The direction a compass word gives: "eastern" and "east" are one. */
const direction = (word: string) => word.replace(/ern$/, '');
/** How many words (stopwords aside) either side of a compass word in the base's texts stand with it. */
const COMPASS_NEAR = 5;
/** How many words after a compass word the question's name may run ("the eastern theater command": theater, command). */
const COMPASS_REACH = 2;

const designatorKey = (letters: string, digits: string) => `${letters.toLowerCase()}${digits}`;

export type NameFinder = { unknownIn(question: string, query: AnalyzedQuery): string[] };

export function buildNameFinder(entries: readonly Entry[]): NameFinder {
  // The base's designators, read from every entry when a question first types one, not at build.
  let designators: Set<string> | undefined;
  const designatorsOfBase = () => {
    if (designators) return designators;
    designators = new Set<string>();
    for (const e of entries) {
      for (const text of [e.text, ...(e.keywords ?? []), ...(e.questions ?? []), ...(e.kind === 'fact' ? (e.involved ?? []) : [])]) {
        for (const m of text.matchAll(DESIGNATOR)) designators.add(designatorKey(m[1]!, m[2]!));
      }
    }
    return designators;
  };
  // For each index term the base's texts put a compass word before ("theater" in "Southern Theater Command"), the
  // directions they put there; read on a question's first compass word, not at build.
  // Also, for each direction, the terms that stand near it ("the Southern Theater Command" has "command" two words
  // after "southern"), so that a shortened name ("the southern command") is still known.
  let compassed: { next: Map<string, Set<string>>; near: Set<string> } | undefined;
  const compassedInBase = () => {
    if (compassed) return compassed;
    const found = { next: new Map<string, Set<string>>(), near: new Set<string>() };
    for (const e of entries) {
      for (const text of [e.text, ...(e.keywords ?? []), ...(e.kind === 'fact' ? (e.involved ?? []) : [])]) {
        const tokens = tokenize(text);
        const content = tokens.filter((t) => !t.stop);
        tokens.forEach((t, i) => {
          const next = tokens[i + 1];
          if (!COMPASS.test(t.word) || !next || next.stop) return;
          const dirs = found.next.get(next.term) ?? new Set<string>();
          dirs.add(direction(t.word));
          found.next.set(next.term, dirs);
        });
        // "The inter-Korean line on the eastern side": an eastern inter-Korean line.
        content.forEach((t, i) => {
          if (!COMPASS.test(t.word)) return;
          for (const n of content.slice(Math.max(0, i - COMPASS_NEAR), i + 1 + COMPASS_NEAR)) found.near.add(`${direction(t.word)} ${n.term}`);
        });
      }
    }
    return (compassed = found);
  };
  // Adjacent word pairs of the base's texts, keywords and names, as index terms ("liaon carrier"); read on first use.
  let pairs: Set<string> | undefined;
  const pairsOfBase = () => {
    if (pairs) return pairs;
    pairs = new Set<string>();
    for (const e of entries)
      for (const text of [e.text, ...(e.keywords ?? []), ...(e.questions ?? []), ...(e.kind === 'fact' ? (e.involved ?? []) : [])]) {
        const tokens = tokenize(text);
        for (let i = 0; i + 1 < tokens.length; i++) pairs.add(`${tokens[i]!.term} ${tokens[i + 1]!.term}`);
      }
    return pairs;
  };
  return {
    unknownIn(question, query) {
      const out: string[] = [];
      for (const m of question.slice(0, 600).matchAll(DESIGNATOR)) {
        if (!designatorsOfBase().has(designatorKey(m[1]!, m[2]!))) out.push(m[0]);
      }
      // A word no entry holds, and no typo of one: the concepts built from the question say which.
      const unknown = new Set(query.concepts.filter((c) => !c.known).flatMap((c) => c.words));
      for (const m of question.slice(0, 600).matchAll(CAPITALS)) {
        const w = m[0].toLowerCase();
        if (unknown.has(w) || unknown.has(w.replace(/s$/, ''))) out.push(m[0]);
      }
      // A word the base lacks that was read as a typo of one it has, where the base never puts that one before the
      // same head ("shandong carrier" read as "stand carrier"): a name, not a slip.
      const fixed = new Map(query.corrections.map((c) => [c.from, c.to]));
      const w = query.tokens.map((t) => t.word);
      const unnamed = (word: string, i: number) =>
        unknown.has(word) || (fixed.has(word) && NAME_HEADS.has(w[i + 1] ?? '') && !pairsOfBase().has(`${term(fixed.get(word)!)} ${term(w[i + 1]!)}`));
      w.forEach((word, i) => {
        // An ordinal names a unit ("the 82nd airborne"); other words with digits are designators or dates.
        if (!unnamed(word, i) || word.length < 4 || (/\d/.test(word) && !ORDINAL.test(word))) return;
        if (
          NAME_HEADS.has(w[i + 1] ?? '') ||
          (NAME_HEADS.has(w[i + 2] ?? '') && unknown.has(w[i + 1] ?? '')) ||
          NAME_LEADS.has(w[i - 1] ?? '') ||
          TITLES.has(w[i - 1] ?? '')
        )
          out.push(word);
      });
      // "The strategic support force": a unit named by a word the base never puts before its head, though it knows the
      // word ("support") and the head. Alias words (countries, the base's own names: "the PLA navy") are left alone.
      const aliased = new Set(query.concepts.filter((c) => c.key.startsWith('~')).flatMap((c) => c.words));
      query.tokens.forEach((t, i) => {
        const head = query.tokens[i + 1];
        if (!head || !UNIT_HEADS.has(head.word) || t.stop || unknown.has(t.word) || fixed.has(t.word) || aliased.has(t.word) || /\d/.test(t.word)) return;
        if (!pairsOfBase().has(`${t.term} ${head.term}`)) out.push(`${t.word} ${head.word}`);
      });
      // "The eastern theater command": the base names theater commands, and only by other directions.
      const content = query.tokens.filter((t) => !t.stop);
      content.forEach((t, i) => {
        const next = content[i + 1];
        if (!COMPASS.test(t.word) || !next || query.tokens[query.tokens.indexOf(t) + 1] !== next) return;
        const { next: before, near } = compassedInBase();
        const dirs = before.get(next.term);
        const d = direction(t.word);
        if (dirs && !dirs.has(d) && !content.slice(i + 1, i + 1 + COMPASS_REACH).some((n) => near.has(`${d} ${n.term}`))) out.push(`${t.word} ${next.word}`);
      });
      const subject = subjectOf(w);
      if (subject && unknown.has(subject) && subject.length >= 4 && !/\d/.test(subject)) out.push(subject);
      return [...new Set(out)];
    },
  };
}
