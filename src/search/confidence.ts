import type { AnswerStatus } from '../answer/model';
import type { Ranked } from './rank';

/**
 * Abstention runs on coverage — how much of the question's informative (rare) vocabulary the best
 * entry matches — because raw BM25 scores are not comparable from one question to the next.
 */
export type Thresholds = {
  /** Coverage at or above which the best entry is given as the answer. */
  answer: number;
  /** Coverage at or above which close entries are offered as "did you mean". */
  unsure: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.34, unsure: 0.22 };

export function statusFor(top: Ranked | undefined, thresholds: Thresholds = DEFAULT_THRESHOLDS): AnswerStatus {
  if (!top) return 'unknown';
  if (top.coverage >= thresholds.answer) return 'answered';
  if (top.coverage >= thresholds.unsure) return 'unsure';
  return 'unknown';
}

/** A 0..1 confidence for one result: its coverage, scaled down when it scores well below the best. */
export function confidenceOf(result: Ranked, best: Ranked): number {
  if (best.score <= 0) return 0;
  const relative = Math.min(1, result.score / best.score);
  return Math.round(Math.min(1, result.coverage * Math.sqrt(relative)) * 1000) / 1000;
}
