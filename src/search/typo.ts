import { editDistance } from '../text/edit-distance';

// Typo correction against the knowledge base's own words. Words are bucketed by first letter and length,
// and a bounded edit distance over the few buckets a typo can reach decides: exact, and faster than the
// fuse.js shortlist it replaced (whose `limit` also lost the frequency tie-break now and then).

export type Correction = { word: string; distance: number };

const MIN_LENGTH = 4;
const SHORT = MIN_LENGTH - 1;
const CACHE_LIMIT = 5_000;

/** Edits allowed for a word of this length: short words are too easy to turn into other words. */
export function allowedEdits(length: number): number {
  if (length < MIN_LENGTH) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * Real English words sit one edit from many base words ("cost"/"post", "iran"/"ran", "died"/"did"), and
 * treating them as typos turns out-of-scope questions into matches. Typos rarely touch the first
 * letter, and a four-letter word is only trusted with two letters swapped ("lien" → "line").
 */
export function plausibleTypo(typed: string, candidate: string, distance: number): boolean {
  if (distance === 0) return true;
  if (typed[0] !== candidate[0]) return false;
  if (typed.length <= 4) {
    // Two letters swapped ("lien" → "line") or one left out ("nort" → "north", "vido" → "video").
    if (candidate.length === typed.length + 1) return true;
    return typed.length === candidate.length && [...typed].sort().join('') === [...candidate].sort().join('');
  }
  return true;
}

export type TypoCorrector = { correct(word: string): Correction | undefined };

/**
 * `isWord` tells English words: with it, a three-letter word that is none gets one correction, its last two
 * letters swapped (names: "lui" → "liu"); three-letter English words are too easily turned into base words.
 * Only the buckets a word of this length can reach (same first letter, length ± the edits allowed) are
 * scanned. `frequency` breaks ties towards the word the base uses most. `isCommon` tells the commonest English
 * words: one of them is never a typo, whatever base word sits an edit away ("thought" is no "thoughts", "pretty"
 * no "party").
 */
export function createTypoCorrector(
  vocabulary: Iterable<string>,
  frequency: (word: string) => number,
  isWord?: (word: string) => boolean,
  isCommon?: (word: string) => boolean,
): TypoCorrector {
  // Grouped by first letter and length: plausibleTypo() keeps the first letter, so no other group can match.
  // Grouped on the first correction asked for, not at build: many questions need none.
  let groups: Map<string, string[]> | undefined;
  const groupOf = (first: string, length: number) => `${first}${length}`;
  const groupsOf = () => {
    if (groups) return groups;
    groups = new Map<string, string[]>();
    for (const word of vocabulary) {
      if (word.length < MIN_LENGTH - 1 || !/^\p{L}+$/u.test(word)) continue;
      const key = groupOf(word[0]!, word.length);
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(word);
    }
    return groups;
  };
  const cache = new Map<string, Correction | null>();

  return {
    correct(word) {
      if (isCommon?.(word)) return undefined;
      const max = allowedEdits(word.length);
      if (max === 0 && word.length === SHORT && isWord && /^[a-z]+$/.test(word) && !isWord(word)) {
        // A three-letter word that is no English word, with its last two letters swapped, is a slip ("lui" → "liu").
        const swapped = word[0]! + word[2]! + word[1]!;
        return swapped !== word && groupsOf().get(groupOf(word[0]!, SHORT))?.includes(swapped) ? { word: swapped, distance: 1 } : undefined;
      }
      if (max === 0 || !/^\p{L}+$/u.test(word) || word.length > 32) return undefined;
      const cached = cache.get(word);
      if (cached !== undefined) return cached ?? undefined;
      let best: Correction | undefined;
      let bestFreq = -1;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const candidate of groupsOf().get(groupOf(word[0]!, len)) ?? []) {
          const d = editDistance(word, candidate, best ? best.distance : max);
          if (d > max || !plausibleTypo(word, candidate, d)) continue;
          const f = frequency(candidate);
          if (!best || d < best.distance || (d === best.distance && f > bestFreq)) {
            best = { word: candidate, distance: d };
            bestFreq = f;
          }
        }
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, best ?? null);
      return best;
    },
  };
}
