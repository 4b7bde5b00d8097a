/**
 * The known name a moderator most likely meant: a typo (small edit distance) or a shortened id
 * ("ipdf-2025" for "ipdf-2025-11-26"). Undefined when nothing is close enough to be helpful.
 */
export function closest(value: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    if (candidate === value) continue;
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    const prefix = candidate.startsWith(value) || value.startsWith(candidate);
    const limit = Math.max(2, Math.floor(Math.min(value.length, candidate.length) / 3));
    const score = prefix ? Math.min(distance, 1.5) : distance;
    if ((prefix || distance <= limit) && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
