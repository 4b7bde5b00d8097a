import type { Answer, AnswerResult } from './model';

// Which results a reply shows beyond the first: named rules over the scores the engine gave, so a
// reply stops where relevance falls off instead of paging into whatever came next.

/** A later result gets a page of its own only while its score is at least this share of the answer's. */
export const RELEVANCE_FLOOR = 0.5;

/** A did-you-mean choice is offered only when it scores at least this (the engine's own "unsure" coverage)… */
export const CHOICE_FLOOR = 0.22;
/** …and at least this share of the best choice's score. */
export const CHOICE_SHARE = 0.5;

/** The answer, then the results that stay close to it, in the engine's order. */
export function relevantResults(answer: Pick<Answer, 'results'>): AnswerResult[] {
  const [top, ...rest] = answer.results;
  if (!top) return [];
  return [top, ...rest.filter((r) => r.score >= top.score * RELEVANCE_FLOOR)];
}

/** The did-you-mean choices worth offering; empty means the question is off topic and gets a plain "I don't know". */
export function onTopicChoices(answer: Pick<Answer, 'results'>, max = 3): AnswerResult[] {
  const best = answer.results[0]?.score ?? 0;
  return answer.results.filter((r) => r.score >= CHOICE_FLOOR && r.score >= best * CHOICE_SHARE).slice(0, max);
}
