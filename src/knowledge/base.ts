import type { Entry, Source, Synonym, Topic } from './schema';

/** A validated, cross-checked knowledge base: immutable once built; a reload builds a new one. */
export type KnowledgeBase = {
  /** Short content hash of every file, shown in reply footers; changes whenever any file does. */
  version: string;
  /** ISO time the base was loaded. */
  loadedAt: string;
  /** Date of the newest entry: "knowledge as of" in /about and reply footers (members see this, not the hash). */
  asOf?: string;
  topics: ReadonlyMap<string, Topic>;
  sources: ReadonlyMap<string, Source>;
  /** Facts and quotes in file order. */
  entries: readonly Entry[];
  /** Facts and quotes by id. */
  byId: ReadonlyMap<string, Entry>;
  synonyms: readonly Synonym[];
  /** Featured questions for the empty /ask box, in the moderators' order, each with the entry it asks for. */
  featured?: ReadonlyArray<{ question: string; entryId: string }>;
  /** Relative paths of the files that were read. */
  files: readonly string[];
  /** The files' texts as validated, so a draft can be checked against exactly this base (`/kb preview`). */
  texts?: ReadonlyMap<string, string>;
};

/** A problem found while loading, pointing a moderator at the exact place to fix. */
export type Diagnostic = {
  severity: 'error' | 'warning';
  /** Path relative to the knowledge folder, e.g. "us-china/mmca.yaml". */
  file: string;
  line: number;
  column: number;
  /** The record's id, when the problem is inside a record. */
  id?: string;
  /** The field, e.g. "sources[0]". */
  field?: string;
  message: string;
  /** Set on the closing "and K more" line of a long report: the number of problems it stands for. */
  more?: number;
};

export type LoadResult =
  | { ok: true; base: KnowledgeBase; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };
