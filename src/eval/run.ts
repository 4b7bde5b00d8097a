import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerEngine } from '../answer/engine-api';
import { OPEN_SPLITS, parseAnswerable, parseOutOfScope, SPLITS, type AnswerableQuestion, type OutOfScopeQuestion, type Split } from './questions';
import { scoreAnswerable, scoreOutOfScope, type AnswerableScore, type OutOfScopeScore, type Outcome } from './score';

export type SplitReport = { split: Split; answerable: AnswerableScore; outOfScope: OutOfScopeScore; demotions?: Demotions };
export type EvalQuestions = { answerable: AnswerableQuestion[]; outOfScope: OutOfScopeQuestion[] };

export const ANSWERABLE_FILE = 'answerable.yaml';
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';
/** The blind split lives in its own folder, added by whoever wrote it; the eval works without it. */
export const BLIND_DIR = 'blind';

async function readPair(dir: string): Promise<EvalQuestions | undefined> {
  try {
    const [a, o] = await Promise.all([readFile(path.join(dir, ANSWERABLE_FILE), 'utf8'), readFile(path.join(dir, OUT_OF_SCOPE_FILE), 'utf8')]);
    return { answerable: parseAnswerable(a), outOfScope: parseOutOfScope(o) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Reads the question files, and the blind split's (`blind/`) when they are there; undefined when the main
 * files are missing (the eval is then skipped, not failed). Blind questions count only under split `blind`,
 * whatever their files say, so a slip in them cannot leak into a split whose failures are printed.
 */
export async function readEvalQuestions(dir: string): Promise<EvalQuestions | undefined> {
  const main = await readPair(dir);
  if (!main) return undefined;
  const blind = await readPair(path.join(dir, BLIND_DIR));
  if (!blind) return main;
  return {
    answerable: [...main.answerable.filter((q) => q.split !== 'blind'), ...blind.answerable.map((q) => ({ ...q, split: 'blind' as const }))],
    outOfScope: [...main.outOfScope.filter((q) => q.split !== 'blind'), ...blind.outOfScope.map((q) => ({ ...q, split: 'blind' as const }))],
  };
}

/** The splits that have questions. */
export function splitsIn(questions: EvalQuestions): Split[] {
  const present = new Set([...questions.answerable, ...questions.outOfScope].map((q) => q.split));
  return SPLITS.filter((s) => present.has(s));
}

/** A report with its failures removed: what may be shown of a split nobody tunes on. */
export function sealed(report: SplitReport): SplitReport {
  if (OPEN_SPLITS.has(report.split)) return report;
  const { demotions: _sealed, ...figures } = report;
  return { ...figures, answerable: { ...report.answerable, failures: [] }, outOfScope: { ...report.outOfScope, failures: [] } };
}

export function outcomeOf(engine: AnswerEngine, question: string): Outcome {
  let demotedBy: readonly string[] | undefined;
  let rankedBy: readonly string[] = [];
  const answer = engine.ask(question, {
    limit: 3,
    trace: (d, ranked) => {
      demotedBy = d.demotedBy;
      rankedBy = ranked;
    },
  });
  return { status: answer.status, ids: answer.results.map((r) => r.entry.id), ...(demotedBy ? { demotedBy } : {}), ...(rankedBy.length ? { rankedBy } : {}) };
}

/**
 * How many of a split's refused answerable questions each check (or the score) demoted: what a check costs.
 * Out-of-scope questions a check declined are counted apart: what it earns. Tune and dev only (failures of the
 * other splits are sealed).
 */
export type Demotions = Record<string, { refused: number; declined: number }>;

/** Reports per split. Failures of held-out and blind are dropped here, so no caller can print them. */
export function runEval(engine: AnswerEngine, questions: EvalQuestions, splits: readonly Split[] = SPLITS): SplitReport[] {
  return splits.map((split) => {
    const answerable = questions.answerable.filter((q) => q.split === split);
    const outOfScope = questions.outOfScope.filter((q) => q.split === split);
    const a = answerable.map((q) => outcomeOf(engine, q.q));
    const o = outOfScope.map((q) => outcomeOf(engine, q.q));
    const demotions: Demotions = {};
    const count = (outcomes: readonly Outcome[], field: 'refused' | 'declined') => {
      for (const x of outcomes) {
        if (x.status === 'answered') continue;
        for (const name of x.demotedBy ?? []) (demotions[name] ??= { refused: 0, declined: 0 })[field]++;
      }
    };
    count(a, 'refused');
    count(o, 'declined');
    const report = { split, answerable: scoreAnswerable(answerable, a), outOfScope: scoreOutOfScope(outOfScope, o), demotions };
    return sealed(report);
  });
}
