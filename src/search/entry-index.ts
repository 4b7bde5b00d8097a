import { namesPlace } from './places';
import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import { buildAliasTable, type AliasTable } from './aliases';
import { buildIndex, DEFAULT_INDEX_OPTIONS, type IndexDocument, type IndexOptions, type InvertedIndex } from './inverted-index';
import { phraseKey, words } from './normalize';
import { analyzeQuery, UNKNOWN_WEIGHT, type AnalyzedQuery } from './query';
import { createScratch, rank, type Ranked, type RankScratch } from './rank';
import { RELATED_FACTOR } from './related-words';
import { STOPWORD_LIST } from './stopwords';
import { createTypoCorrector, type TypoCorrector } from './typo';
import { isCommonWord, isEnglishWord } from './common-words';
import { lowerBound } from '../text/lower-bound';
import { MONTHS_LOWER as MONTHS } from '../text/readable-date';

const DATE_IN_TEXT = /\b(1[0-9]|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const PERSON_IN_TEXT = /\b(Adm|Gen|Lt|Col|Maj|Rep|Sen|Mr|Ms|Dr)\.|\b(Secretary|Minister|President|Admiral|General|Ambassador|Chairman|Commander)\s+[A-Z]/;

const NO_WORDS: string[] = [];

// A quantity, for "how many/much" questions: a number word, or digits that are not part of a date.
const QUANTITY_WORD =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|once|twice|several|half|single|percent|hourly|daily|weekly|monthly|yearly|annually|annual|every)\b/i;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE_PARTS = new RegExp(`\\b\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}\\b|\\b(1[89]|20)\\d{2}(s|-\\d{2}(-\\d{2})?)?\\b`, 'gi');

/** Whether a text states a quantity ("about twenty messages", "100 minutes"), dates aside. */
export function statesQuantity(text: string): boolean {
  return QUANTITY_WORD.test(text) || /\d/.test(text.replace(DATE_PARTS, ' '));
}

// "The sixth hotline": an ordinal near the counted thing gives its number too.
const ORDINAL = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th))$/;

/** One word that states a quantity: a number word, or digits that are no year. */
export function isQuantity(word: string): boolean {
  return QUANTITY_WORD.test(word) || ORDINAL.test(word) || (/^\d+$/.test(word) && !/^(1[89]|20)\d\d$/.test(word));
}

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
    // Curators name entries by their content ("incsea-signed-1972"): the id is a short summary. Its bare numbers
    // are left out: years are in `date`, and a number unique to one id would be one posting list per entry.
    id: entry.id
      .split('-')
      .filter((part) => !/^\d+$/.test(part))
      .join(' '),
  };
}

export type SearchTuning = {
  index: IndexOptions;
  coveragePower: number;
  /**
   * Multipliers for entries whose shape fits the question's intent; `asked`: one of the entry's curated
   * questions asks for the same kind of answer (who, when, why, where, how many); `sequence`: one asks, as the
   * question does, what came before or after the event or whether it happened again (sequenceWordsOf); `where`: a
   * "where" question's entries that place something at a named place (namesPlace; dev top-1 +1 at 1.2, +2 at 1.3,
   * no more at 1.5); `when`: entries whose text gives a date (1.3 → 1.5: dev top-1 +1, leave-one-out +1; flat
   * from 1.4 to 1.7).
   */
  intentBoost: { when: number; who: number; where: number; quote: number; speaker: number; count: number; asked: number; sequence: number };
  /** How much a close match with one of an entry's curated questions lifts it: score × (1 + β·F1). */
  questionBoost: number;
  /** Factor for related words (0: off). */
  relatedFactor: number;
  /** Weight of a word no entry holds, as a share of the maximum idf. */
  unknownWeight: number;
};

export const DEFAULT_TUNING: SearchTuning = {
  index: DEFAULT_INDEX_OPTIONS,
  coveragePower: 1,
  intentBoost: { when: 1.5, who: 1.1, where: 1.3, quote: 1.25, speaker: 2, count: 1.3, asked: 1.5, sequence: 1.3 },
  unknownWeight: UNKNOWN_WEIGHT,
  questionBoost: 2,
  relatedFactor: RELATED_FACTOR,
};

/** Candidates re-ranked by their curated questions: enough to hold the right entry when BM25 puts it lower. */
const RERANK_POOL = 20;
const QUESTION_CACHE = 20_000;
/** A curated question of the same kind as the query counts when it shares at least this much with it. */
const SAME_KIND_MIN_F1 = 0.2;

/** `questionMatch`: best idf-weighted F1 between the query and one of the entry's curated questions (0 when not re-ranked). */
/** `askedAlike`: one of the entry's curated questions asks for the same kind of answer about the query's subject. */
export type SearchHit = Ranked & { entry: Entry; questionMatch: number; askedAlike: boolean };
export type SearchOutcome = { query: AnalyzedQuery; hits: SearchHit[] };

/** The search side of the engine: built once per knowledge base, queried many times. */
export type EntryIndex = {
  index: InvertedIndex;
  aliases: AliasTable;
  typos: TypoCorrector;
  search(question: string, options?: { limit?: number; prefix?: boolean; only?: readonly Entry[] }): SearchOutcome;
  /** Whether the entry at this position names a person (can answer "who"). */
  tellsWho(doc: number): boolean;
  /** Whether the entry's text names a place where something is or happened (namesPlace). */
  tellsWhere(doc: number): boolean;
  /** Whether the entry at this position holds this index term or concept (in any field). */
  mentions(doc: number, term: string): boolean;
  /** Whether the entry at this position states a quantity (can answer "how many"). */
  tellsCount(doc: number): boolean;
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
  const typos = createTypoCorrector(
    // Read when the first correction is asked for (createTypoCorrector), not copied here.
    {
      *[Symbol.iterator]() {
        yield* index.vocabulary.keys();
        yield* STOPWORD_LIST.filter((w) => w.length >= 4);
      },
    },
    (word) => index.postings.get(index.vocabulary.get(word) ?? '')?.docs.length ?? 0,
    isEnglishWord,
    isCommonWord,
  );
  const tellsCount = lazyBits(entries, (e) => statesQuantity(e.text));
  const scratch: RankScratch = createScratch(entries.length);
  // Which entries can answer "when" (their words give a date) and "who" (they name people).
  const tellsWhen = lazyBits(entries, (e) => DATE_IN_TEXT.test(e.text));
  const speakerTokens = entries.map((e) => (e.kind === 'quote' ? words(e.speaker) : NO_WORDS));
  // Which entries can answer "where" (their words place something at a named place).
  const tellsWhere = lazyBits(entries, (e) => namesPlace(e.text));
  const tellsWho = lazyBits(entries, (e) => e.kind === 'quote' || (e.involved?.length ?? 0) > 0 || PERSON_IN_TEXT.test(e.text));

  // Each curated question read the way a user question is read, so the two can be compared concept by
  // concept. Worked out when the entry is first a re-rank candidate, not at build: reading every curated
  // question was a third of the build, and only candidates need it. Kept for the most recent entries
  // only: at 100k entries, keeping them all would cost ~40 MB for entries that are rarely candidates.
  const ctx = { index, aliases, typos };
  // `kind`: the kind of answer the curated question asks for (questionKind).
  // `keys` and `idfs`: its distinct concepts, in order. Arrays, not a Map: iterating a Map's entries makes a
  // pair per concept, on every candidate of every question (a quarter of what a question allocated).
  // `sequence`: its sequence words (sequenceWordsOf).
  type CuratedQuestion = { keys: string[]; idfs: number[]; kind: number; sequence: string[] };
  const questionCache = new Map<number, CuratedQuestion[]>();
  const questionConceptsOf = (doc: number): CuratedQuestion[] => {
    let list = questionCache.get(doc);
    if (!list) {
      const e = entries[doc]!;
      const read = (q: string, kind: number) => {
        const concepts = new Map(analyzeQuery(q, ctx, { intent: false }).concepts.map((c) => [c.key, c.idf]));
        return { keys: [...concepts.keys()], idfs: [...concepts.values()], kind, sequence: sequenceWordsOf(words(q.slice(0, 400))) };
      };
      list = (e.questions ?? []).map((q) => read(q, questionKind(q)));
      if (questionCache.size >= QUESTION_CACHE) questionCache.delete(questionCache.keys().next().value!);
      questionCache.set(doc, list);
    }
    return list;
  };

  /**
   * Best F1 overlap (idf-weighted) between the query and one of the entry's curated questions, and whether a
   * curated question that asks for the same kind of answer (`kind`, from questionKind) shares the query's subject.
   */
  const questionMatch = (
    doc: number,
    query: ReadonlyMap<string, number>,
    queryTotal: number,
    kind: number,
    sequence: readonly string[],
  ): { f1: number; sameKind: boolean; sameSequence: boolean } => {
    // `query` maps each term the query asks for to how fully (1: typed as is); question concepts are keyed by term.
    let best = 0;
    let sameKind = false;
    let sameSequence = false;
    for (const q of questionConceptsOf(doc)) {
      let inter = 0;
      let total = 0;
      for (let i = 0; i < q.keys.length; i++) {
        const idf = q.idfs[i]!;
        total += idf;
        const factor = query.get(q.keys[i]!);
        if (factor !== undefined) inter += idf * factor;
      }
      if (inter === 0 || total === 0) continue;
      const p = inter / queryTotal;
      const r = inter / total;
      const f1 = (2 * p * r) / (p + r);
      best = Math.max(best, f1);
      if (kind !== 0 && (q.kind & kind) !== 0 && f1 >= SAME_KIND_MIN_F1) sameKind = true;
      if (f1 >= SAME_KIND_MIN_F1 && q.sequence.some((w) => sequence.includes(w))) sameSequence = true;
    }
    return { f1: best, sameKind, sameSequence };
  };

  // Keyed by a hash of the phrase, not the phrase: at 100k entries the phrases themselves would be
  // ~15 MB of strings. A hit is confirmed against the entry's own phrases. Made on the first question,
  // not at build: reading every curated question and keyword again was a seventh of the build.
  let exactMap: Map<number, Entry[]> | undefined;
  const exactTable = (): Map<number, Entry[]> => {
    if (exactMap) return exactMap;
    const table = new Map<number, Entry[]>();
    entries.forEach((entry) => {
      for (const phrase of [...(entry.questions ?? []), ...(entry.keywords ?? [])]) {
        const key = phraseKey(phrase);
        if (!key) continue;
        const h = hashOf(key);
        const list = table.get(h) ?? [];
        if (!list.includes(entry)) list.push(entry);
        table.set(h, list);
      }
    });
    return (exactMap = table);
  };
  const exact = (question: string): Entry[] => {
    const key = phraseKey(question.slice(0, 400));
    if (!key) return [];
    const candidates = exactTable().get(hashOf(key)) ?? [];
    return candidates.filter((e) => [...(e.questions ?? []), ...(e.keywords ?? [])].some((p) => phraseKey(p) === key));
  };

  // One literal, fields always in this order: every hit has the same shape (spreading a ranked result into
  // a new object, as before, allocated several times as much).
  const hitOf = (r: Ranked, score: number, questionMatch: number, askedAlike: boolean): SearchHit => ({
    questionMatch,
    askedAlike,
    doc: r.doc,
    score,
    coverage: r.coverage,
    matched: r.matched,
    mask: r.mask,
    entry: entries[r.doc]!,
  });

  return {
    index,
    aliases,
    typos,
    exact,
    tellsWho,
    tellsWhere,
    tellsCount,
    mentions: (doc, term) => {
      // Postings are in document order: a binary search, not a scan, so this stays cheap on a 100k-entry base.
      const docs = index.postings.get(term)?.docs;
      if (!docs) return false;
      return docs[lowerBound(docs.length, (i) => docs[i]! < doc)] === doc;
    },
    search(question, options = {}) {
      const query = analyzeQuery(
        question,
        { index, aliases, typos, relatedFactor: tuning.relatedFactor },
        { prefixLast: options.prefix, unknownWeight: tuning.unknownWeight },
      );
      const { intent } = query;
      // Corrected spellings too: "what did reagen say" is about Reagan's quotes.
      const speakerWords = intent.quote
        ? [...query.tokens.filter((t) => !t.stop && t.word.length >= 3).map((t) => t.word), ...query.corrections.map((c) => c.to)]
        : [];
      const kind = questionKind(question);
      const boost = (d: number) => {
        const e = entries[d]!;
        let m = 1;
        if (intent.when && tellsWhen(d)) m *= tuning.intentBoost.when;
        if (intent.who && tellsWho(d)) m *= tuning.intentBoost.who;
        if (intent.where && tellsWhere(d)) m *= tuning.intentBoost.where;
        if (intent.countOf !== undefined && tellsCount(d)) m *= tuning.intentBoost.count;
        if (intent.quote && e.kind === 'quote') {
          m *= tuning.intentBoost.quote;
          // "What did Austin say": quotes by the person named in the question, above all.
          if (speakerWords.some((w) => speakerTokens[d]!.includes(w))) m *= tuning.intentBoost.speaker;
        }
        return m;
      };
      // `only` holds a handful of exact matches: finding their positions by scan is cheaper than a 100k-entry map.
      const only = options.only ? new Set(options.only.map((e) => entries.indexOf(e)).filter((d) => d >= 0)) : undefined;
      const limit = options.limit ?? 10;
      const rerank = !options.prefix && tuning.questionBoost > 0;
      const ranked = rank(index, query.concepts, scratch, {
        limit: rerank ? Math.max(limit, RERANK_POOL) : limit,
        coveragePower: tuning.coveragePower,
        boost,
        only,
      });
      if (!rerank || ranked.length === 0) return { query, hits: ranked.map((r) => hitOf(r, r.score, 0, false)) };
      // Term → how fully the query asks for it: 1 for its own words, less for corrected and related ones.
      const qmap = new Map<string, number>();
      for (const c of query.concepts) for (const alt of c.alts) qmap.set(alt.term, Math.max(qmap.get(alt.term) ?? 0, alt.factor));
      const sequence = sequenceWordsOf(query.tokens.map((t) => t.word));
      const qtotal = query.concepts.reduce((sum, c) => sum + c.idf, 0);
      // The query's most informative known concept: an entry asked about the same kind of thing must also be about it.
      let subject = -1;
      query.concepts.forEach((c, i) => {
        if (c.known && (subject < 0 || c.idf > query.concepts[subject]!.idf)) subject = i;
      });
      const aboutSubject = (mask: number) => subject < 0 || (mask & (1 << subject)) !== 0;
      const hits = ranked
        .map((r) => {
          const qm = questionMatch(r.doc, qmap, qtotal, kind, sequence);
          const askedAlike = qm.sameKind && aboutSubject(r.mask);
          const sameSequence = qm.sameSequence && aboutSubject(r.mask);
          const score =
            r.score * (1 + tuning.questionBoost * qm.f1) * (askedAlike ? tuning.intentBoost.asked : 1) * (sameSequence ? tuning.intentBoost.sequence : 1);
          return hitOf(r, score, qm.f1, askedAlike);
        })
        .sort((a, b) => b.score - a.score || a.doc - b.doc)
        .slice(0, limit);
      return { query, hits };
    },
  };
}

/**
 * Stopwords that ask what came before or after an event, or whether it happened again. Sibling entries about
 * one event share its words, and their curated questions differ in these ("did they talk again after the
 * meeting" is the follow-up's question, not the meeting's), so they are read, not dropped, when comparing a
 * question with curated ones.
 */
const SEQUENCE_WORDS = new Set(['again', 'after', 'before', 'since', 'until']);

/** The sequence words of a question, each once. */
export function sequenceWordsOf(questionWords: readonly string[]): string[] {
  // Most questions have none: one shared empty list, not one per curated question.
  const found = questionWords.filter((w) => SEQUENCE_WORDS.has(w));
  return found.length === 0 ? NO_WORDS : [...new Set(found)];
}

const KIND_WHO = 1;
const KIND_WHEN = 2;
export const KIND_WHY = 4;
const KIND_WHERE = 8;
const KIND_COUNT = 16;

/** "What caused / triggered / led to X": a cause asked for without "why" (on a question's words, or its lower-cased text). */
export const CAUSE_ASKED = /^\W*(what|which \w+)( \w+)? (caused|triggered|prompted|sparked|provoked|started|led to)\b/;

/** The kind of answer a question asks for, as bits (0: none recognised): who, when, why, where, how many. */
export function questionKind(question: string): number {
  // Regular expressions on the lower-cased text, not words(): this runs for every curated question of the base.
  const q = question.slice(0, 200).toLowerCase();
  let bits = 0;
  if (/\bwho(m|s|se)?\b/.test(q)) bits |= KIND_WHO;
  if (/\bwhen\b/.test(q) || (/\bwhat\b/.test(q) && /\b(year|date)\b/.test(q))) bits |= KIND_WHEN;
  if (/\bwhy\b|\bpurpose\b|\bpoint of\b|^\W*what\b.*\bfor\W*$/.test(q) || CAUSE_ASKED.test(q)) bits |= KIND_WHY;
  if (/\bwhere\b/.test(q)) bits |= KIND_WHERE;
  if (/\bhow\s+(many|much|often|long)\b/.test(q)) bits |= KIND_COUNT;
  return bits;
}

/**
 * A yes/no property of each entry, worked out the first time it is asked for: the regular expressions
 * behind them ran over every entry's text at build, and only candidates of some questions need them.
 */
function lazyBits(entries: readonly Entry[], test: (entry: Entry) => boolean): (doc: number) => boolean {
  const bits = new Uint8Array(entries.length); // 0: not yet known, 1: yes, 2: no
  return (doc) => {
    let b = bits[doc]!;
    if (b === 0) bits[doc] = b = test(entries[doc]!) ? 1 : 2;
    return b === 1;
  };
}

/** FNV-1a, 32 bits. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
