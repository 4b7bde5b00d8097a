import type { HitEvidence } from './evidence';
import fitted from './scorer-weights.json' with { type: 'json' };

// A calibrated score: the probability that the best hit is a right answer, from a logistic regression over its
// evidence. Fitted on the tune and dev splits only (npm run eval:fit, which prints its cross-validated figures)
// and kept in scorer-weights.json. The hand-set coverage bands still propose; the scorer then lets a hedge
// through when it is confident (paraphrases that share few words with the entry) and holds back an answer it
// finds unlikely.

/** The features, by name; the weights file lists the names it was fitted with, and must match. */
export const FEATURES = ['coverage', 'matchedShare', 'matched', 'logLead', 'questionMatch', 'askedAlike', 'unknownShare', 'concepts'] as const;

export type ScorerWeights = {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** At or above it, a hedge ("unsure") becomes the answer. */
  promote: number;
  /** Below it, an answer becomes a hedge. */
  demote: number;
  /** What the fit measured, for the record (not read by the engine). */
  fit?: unknown;
};

/** The evidence of one hit as the scorer reads it. `unknownShare`: the share of the question's concepts no entry holds. */
export function featuresOf(e: HitEvidence, unknownShare: number): number[] {
  return [
    e.coverage,
    e.concepts > 0 ? e.matched / e.concepts : 0,
    Math.min(e.matched, 6),
    Math.log(Math.min(Number.isFinite(e.lead) ? e.lead : 10, 10)),
    e.questionMatch,
    e.askedAlike ? 1 : 0,
    unknownShare,
    Math.min(e.concepts, 10),
  ];
}

export function probability(w: ScorerWeights, x: readonly number[]): number {
  let z = w.bias;
  for (let i = 0; i < x.length; i++) z += w.weights[i]! * ((x[i]! - w.mean[i]!) / (w.scale[i]! || 1));
  return 1 / (1 + Math.exp(-z));
}

/** The shipped weights, when they were fitted with today's features; undefined otherwise (the bands decide alone). */
export const SCORER: ScorerWeights | undefined = (() => {
  const w = fitted as ScorerWeights;
  return w.features.length === FEATURES.length && w.features.every((f, i) => f === FEATURES[i]) ? w : undefined;
})();

/** Logistic regression by gradient descent, L2-regularised, on standardised features. */
export function fitLogistic(
  xs: readonly number[][],
  ys: readonly number[],
  options: { l2?: number; steps?: number; rate?: number } = {},
): Omit<ScorerWeights, 'promote' | 'demote'> {
  const n = xs.length;
  const d = FEATURES.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / Math.max(1, n));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / Math.max(1, n)) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const { l2 = 0.01, steps = 3000, rate = 0.5 } = options;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let s = bias;
      for (let j = 0; j < d; j++) s += weights[j]! * z[i]![j]!;
      const err = 1 / (1 + Math.exp(-s)) - ys[i]!;
      for (let j = 0; j < d; j++) grad[j]! += err * z[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) weights[j] = weights[j]! - rate * (grad[j]! / n + l2 * weights[j]!);
    bias -= rate * (gb / n);
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { features: [...FEATURES], mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}
