import type { KnowledgeBase } from '../knowledge/base';
import type { Entry, Source, Topic } from '../knowledge/schema';
import type { Decision } from './answerability';
import type { Answer } from './model';

/** An autocomplete choice: both strings at most 100 characters (Discord's limit). */
export type Suggestion = { name: string; value: string };

export type TimelineFilter = { topic?: string; from?: string; to?: string };
export type QuoteFilter = { speaker?: string; topic?: string };

/**
 * What every adapter (bot, CLI, eval, bench) uses. Built once per knowledge version by
 * createEngine(base) in src/answer/engine.ts; never rebuilt per query.
 */
/** What a search tells the eval about how it reached its answer (AnswerEngine.ask). */
export type Trace = (decision: Decision, rankedBy: readonly string[]) => void;

export interface AnswerEngine {
  readonly base: KnowledgeBase;
  /**
   * A free-text question → answered / unsure / unknown, with citations. `trace` receives the answer decision of a
   * search (the eval's "demoted by") and the names of the ranking rules that changed the top hit (src/answer/ranking.ts;
   * 'runner-up' when the answer checks let the next hit through instead).
   */
  ask(question: string, options?: { limit?: number; trace?: Trace }): Answer;
  /** Answer built around one entry (a picked autocomplete choice, a did-you-mean button). */
  answerFor(entryId: string, question?: string): Answer | undefined;
  /** Autocomplete for a partially typed question; value is `entry:<id>` for an entry. */
  suggest(partial: string, limit?: number): Suggestion[];
  /** Autocomplete for a speaker name. */
  suggestSpeakers(partial: string, limit?: number): Suggestion[];
  /** Autocomplete for a source id (name shows title and publisher). */
  suggestSources(partial: string, limit?: number): Suggestion[];
  /** Quotes, newest first, filtered by speaker (fuzzy) and/or topic. */
  quotes(filter: QuoteFilter): Answer;
  /** Dated facts and quotes in chronological order, filtered by topic and/or date range. */
  timeline(filter: TimelineFilter): Answer;
  /** Topics with the number of entries in each, largest first. */
  topics(): Array<{ topic: Topic; count: number }>;
  /** A source with the entries that cite it. */
  source(id: string): { source: Source; entries: Entry[] } | undefined;
}
