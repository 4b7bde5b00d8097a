import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import { buildAliasTable, type AliasTable } from './aliases';
import { buildIndex, DEFAULT_INDEX_OPTIONS, type IndexDocument, type IndexOptions, type InvertedIndex } from './inverted-index';
import { phraseKey } from './normalize';
import { analyzeQuery, UNKNOWN_WEIGHT, type AnalyzedQuery } from './query';
import { createScratch, rank, type Ranked, type RankScratch } from './rank';
import { STOPWORD_LIST } from './stopwords';
import { createTypoCorrector, type TypoCorrector } from './typo';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "2008-02-29" → "2008 february": what people type when they ask by date. */
export function dateWords(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const [y, m] = date.split('-');
  return m ? `${y} ${MONTHS[Number(m) - 1] ?? ''}` : y;
}

export function documentOf(entry: Entry, base: KnowledgeBase): IndexDocument {
  const topicNames = entry.topics.map((id) => base.topics.get(id)?.name ?? id);
  const people = entry.kind === 'quote' ? [entry.speaker, ...(entry.role ? [entry.role] : [])] : (entry.involved ?? []);
  return {
    text: entry.text,
    questions: entry.questions ?? [],
    keywords: entry.keywords ?? [],
    people,
    context: entry.kind === 'quote' ? entry.context : undefined,
    topics: topicNames,
    date: dateWords(entry.date),
    note: entry.note,
    // Curators name entries by their content ("incsea-signed-1972"): the id is a short summary.
    id: entry.id.replace(/-/g, ' '),
  };
}

export type SearchTuning = {
  index: IndexOptions;
  coveragePower: number;
  /** Multipliers for entries whose shape fits the question's intent. */
  intentBoost: { when: number; who: number; quote: number };
  /** How much a close match with one of an entry's curated questions lifts it: score × (1 + β·F1). */
  questionBoost: number;
  /** Weight of a word no entry holds, as a share of the maximum idf. */
  unknownWeight: number;
};

export const DEFAULT_TUNING: SearchTuning = {
  index: DEFAULT_INDEX_OPTIONS,
  coveragePower: 1,
  intentBoost: { when: 1.15, who: 1.1, quote: 1.25 },
  unknownWeight: UNKNOWN_WEIGHT,
  questionBoost: 2,
};

/** Candidates re-ranked by their curated questions: enough to hold the right entry when BM25 puts it lower. */
const RERANK_POOL = 20;

export type SearchHit = Ranked & { entry: Entry };
export type SearchOutcome = { query: AnalyzedQuery; hits: SearchHit[] };

/** The search side of the engine: built once per knowledge base, queried many times. */
export type EntryIndex = {
  index: InvertedIndex;
  aliases: AliasTable;
  typos: TypoCorrector;
  search(question: string, options?: { limit?: number; prefix?: boolean; only?: readonly Entry[] }): SearchOutcome;
  /** Entries whose curated question or keyword is exactly this text (case and punctuation aside). */
  exact(question: string): Entry[];
};

export function buildEntryIndex(base: KnowledgeBase, tuning: SearchTuning = DEFAULT_TUNING): EntryIndex {
  const entries = base.entries;
  const texts: string[] = [];
  for (const topic of base.topics.values()) texts.push(topic.name, topic.description ?? '');
  for (const entry of entries) texts.push(entry.text, ...(entry.keywords ?? []));
  const aliases = buildAliasTable(base.synonyms, texts);
  const index = buildIndex(
    entries.map((e) => documentOf(e, base)),
    aliases,
    tuning.index,
  );
  // Stopwords are candidates too, so that a misspelt filler word is recognised as filler.
  const typos = createTypoCorrector([...index.vocabulary.keys(), ...STOPWORD_LIST.filter((w) => w.length >= 4)], (word) => index.postings.get(index.vocabulary.get(word) ?? '')?.docs.length ?? 0);
  const scratch: RankScratch = createScratch(entries.length);
  const docOf = new Map<Entry, number>(entries.map((e, i) => [e, i]));

  // Each curated question read the way a user question is read, so the two can be compared concept by concept.
  const ctx = { index, aliases, typos };
  const questionConcepts: Array<Array<Map<string, number>>> = entries.map((e) =>
    (e.questions ?? []).map((q) => new Map(analyzeQuery(q, ctx).concepts.map((c) => [c.key, c.idf]))),
  );
  /** Best F1 overlap (idf-weighted) between the query and one of the entry's curated questions. */
  const questionMatch = (doc: number, query: ReadonlyMap<string, number>, queryTotal: number): number => {
    let best = 0;
    for (const q of questionConcepts[doc]!) {
      let inter = 0;
      let total = 0;
      for (const [key, idf] of q) {
        total += idf;
        if (query.has(key)) inter += idf;
      }
      if (inter === 0 || total === 0) continue;
      const p = inter / queryTotal;
      const r = inter / total;
      best = Math.max(best, (2 * p * r) / (p + r));
    }
    return best;
  };

  const exactMap = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const phrase of [...(entry.questions ?? []), ...(entry.keywords ?? [])]) {
      const key = phraseKey(phrase);
      if (!key) continue;
      const list = exactMap.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      exactMap.set(key, list);
    }
  }

  return {
    index,
    aliases,
    typos,
    exact: (question) => exactMap.get(phraseKey(question.slice(0, 400))) ?? [],
    search(question, options = {}) {
      const query = analyzeQuery(question, { index, aliases, typos }, { prefixLast: options.prefix, unknownWeight: tuning.unknownWeight });
      const { intent } = query;
      const boost = (d: number) => {
        const e = entries[d]!;
        let m = 1;
        if (intent.when && e.date) m *= tuning.intentBoost.when;
        if (intent.who && (e.kind === 'quote' || (e.involved?.length ?? 0) > 0)) m *= tuning.intentBoost.who;
        if (intent.quote && e.kind === 'quote') m *= tuning.intentBoost.quote;
        return m;
      };
      const only = options.only ? new Set(options.only.map((e) => docOf.get(e)!).filter((d) => d !== undefined)) : undefined;
      const limit = options.limit ?? 10;
      const rerank = !options.prefix && tuning.questionBoost > 0;
      let ranked = rank(index, query.concepts, scratch, { limit: rerank ? Math.max(limit, RERANK_POOL) : limit, coveragePower: tuning.coveragePower, boost, only });
      if (rerank && ranked.length > 1) {
        const qmap = new Map(query.concepts.map((c) => [c.key, c.idf]));
        const qtotal = query.concepts.reduce((sum, c) => sum + c.idf, 0);
        ranked = ranked
          .map((r) => ({ ...r, score: r.score * (1 + tuning.questionBoost * questionMatch(r.doc, qmap, qtotal)) }))
          .sort((a, b) => b.score - a.score || a.doc - b.doc)
          .slice(0, limit);
      }
      return { query, hits: ranked.map((r) => ({ ...r, entry: entries[r.doc]! })) };
    },
  };
}
