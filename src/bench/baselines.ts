import Fuse from 'fuse.js';
import MiniSearch, { type Options } from 'minisearch';
import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import { documentOf } from '../search/entry-index';
import { DEFAULT_INDEX_OPTIONS, FIELDS, type IndexDocument } from '../search/inverted-index';

// The two libraries the benchmark measures Hotline against, each set up the way a user of it would.
// Both are devDependencies: nothing on the reply path uses them.

/** What a baseline offers the bench: the same three jobs as the engine. */
export type Baseline = {
  /** Top answers for a question. */
  ask(question: string): unknown;
  /** Completions for a partially typed question (at most Discord's 25). */
  complete(prefix: string): unknown;
};

/** fuse.js with default options over every text field (the baseline of the first benchmark). */
export function fuseBaseline(base: KnowledgeBase): Baseline {
  const fuse = new Fuse(base.entries as Entry[], { keys: ['text', 'questions', 'keywords', 'speaker', 'role', 'context', 'involved'] });
  return { ask: (q) => fuse.search(q, { limit: 3 }), complete: (p) => fuse.search(p, { limit: 25 }) };
}

type MiniDoc = IndexDocument & { n: number };

/**
 * MiniSearch with the options its users pick: fuzzy 0.2, prefix search, and fields boosted by the weights
 * Hotline's own index gives them. It indexes the very documents Hotline's index is built from (documentOf:
 * the entry's text, curated questions, keywords, people, context, topic names, date words, note, id),
 * built inside the timed step, as Hotline's are.
 */
export const MINISEARCH_OPTIONS: Options<MiniDoc> = {
  idField: 'n',
  fields: [...FIELDS],
  storeFields: [],
  extractField: (doc, field) => {
    const value = doc[field as keyof MiniDoc];
    return Array.isArray(value) ? value.join(' ') : ((value as string | number | undefined)?.toString() ?? '');
  },
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { ...DEFAULT_INDEX_OPTIONS.weights } },
  autoSuggestOptions: { fuzzy: 0.2, boost: { ...DEFAULT_INDEX_OPTIONS.weights } },
};

export type MiniSearchBaseline = Baseline & {
  /** autoSuggest(): MiniSearch's own autocomplete (AND of the words, prefix on the last), grouped into phrases. */
  autoSuggest(prefix: string): unknown;
};

export function miniSearchBaseline(base: KnowledgeBase): MiniSearchBaseline {
  const mini = new MiniSearch<MiniDoc>(MINISEARCH_OPTIONS);
  mini.addAll(base.entries.map((e, n) => ({ ...documentOf(e, base), n })));
  return {
    ask: (q) => mini.search(q).slice(0, 3),
    complete: (p) => mini.search(p, { prefix: true }).slice(0, 25),
    autoSuggest: (p) => mini.autoSuggest(p).slice(0, 25),
  };
}
