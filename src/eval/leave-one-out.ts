import type { AnswerEngine } from '../answer/engine-api';
import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import type { AnswerableQuestion } from './questions';
import { outcomeOf } from './run';
import { scoreAnswerable, type AnswerableScore } from './score';

// A self-check drawn from the knowledge itself, not from eval files: every curated question is asked of an engine
// built without it, and should still bring up its own entry. Hiding the question keeps it from matching its entry
// word for word or boosting it, so the figures stand for "questions nobody tuned for", in the thousands.
// Fold k hides the k-th curated question of every entry at once: one engine per fold rather than per question,
// at the cost of each fold's base missing a few questions of other entries too (a slightly harder test, not an easier one).

export type LeaveOneOutReport = { folds: number; score: AnswerableScore; demotions: Record<string, number> };

/** The base with the curated question at `fold` taken out of every entry that has one. */
export function withoutFold(base: KnowledgeBase, fold: number): { base: KnowledgeBase; hidden: AnswerableQuestion[] } {
  const hidden: AnswerableQuestion[] = [];
  const entries = base.entries.map((entry): Entry => {
    const questions = entry.questions ?? [];
    if (fold >= questions.length) return entry;
    hidden.push({ q: questions[fold]!, ids: [entry.id], split: 'dev' });
    return { ...entry, questions: questions.filter((_, i) => i !== fold) };
  });
  const byId = new Map(entries.map((e) => [e.id, e]));
  // A featured question hidden from its entry would still point at it: drop the featured list with the fold.
  const { featured: _featured, ...rest } = base;
  return { base: { ...rest, entries, byId }, hidden };
}

/** Asks every curated question of an engine built without it; `build` makes the engine (the options under test). */
export function leaveOneOut(base: KnowledgeBase, build: (base: KnowledgeBase) => AnswerEngine): LeaveOneOutReport {
  const folds = Math.max(0, ...base.entries.map((e) => e.questions?.length ?? 0));
  const questions: AnswerableQuestion[] = [];
  const outcomes: ReturnType<typeof outcomeOf>[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const { base: masked, hidden } = withoutFold(base, fold);
    const engine = build(masked);
    for (const q of hidden) {
      questions.push(q);
      outcomes.push(outcomeOf(engine, q.q));
    }
  }
  const demotions: Record<string, number> = {};
  for (const o of outcomes) if (o.status !== 'answered') for (const name of o.demotedBy ?? []) demotions[name] = (demotions[name] ?? 0) + 1;
  return { folds, score: scoreAnswerable(questions, outcomes), demotions };
}
