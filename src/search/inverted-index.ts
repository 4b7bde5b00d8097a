import type { AliasTable } from './aliases';
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
  /** Every term (and concept), sorted, for prefix lookups (sorted on first use: only autocomplete and prefix queries need it). */
  readonly sortedTerms: readonly string[];
};

/**
 * Reads a field value's term ids into a list: stemmed words without stopwords, plus alias concepts. Each distinct
 * word is stemmed once per build (a base repeats its words); ids are given in order of first use, and
 * first-seen words enter `vocabulary`. Ids, not strings, so that summing a document's terms hashes nothing.
 */
function termReader(aliases: AliasTable, ids: Map<string, number>, vocabulary: Map<string, string>): (value: string, into: number[]) => number[] {
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  // Word → its term, the term's id (-1 for a stopword: it is read for phrases, never indexed), and the alias
  // phrases that start with it (a value with no such word holds no alias, and is not searched for one).
  const known = new Map<string, { term: string; id: number; phrases: PhrasesFrom | undefined }>();
  const { all, starts, startPhrases, concepts } = SCRATCH;
  return (value, out) => {
    all.length = 0;
    starts.length = 0;
    startPhrases.length = 0;
    for (const w of words(value)) {
      let info = known.get(w);
      if (info === undefined) {
        const t = term(w);
        const stop = isStopword(w);
        known.set(w, (info = { term: t, id: stop ? -1 : idOf(t), phrases: aliases.byFirst.get(t) }));
        if (!stop && !vocabulary.has(w)) vocabulary.set(w, t);
      }
      if (info.phrases) {
        starts.push(all.length);
        startPhrases.push(info.phrases);
      }
      all.push(info.term);
      if (info.id >= 0) out.push(info.id);
    }
    // All phrases, overlapping ones too: "Washington–Moscow hotline" must be found by "Moscow" alone even
    // when a longer alias ("Moscow–Washington hotline") covers the same words. The concepts findAllConcepts()
    // finds, in its order, looking only where a phrase starts.
    if (starts.length > 0) {
      concepts.length = 0;
      for (let s = 0; s < starts.length; s++) {
        const i = starts[s]!;
        for (const c of startPhrases[s]!) {
          if (i + c.terms.length > all.length) continue;
          let k = 1;
          while (k < c.terms.length && all[i + k] === c.terms[k]) k++;
          if (k === c.terms.length && !concepts.includes(c.concept)) concepts.push(c.concept);
        }
      }
      for (const concept of concepts) out.push(idOf(concept));
    }
    return out;
  };
}

/** The alias phrases that start with one term, longest first. */
type PhrasesFrom = ReadonlyArray<{ terms: readonly string[]; concept: string }>;

/**
 * The reader's working lists, emptied for each value: one value's terms (`all`), the positions where an alias
 * phrase may start and those phrases, and the concepts found. One set for the process, not one per build (builds
 * are synchronous, never interleaved): fresh empty arrays of each build hold no strings yet, and code optimised on
 * the previous build's lists was thrown away ("not a Smi") on each of the first builds.
 */
const SCRATCH = { all: [] as string[], starts: [] as number[], startPhrases: [] as PhrasesFrom[], concepts: [] as string[] };

/** Average field lengths are estimated on this many documents: exact enough for BM25, and one pass over the rest. */
const LENGTH_SAMPLE = 2_000;

function valuesOf(doc: IndexDocument, field: Field): readonly string[] {
  const raw = doc[field];
  return raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
}

/** Topic names, people and dates repeat across entries: each distinct value is read once. */
const REPEATED = new Set<Field>(['topics', 'people', 'date']);

/**
 * Each term's postings as typed arrays. A function of its own, so that this loop over every term does not make
 * buildIndex hot enough for the optimising compiler within the first builds (a 50-65 ms compile of all it inlines).
 */
function postingsOf(ids: ReadonlyMap<string, number>, docsOf: readonly number[][], weightsOf: readonly number[][]): Map<string, Postings> {
  const postings = new Map<string, Postings>();
  for (const [t, id] of ids) {
    const docs = docsOf[id];
    if (docs) postings.set(t, { docs: new Int32Array(docs), weights: new Float32Array(weightsOf[id]!) });
  }
  return postings;
}

export function buildIndex(documents: readonly IndexDocument[], aliases: AliasTable, options: IndexOptions = DEFAULT_INDEX_OPTIONS): InvertedIndex {
  const n = documents.length;
  const vocabulary = new Map<string, string>();
  const ids = new Map<string, number>();
  const read = termReader(aliases, ids, vocabulary);
  const memo = new Map<string, number[]>();
  const readRepeated = (value: string) => {
    let terms = memo.get(value);
    if (!terms) memo.set(value, (terms = read(value, [])));
    return terms;
  };
  /**
   * One document's term ids, field by field (in FIELDS order). Arrays here are made by loops and typed arrays,
   * not FIELDS.map(): the array map() makes is of another kind once the optimising compiler inlines it, and the
   * code reading them was thrown away ("wrong map") on each of the first builds.
   */
  const termsOf = (doc: IndexDocument): number[][] => {
    const fields: number[][] = [];
    for (const field of FIELDS) {
      const values = valuesOf(doc, field);
      const repeated = REPEATED.has(field);
      if (values.length === 1) {
        fields.push(repeated ? readRepeated(values[0]!) : read(values[0]!, []));
        continue;
      }
      // Several values (curated questions, keywords): their terms read straight into one list.
      const list: number[] = [];
      for (const v of values) {
        if (!repeated) read(v, list);
        else for (const t of readRepeated(v)) list.push(t);
      }
      fields.push(list);
    }
    return fields;
  };

  // The sample's terms are kept for the main pass, so a base of up to LENGTH_SAMPLE entries is read once.
  const sample = Math.min(n, LENGTH_SAMPLE);
  const sampled: number[][][] = [];
  const sums = new Float64Array(FIELDS.length);
  for (let d = 0; d < sample; d++) {
    const fields = termsOf(documents[d]!);
    sampled.push(fields);
    for (let fi = 0; fi < fields.length; fi++) sums[fi]! += fields[fi]!.length;
  }
  const avg = new Float64Array(FIELDS.length);
  const weights = new Float64Array(FIELDS.length);
  for (let fi = 0; fi < FIELDS.length; fi++) {
    avg[fi] = Math.max(1, sums[fi]! / Math.max(1, sample));
    weights[fi] = options.weights[FIELDS[fi]!];
  }

  // Per term id: the documents holding it and their saturated weights, in document order.
  const docsOf: number[][] = [];
  const weightsOf: number[][] = [];
  // One document's pseudo term frequencies, by id, and the ids it touched (in order of first use).
  // Sized for the sample's terms (every term of a base of up to LENGTH_SAMPLE entries): growing it inside the loop
  // threw the code optimised on that loop away ("insufficient type feedback") on every build of the shipped base.
  let tf = new Float64Array(Math.max(1024, 2 * ids.size));
  const touched: number[] = [];
  for (let d = 0; d < n; d++) {
    const fields = d < sample ? sampled[d]! : termsOf(documents[d]!);
    if (tf.length < ids.size) {
      const grown = new Float64Array(Math.max(ids.size, 2 * tf.length));
      grown.set(tf);
      tf = grown;
    }
    for (let fi = 0; fi < FIELDS.length; fi++) {
      const list = fields[fi]!;
      const w = weights[fi]!;
      if (w === 0 || list.length === 0) continue;
      // BM25F: each occurrence adds the field weight, normalised by the field's length against its average.
      const add = w / (1 - options.b + options.b * (list.length / avg[fi]!));
      for (const id of list) {
        if (tf[id] === 0) touched.push(id);
        tf[id] = tf[id]! + add;
      }
    }
    for (const id of touched) {
      const f = tf[id]!;
      tf[id] = 0;
      if (docsOf[id] === undefined) {
        docsOf[id] = [];
        weightsOf[id] = [];
      }
      docsOf[id]!.push(d);
      weightsOf[id]!.push((f * (options.k1 + 1)) / (options.k1 + f));
    }
    touched.length = 0;
    if (d < sample) sampled[d] = [];
  }

  const postings = postingsOf(ids, docsOf, weightsOf);
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const maxIdf = idfOf(0);
  let sorted: string[] | undefined;
  return {
    size: n,
    postings,
    idf: (t) => idfOf(postings.get(t)?.docs.length ?? 0),
    maxIdf,
    vocabulary,
    get sortedTerms() {
      return (sorted ??= [...postings.keys()].sort());
    },
  };
}
