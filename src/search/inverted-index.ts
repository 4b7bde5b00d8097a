import { findAllConcepts, type AliasTable } from './aliases';
import { tokenize } from './normalize';

// A field-weighted BM25 (BM25F) inverted index. Each posting holds the already saturated term weight
// for one document, so a query only multiplies by idf and adds.

export const FIELDS = ['text', 'questions', 'keywords', 'people', 'context', 'topics', 'date', 'note', 'id'] as const;
export type Field = (typeof FIELDS)[number];
export type IndexDocument = Partial<Record<Field, string | readonly string[]>>;

export type IndexOptions = {
  weights: Record<Field, number>;
  k1: number;
  b: number;
};

export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  weights: { text: 1, questions: 1.6, keywords: 1.6, people: 1.2, context: 0.6, topics: 0.4, date: 0.8, note: 0.25, id: 0.4 },
  k1: 1.2,
  b: 0.6,
};

export type Postings = { docs: Int32Array; weights: Float32Array };

export type InvertedIndex = {
  size: number;
  postings: ReadonlyMap<string, Postings>;
  idf(term: string): number;
  /** idf of a term no document holds: what an unknown query word is worth. */
  maxIdf: number;
  /** Surface word → term, for every word the documents use (typo correction and autocomplete run on these). */
  vocabulary: ReadonlyMap<string, string>;
  /** Every term (and concept), sorted, for prefix lookups. */
  sortedTerms: readonly string[];
};

/** Index terms of one field value: stemmed words without stopwords, plus alias concepts. */
export function fieldTerms(value: string, aliases: AliasTable, vocabulary?: Map<string, string>): string[] {
  const tokens = tokenize(value);
  const out: string[] = [];
  for (const t of tokens) {
    if (vocabulary && !t.stop && !vocabulary.has(t.word)) vocabulary.set(t.word, t.term);
    if (!t.stop) out.push(t.term);
  }
  // All phrases, overlapping ones too: "Washington–Moscow hotline" must be found by "Moscow" alone even
  // when a longer alias ("Moscow–Washington hotline") covers the same words.
  out.push(...findAllConcepts(
    tokens.map((t) => t.term),
    aliases,
  ));
  return out;
}

/** Average field lengths are estimated on this many documents: exact enough for BM25, and one pass over the rest. */
const LENGTH_SAMPLE = 2_000;

function valuesOf(doc: IndexDocument, field: Field): readonly string[] {
  const raw = doc[field];
  return raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
}

export function buildIndex(documents: readonly IndexDocument[], aliases: AliasTable, options: IndexOptions = DEFAULT_INDEX_OPTIONS): InvertedIndex {
  const n = documents.length;
  const vocabulary = new Map<string, string>();
  const sample = Math.min(n, LENGTH_SAMPLE);
  const avg = {} as Record<Field, number>;
  for (const field of FIELDS) {
    let sum = 0;
    for (let d = 0; d < sample; d++) for (const v of valuesOf(documents[d]!, field)) sum += fieldTerms(v, aliases).length;
    avg[field] = Math.max(1, sum / Math.max(1, sample));
  }

  // Topic names, people and dates repeat across entries: tokenise each distinct value once.
  const memo = new Map<string, string[]>();
  const memoTerms = (value: string) => {
    let terms = memo.get(value);
    if (!terms) memo.set(value, (terms = fieldTerms(value, aliases, vocabulary)));
    return terms;
  };
  const REPEATED = new Set<Field>(['topics', 'people', 'date']);

  const building = new Map<string, { docs: number[]; weights: number[] }>();
  const pseudo = new Map<string, number>();
  const fieldTermLists: string[][] = FIELDS.map(() => []);
  for (let d = 0; d < n; d++) {
    const doc = documents[d]!;
    pseudo.clear();
    FIELDS.forEach((field, fi) => {
      const list = fieldTermLists[fi]!;
      list.length = 0;
      const repeated = REPEATED.has(field);
      for (const v of valuesOf(doc, field)) for (const t of repeated ? memoTerms(v) : fieldTerms(v, aliases, vocabulary)) list.push(t);
      const w = options.weights[field];
      if (w === 0 || list.length === 0) return;
      // BM25F: each occurrence adds the field weight, normalised by the field's length against its average.
      const add = w / (1 - options.b + options.b * (list.length / avg[field]));
      for (const t of list) pseudo.set(t, (pseudo.get(t) ?? 0) + add);
    });
    for (const [t, tf] of pseudo) {
      let p = building.get(t);
      if (!p) building.set(t, (p = { docs: [], weights: [] }));
      p.docs.push(d);
      p.weights.push((tf * (options.k1 + 1)) / (options.k1 + tf));
    }
  }

  const postings = new Map<string, Postings>();
  for (const [t, p] of building) postings.set(t, { docs: Int32Array.from(p.docs), weights: Float32Array.from(p.weights) });
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const maxIdf = idfOf(0);
  return {
    size: n,
    postings,
    idf: (t) => idfOf(postings.get(t)?.docs.length ?? 0),
    maxIdf,
    vocabulary,
    sortedTerms: [...postings.keys()].sort(),
  };
}
