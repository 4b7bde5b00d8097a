import { distance as levenshtein } from 'fastest-levenshtein';

// Shared by typo correction in search and by the "did you mean" hints of knowledge validation.
//
// Plain Levenshtein (fastest-levenshtein) alone counts an adjacent swap ("moscwo") as two edits, so a
// 4–7-letter word with one swap went uncorrected: 4 tune and 3 held-out questions fewer answered right.
// The distance is therefore the optimal string alignment (OSA) one, with fastest-levenshtein as an exact
// filter in front: a swap is two Levenshtein edits, so Levenshtein ≤ 2 × OSA and OSA ≤ Levenshtein.
// Most candidates are rejected or settled by the library; only the rest pay for the OSA table.

/** Rows reused across calls (typo correction runs it thousands of times a question); grown on demand. */
let rows = { prevPrev: new Int32Array(64), prev: new Int32Array(64), cur: new Int32Array(64) };

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const lev = levenshtein(a, b);
  // OSA is never more than Levenshtein, and equals it up to 1 (a single swap is Levenshtein 2).
  if (lev <= 1) return lev;
  if (lev > 2 * max) return max + 1;
  return osa(a, b, max);
}

function osa(a: string, b: string, max: number): number {
  const m = b.length;
  if (rows.prev.length <= m) rows = { prevPrev: new Int32Array(m + 1), prev: new Int32Array(m + 1), cur: new Int32Array(m + 1) };
  let { prevPrev, prev, cur } = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = prevPrev[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m]!, max + 1);
}
