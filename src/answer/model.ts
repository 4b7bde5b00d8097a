import type { Entry, SourceKind } from '../knowledge/schema';

// The Answer model: everything a renderer needs, with nothing Discord-specific in it.

export type AnswerStatus = 'answered' | 'unsure' | 'unknown';

/** How the question was understood. */
export type AnswerMode = 'search' | 'id' | 'speaker' | 'timeline';

/** A numbered citation; numbers run 1..n in order of first use in the answer. */
export type Citation = {
  n: number;
  id: string;
  title: string;
  publisher: string;
  published?: string;
  url?: string;
  /** What the source is (official, press, analysis…), when the knowledge says. */
  kind?: SourceKind;
  /** For a reprint: the outlet the story comes from. */
  reprintOf?: string;
};

export type AnswerResult = {
  entry: Entry;
  /** Confidence 0..1, higher is better. */
  score: number;
  /** Numbers of the citations (Answer.citations[].n) this entry cites. */
  citations: number[];
};

/**
 * Why Hotline will not answer a question as asked, when it is more than "the base does not cover it":
 * - opinion / prediction: Hotline gives sourced facts, not judgements or forecasts (`record` may show what bears on it);
 * - advice / chat: a request for advice or a procedure, or small talk;
 * - no-quotes: "what did X say", and the base holds no quote by X;
 * - unknown-names: the question names things (countries, forces, systems, people) the base never mentions.
 */
export type Declined =
  { reason: 'opinion' | 'prediction' | 'advice' | 'chat' } | { reason: 'no-quotes'; speaker: string } | { reason: 'unknown-names'; names: string[] };

export type Answer = {
  question: string;
  status: AnswerStatus;
  mode: AnswerMode;
  /** Best first. answered: the answer entries; unsure: up to 3 did-you-mean entries; unknown: empty. */
  results: AnswerResult[];
  citations: Citation[];
  /** Entries related to the top result (shared topics/people), for "see also". */
  related: Array<{ id: string; label: string }>;
  /** Set when the question was declined for a reason a reply should say (status is then unknown). */
  declined?: Declined;
  /**
   * Opinion and prediction questions only: the entry that clearly bears on the question, shown as "what the
   * record shows" — never as the answer (status stays unknown, `results` stays empty). Its citations are in `citations`.
   */
  record?: AnswerResult;
  /** KnowledgeBase.version the answer was composed from. */
  knowledgeVersion: string;
  /** KnowledgeBase.asOf: the date of the newest entry, shown to members instead of the version hash. */
  knowledgeAsOf?: string;
};
