import { editDistance } from '../text/edit-distance';

/**
 * The known name a moderator most likely meant: a typo (small edit distance) or a shortened id
 * ("ipdf-2025" for "ipdf-2025-11-26"). Undefined when nothing is close enough to be helpful.
 */
export function closest(value: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    if (candidate === value) continue;
    const prefix = candidate.startsWith(value) || value.startsWith(candidate);
    const limit = Math.max(2, Math.floor(Math.min(value.length, candidate.length) / 3));
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase(), limit);
    const score = prefix ? Math.min(distance, 1.5) : distance;
    if ((prefix || distance <= limit) && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
