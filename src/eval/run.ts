import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerEngine } from '../answer/engine-api';
import { parseAnswerable, parseOutOfScope, type AnswerableQuestion, type OutOfScopeQuestion, type Split } from './questions';
import { scoreAnswerable, scoreOutOfScope, type AnswerableScore, type OutOfScopeScore, type Outcome } from './score';

export type SplitReport = { split: Split; answerable: AnswerableScore; outOfScope: OutOfScopeScore };
export type EvalQuestions = { answerable: AnswerableQuestion[]; outOfScope: OutOfScopeQuestion[] };

export const ANSWERABLE_FILE = 'answerable.yaml';
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';

/** Reads the question files; undefined when either is missing (the eval is then skipped, not failed). */
export async function readEvalQuestions(dir: string): Promise<EvalQuestions | undefined> {
  try {
    const [a, o] = await Promise.all([readFile(path.join(dir, ANSWERABLE_FILE), 'utf8'), readFile(path.join(dir, OUT_OF_SCOPE_FILE), 'utf8')]);
    return { answerable: parseAnswerable(a), outOfScope: parseOutOfScope(o) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function outcomeOf(engine: AnswerEngine, question: string): Outcome {
  const answer = engine.ask(question, { limit: 3 });
  return { status: answer.status, ids: answer.results.map((r) => r.entry.id) };
}

export function runEval(engine: AnswerEngine, questions: EvalQuestions, splits: readonly Split[] = ['tune', 'dev', 'heldout']): SplitReport[] {
  return splits.map((split) => {
    const answerable = questions.answerable.filter((q) => q.split === split);
    const outOfScope = questions.outOfScope.filter((q) => q.split === split);
    return {
      split,
      answerable: scoreAnswerable(answerable, answerable.map((q) => outcomeOf(engine, q.q))),
      outOfScope: scoreOutOfScope(outOfScope, outOfScope.map((q) => outcomeOf(engine, q.q))),
    };
  });
}
