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

/**
 * `concepts` is how many things the question asks about. An entry that matches only one of several
 * is at best a guess ("population of Taiwan" matching only "Taiwan"), never an answer.
 */
export function statusFor(
  top: Ranked | undefined,
  concepts: number,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  /** Bit mask of the concepts the answer must match (the X of "how many X", named things), if any. */
  required = 0,
): AnswerStatus {
  if (!top) return 'unknown';
  const hasRequired = (top.mask & required) === required;
  if (top.coverage >= thresholds.answer && top.matched >= Math.min(2, concepts) && hasRequired) return 'answered';
  if (top.coverage >= thresholds.unsure) return 'unsure';
  return 'unknown';
}

/** A 0..1 confidence for one result: its coverage, scaled down when it scores well below the best. */
export function confidenceOf(result: Ranked, best: Ranked): number {
  if (best.score <= 0) return 0;
  const relative = Math.min(1, result.score / best.score);
  return Math.round(Math.min(1, result.coverage * Math.sqrt(relative)) * 1000) / 1000;
}
