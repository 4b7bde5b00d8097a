import { findAllConcepts, type AliasTable } from './aliases';
import { term, words } from './normalize';
import { isStopword } from './stopwords';

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

/**
 * Reads field values into index terms: stemmed words without stopwords, plus alias concepts. Each distinct
 * word is stemmed once per reader (a base repeats its words), and first-seen words enter `vocabulary`.
 */
function termReader(aliases: AliasTable, vocabulary?: Map<string, string>): (value: string) => string[] {
  const termOf = new Map<string, string>();
  const all: string[] = [];
  return (value) => {
    const ws = words(value);
    const out: string[] = [];
    all.length = 0;
    for (const w of ws) {
      let t = termOf.get(w);
      const stop = isStopword(w);
      if (t === undefined) {
        termOf.set(w, (t = term(w)));
        if (vocabulary && !stop && !vocabulary.has(w)) vocabulary.set(w, t);
      }
      all.push(t);
      if (!stop) out.push(t);
    }
    // All phrases, overlapping ones too: "Washington–Moscow hotline" must be found by "Moscow" alone even
    // when a longer alias ("Moscow–Washington hotline") covers the same words.
    for (const concept of findAllConcepts(all, aliases)) out.push(concept);
    return out;
  };
}

/** Index terms of one field value: stemmed words without stopwords, plus alias concepts. */
export function fieldTerms(value: string, aliases: AliasTable, vocabulary?: Map<string, string>): string[] {
  return termReader(aliases, vocabulary)(value);
}

/** Average field lengths are estimated on this many documents: exact enough for BM25, and one pass over the rest. */
const LENGTH_SAMPLE = 2_000;

function valuesOf(doc: IndexDocument, field: Field): readonly string[] {
  const raw = doc[field];
  return raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
}

/** Topic names, people and dates repeat across entries: each distinct value is read once. */
const REPEATED = new Set<Field>(['topics', 'people', 'date']);

export function buildIndex(documents: readonly IndexDocument[], aliases: AliasTable, options: IndexOptions = DEFAULT_INDEX_OPTIONS): InvertedIndex {
  const n = documents.length;
  const vocabulary = new Map<string, string>();
  const read = termReader(aliases, vocabulary);
  const memo = new Map<string, string[]>();
  const readRepeated = (value: string) => {
    let terms = memo.get(value);
    if (!terms) memo.set(value, (terms = read(value)));
    return terms;
  };
  /** One document's terms, field by field (in FIELDS order). */
  const termsOf = (doc: IndexDocument): string[][] =>
    FIELDS.map((field) => {
      const list: string[] = [];
      for (const v of valuesOf(doc, field)) for (const t of REPEATED.has(field) ? readRepeated(v) : read(v)) list.push(t);
      return list;
    });

  // The sample's terms are kept for the main pass, so a base of up to LENGTH_SAMPLE entries is read once.
  const sample = Math.min(n, LENGTH_SAMPLE);
  const sampled: string[][][] = [];
  const sums = FIELDS.map(() => 0);
  for (let d = 0; d < sample; d++) {
    const fields = termsOf(documents[d]!);
    sampled.push(fields);
    fields.forEach((list, fi) => (sums[fi]! += list.length));
  }
  const avg = FIELDS.map((_, fi) => Math.max(1, sums[fi]! / Math.max(1, sample)));

  const building = new Map<string, { docs: number[]; weights: number[] }>();
  const pseudo = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    const fields = d < sample ? sampled[d]! : termsOf(documents[d]!);
    pseudo.clear();
    FIELDS.forEach((field, fi) => {
      const list = fields[fi]!;
      const w = options.weights[field];
      if (w === 0 || list.length === 0) return;
      // BM25F: each occurrence adds the field weight, normalised by the field's length against its average.
      const add = w / (1 - options.b + options.b * (list.length / avg[fi]!));
      for (const t of list) pseudo.set(t, (pseudo.get(t) ?? 0) + add);
    });
    for (const [t, tf] of pseudo) {
      let p = building.get(t);
      if (!p) building.set(t, (p = { docs: [], weights: [] }));
      p.docs.push(d);
      p.weights.push((tf * (options.k1 + 1)) / (options.k1 + tf));
    }
  }
  sampled.length = 0;

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
