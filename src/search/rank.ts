import type { InvertedIndex } from './inverted-index';
import type { QueryConcept } from './query';

export type Ranked = {
  doc: number;
  /** BM25F score, multiplied by the coverage bonus and any intent boost. */
  score: number;
  /** Share of the query's weight (idf, less for the commonest English words) this document matches (unknown words count at maximum idf). */
  coverage: number;
  /** How many of the query's concepts it matches. */
  matched: number;
  /** Bit i set when it matches concept i. */
  mask: number;
};

export type RankOptions = {
  limit: number;
  /** Exponent of the coverage bonus: score × (1 + coverage·matched)^power. */
  coveragePower: number;
  /** Multiplier per document (intent cues); 1 when absent. */
  boost?: (doc: number) => number;
  /** Only these documents may be returned (exact curated matches), when given. */
  only?: ReadonlySet<number>;
};

/** Scratch buffers reused across queries: scoring a 100k-entry base must not allocate 100k numbers each time. */
export type RankScratch = { scores: Float64Array; covered: Float64Array; masks: Uint32Array; touched: Int32Array };

export function createScratch(size: number): RankScratch {
  return { scores: new Float64Array(size), covered: new Float64Array(size), masks: new Uint32Array(size), touched: new Int32Array(size) };
}

/**
 * How firmly one posting matches: a word once in the entry's text or curated questions counts fully, a
 * word only in its topic names or notes counts in part, so a shared topic name does not make an answer.
 */
export const matchStrength = (weight: number) => Math.min(1, weight);

/** Scores every document that shares a concept with the query; returns the best `limit`, best first. */
export function rank(index: InvertedIndex, concepts: readonly QueryConcept[], scratch: RankScratch, options: RankOptions): Ranked[] {
  const { scores, covered, masks, touched } = scratch;
  let nTouched = 0;
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0 || concepts.length === 0) return [];

  concepts.forEach((concept, ci) => {
    const bit = 1 << ci;
    for (const alt of concept.alts) {
      const p = index.postings.get(alt.term);
      if (!p) continue;
      const mult = concept.idf * alt.factor;
      const { docs, weights } = p;
      for (let k = 0; k < docs.length; k++) {
        const d = docs[k]!;
        const mask = masks[d]!;
        if (mask & bit) continue;
        if (mask === 0) touched[nTouched++] = d;
        masks[d] = mask | bit;
        scores[d] = scores[d]! + mult * weights[k]!;
        covered[d] = covered[d]! + concept.weight * alt.factor * matchStrength(weights[k]!);
      }
    }
  });

  const top: Ranked[] = [];
  let floor = -Infinity;
  for (let k = 0; k < nTouched; k++) {
    const d = touched[k]!;
    const mask = masks[d]!;
    const raw = scores[d]!;
    const coveredIdf = covered[d]!;
    scores[d] = 0;
    covered[d] = 0;
    masks[d] = 0;
    if (options.only && !options.only.has(d)) continue;
    let matched = 0;
    for (let ci = 0; ci < concepts.length; ci++) if (mask & (1 << ci)) matched++;
    const coverage = Math.min(1, coveredIdf / total);
    const score = raw * Math.pow(1 + coverage * matched, options.coveragePower) * (options.boost ? options.boost(d) : 1);
    if (top.length < options.limit) {
      top.push({ doc: d, score, coverage, matched, mask });
      if (top.length === options.limit) {
        top.sort((a, b) => b.score - a.score || a.doc - b.doc);
        floor = top[top.length - 1]!.score;
      }
    } else if (score > floor) {
      let i = top.length - 1;
      while (i > 0 && top[i - 1]!.score < score) i--;
      top.splice(i, 0, { doc: d, score, coverage, matched, mask });
      top.pop();
      floor = top[top.length - 1]!.score;
    }
  }
  return top.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
