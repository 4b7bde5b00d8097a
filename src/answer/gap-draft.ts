import type { Entry } from '../knowledge/schema';
import type { AnswerEngine } from './engine-api';
import { draftSkeleton, suggestId } from './skeleton';

// From a gap to an entry: for a question Hotline could not answer, the entries it came nearest to
// (what the engine would have offered: its did-you-mean, else its autocomplete) and a record
// skeleton for the moderator to fill in, filed under the nearest entry's topics. `/kb gaps` and
// `npm run gaps -- --yaml` both use this, so the button and the file hold the same skeleton.

export const NEAREST = 3;
/** How engine.suggest marks an entry's value (see AnswerEngine.suggest). */
const ENTRY_VALUE = 'entry:';

export type GapDraft = { id: string; nearest: Entry[]; skeleton: string };

export function nearestEntries(engine: AnswerEngine, question: string, limit = NEAREST): Entry[] {
  const answer = engine.ask(question, { limit });
  if (answer.results.length > 0) return answer.results.slice(0, limit).map((r) => r.entry);
  return engine
    .suggest(question, limit * 3)
    .filter((s) => s.value.startsWith(ENTRY_VALUE))
    .map((s) => engine.base.byId.get(s.value.slice(ENTRY_VALUE.length)))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, limit);
}

/**
 * One draft per gap, in order. Ids are suggested apart from the base's and from each other's, so two
 * near-identical questions never get skeletons that would clash when both are kept.
 */
export function gapDrafts(engine: AnswerEngine, gaps: ReadonlyArray<{ question: string; examples?: readonly string[] }>): GapDraft[] {
  const taken = new Set([...engine.base.byId.keys(), ...engine.base.sources.keys()]);
  return gaps.map((gap) => {
    const nearest = nearestEntries(engine, gap.question);
    const id = suggestId(gap.question, taken);
    taken.add(id);
    return { id, nearest, skeleton: draftSkeleton({ question: gap.question, alsoAsked: gap.examples, topics: nearest[0]?.topics, id }) };
  });
}
