import { stemmer } from 'stemmer';

// Stems, so that "talks", "talked" and "talking" meet, and "communication" meets "communications" and
// "communicate". The Porter (1980) algorithm, from the maintained `stemmer` package (it replaced a
// hand-written copy that gave the same stem for every word of the base and the eval questions).
// Porter2 (wink-porter2-stemmer) was tried: 66 of those words stem differently, for +1 tune question and
// no change on dev or held-out, so the classic algorithm (identical stems, no figure moved) stayed.

const cache = new Map<string, string>();
/** Distinct words kept: a base's vocabulary is a few thousand words; the cap bounds what hostile questions can add. */
const CACHE_LIMIT = 50_000;

/** The stem of one lower-case word; numbers, short words and non-Latin words are left as they are. */
export function stem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = stemmer(word);
  if (cache.size < CACHE_LIMIT) cache.set(word, out);
  return out;
}
