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

export type Answer = {
  question: string;
  status: AnswerStatus;
  mode: AnswerMode;
  /** Best first. answered: the answer entries; unsure: up to 3 did-you-mean entries; unknown: empty. */
  results: AnswerResult[];
  citations: Citation[];
  /** Entries related to the top result (shared topics/people), for "see also". */
  related: Array<{ id: string; label: string }>;
  /** KnowledgeBase.version the answer was composed from. */
  knowledgeVersion: string;
  /** KnowledgeBase.asOf: the date of the newest entry, shown to members instead of the version hash. */
  knowledgeAsOf?: string;
};
