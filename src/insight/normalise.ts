// How questions are compared when moderators look at the gaps: two people asking
// "Who runs the hotline?" and "who runs  the Hotline" asked the same thing.

/** Lowercase, accents dropped, apostrophes joined ("what's" → "whats"), other punctuation and whitespace folded to single spaces. */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\p{L})['’‘`](\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Words that change the wording but not what is being asked; ignored only when comparing.
const FILLER = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'do',
  'does',
  'did',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'and',
  'or',
  'about',
  'please',
  'me',
  'tell',
  'can',
  'could',
  'you',
  'there',
  'any',
  'its',
  'it',
  'this',
  'that',
]);

/** The token set used for near-duplicate grouping; falls back to all tokens for a question made only of filler words. */
export function comparisonTokens(normalised: string): Set<string> {
  const all = normalised.split(' ').filter(Boolean);
  const kept = all.filter((t) => !FILLER.has(t));
  // A crude plural fold ("hotlines" ~ "hotline"); applied to both sides, so "crisis" → "crisi" is harmless.
  const fold = (t: string) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t);
  return new Set((kept.length > 0 ? kept : all).map(fold));
}

/** Jaccard similarity of two token sets: |A ∩ B| / |A ∪ B|; two empty sets are identical. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
