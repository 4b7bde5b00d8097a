import type { Ranked } from './rank';

/** A 0..1 confidence for one result: its coverage, scaled down when it scores well below the best. */
export function confidenceOf(result: Ranked, best: Ranked): number {
  if (best.score <= 0) return 0;
  const relative = Math.min(1, result.score / best.score);
  return Math.round(Math.min(1, result.coverage * Math.sqrt(relative)) * 1000) / 1000;
}
