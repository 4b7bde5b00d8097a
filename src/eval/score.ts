import type { AnswerStatus } from '../answer/model';
import type { AnswerableQuestion, OutOfScopeQuestion } from './questions';

// Pure scoring of eval runs. Counting rules (also in tests/eval/README.md):
// - top-1 / recall@3 count only "answered": an answer the user sees, with a right entry first / in the first three shown.
// - "wrongly refused" counts every answerable question that was not answered: unknown AND unsure. An unsure
//   whose did-you-mean holds a right entry is reported apart as a partial, but still counts as refused:
//   the user did not get the answer, only a menu.
// - "abstained" counts every out-of-scope question not answered (unknown or unsure); the unknown-only share is
//   printed next to it.

/** `demotedBy`: what kept the answer from being given (the score, or named checks; src/answer/answerability.ts). */
/** `rankedBy`: the ranking rules that changed the top hit (src/answer/ranking.ts), for reading a wrong first entry. */
export type Outcome = { status: AnswerStatus; ids: readonly string[]; demotedBy?: readonly string[]; rankedBy?: readonly string[] };

export type AnswerableFailure = {
  q: string;
  expected: readonly string[];
  status: AnswerStatus;
  got: readonly string[];
  kind: 'wrong-first' | 'refused-unknown' | 'unsure-partial' | 'unsure-wrong';
  demotedBy?: readonly string[];
  rankedBy?: readonly string[];
};
export type OutOfScopeFailure = { q: string; status: AnswerStatus; got: readonly string[] };

export type AnswerableScore = {
  n: number;
  top1: number;
  recall3: number;
  refused: number;
  refusedUnknown: number;
  unsurePartial: number;
  failures: AnswerableFailure[];
};
export type OutOfScopeScore = { n: number; abstained: number; abstainedUnknown: number; failures: OutOfScopeFailure[] };

const share = (count: number, n: number) => (n === 0 ? 0 : count / n);

export function scoreAnswerable(questions: readonly AnswerableQuestion[], outcomes: readonly Outcome[]): AnswerableScore {
  let top1 = 0;
  let recall3 = 0;
  let refused = 0;
  let refusedUnknown = 0;
  let partial = 0;
  const failures: AnswerableFailure[] = [];
  questions.forEach((question, i) => {
    const o = outcomes[i]!;
    const right = new Set(question.ids);
    const fail = (kind: AnswerableFailure['kind']) =>
      failures.push({
        q: question.q,
        expected: question.ids,
        status: o.status,
        got: o.ids.slice(0, 3),
        kind,
        ...(o.demotedBy?.length ? { demotedBy: o.demotedBy } : {}),
        ...(o.rankedBy?.length ? { rankedBy: o.rankedBy } : {}),
      });
    if (o.status === 'answered') {
      if (o.ids.slice(0, 3).some((id) => right.has(id))) recall3++;
      if (right.has(o.ids[0] ?? '')) top1++;
      else fail('wrong-first');
      return;
    }
    refused++;
    if (o.status === 'unknown') {
      refusedUnknown++;
      fail('refused-unknown');
    } else if (o.ids.slice(0, 3).some((id) => right.has(id))) {
      partial++;
      fail('unsure-partial');
    } else fail('unsure-wrong');
  });
  const n = questions.length;
  return {
    n,
    top1: share(top1, n),
    recall3: share(recall3, n),
    refused: share(refused, n),
    refusedUnknown: share(refusedUnknown, n),
    unsurePartial: share(partial, n),
    failures,
  };
}

export function scoreOutOfScope(questions: readonly OutOfScopeQuestion[], outcomes: readonly Outcome[]): OutOfScopeScore {
  let abstained = 0;
  let unknown = 0;
  const failures: OutOfScopeFailure[] = [];
  questions.forEach((question, i) => {
    const o = outcomes[i]!;
    if (o.status !== 'answered') abstained++;
    if (o.status === 'unknown') unknown++;
    if (o.status === 'answered') failures.push({ q: question.q, status: o.status, got: o.ids.slice(0, 3) });
  });
  const n = questions.length;
  return { n, abstained: share(abstained, n), abstainedUnknown: share(unknown, n), failures };
}
