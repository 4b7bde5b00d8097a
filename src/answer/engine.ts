import type { KnowledgeBase } from '../knowledge/base';
import type { Entry, Source } from '../knowledge/schema';
import { confidenceOf, DEFAULT_THRESHOLDS, statusFor, type Thresholds } from '../search/confidence';
import { buildEntryIndex, DEFAULT_TUNING, isQuantity, type SearchTuning } from '../search/entry-index';
import { CAPITAL_OF } from '../search/aliases';
import { term, tokenize, words } from '../search/normalize';
import type { AnalyzedQuery } from '../search/query';
import { relatedTerms } from '../search/related-words';
import { parseChoice } from './choice';
import { buildRelatedIndex, composeAnswer } from './compose';
import type { AnswerEngine, QuoteFilter, TimelineFilter } from './engine-api';
import type { Answer, AnswerMode } from './model';
import { buildSpeakerDirectory, parseYearRange } from './structured';
import { buildQuestionPrefixIndex, suggestQuestions, suggestSourceChoices, suggestSpeakerNames, type QuestionPrefixIndex } from './suggest';

export type EngineOptions = {
  tuning?: SearchTuning;
  thresholds?: Thresholds;
  /** Whether an answer must mention every named thing (country, force, agreement) the question names. Off: on the tune split it refused twice as many answerable questions and abstained on no more out-of-scope ones. */
  requireEntities?: boolean;
  /** Whether "how many/much/old" questions need an answer that states a quantity (near the thing counted), a sum of money or an age. */
  requireQuantity?: boolean;
  /** Whether every word of the focus phrase must be matched ("aircraft carriers"), not only its head (on by default). */
  focusPhrase?: boolean;
  /** Whether a keyword query (no question words) with a word the base never uses is left unanswered. */
  requireKeywords?: boolean;
  /** Whether "the X of Y" needs an answer whose text has X close to Y. */
  requireOwner?: boolean;
  /** Whether an answer must mention every country the question names. */
  requireCountries?: boolean;
  /** Whether the thing a question asks about ("what weapons…", "the range of…") must be matched by the answer. */
  requireFocus?: boolean;
  /** Whether a "who" question needs an answer that names a person (on by default; neutral on the tune split, and an answer naming nobody to "who is…" is a guess). */
  requirePerson?: boolean;
  /** Whether "when is the next X" needs an entry about plans. */
  requireFuture?: boolean;
  /** Whether "who <verb> …" needs an entry that uses the verb (when the base knows it). */
  requireWhoVerb?: boolean;
  /** Whether "who is X" needs an entry with a curated "who" question about X. */
  requireIdentity?: boolean;
  /** Further results must score at least this share of the best one to be shown with it. */
  relativeCut?: number;
  /**
   * How many times the runner-up's score the best entry must reach for a coverage-only "unsure" to become an
   * answer, when it matches every informative word the base knows (0: never). Missed words are then ones the
   * base never uses ("tip off", "hitting") or common ones, not a subject the entry is silent about.
   */
  dominance?: number;
  /** Known concepts at least this informative (idf) must all be matched for a dominant entry to be promoted. */
  dominanceIdf?: number;
};

const DOMINANCE = 2;
const DOMINANCE_IDF = 2.5;
/** An entry matching this many of the question's concepts and scoring this many times the next is promoted whatever it misses. */
const LONG_MATCHED = 4;
const LONG_DOMINANCE = 2.5;

/** How many words apart (stopwords aside) "X" and "Y" of "the X of Y" may stand in an answer's text. */
const OWNER_WINDOW = 4;

/** What "does A have a … with B" must be about for A and B to be the two sides of it. */
const LINE_WORDS = new Set(['hotline', 'hotlines', 'line', 'lines', 'link', 'links', 'channel', 'channels', 'phone']);

/** What an entry about a coming event says. */
const TELLS_FUTURE = /\b(will|plans?|planned|scheduled|due|next|upcoming|expected|agreed to hold|to be held|intends?)\b/i;

/** What answers "how old is X": an age or a birth. */
const STATES_AGE = /\b(born|aged?|\d+-year-old|years? old)\b/i;

/** What answers "how much does X cost": a sum of money. */
const STATES_MONEY = /[$€£¥]|\b(dollars?|yuan|renminbi|rubles?|roubles?|rupees?|yen|euros?|budget|cost|costs|price|funding)\b/i;

/** How many words apart a "how many X" answer's number and its X may stand. */
const COUNT_WINDOW = 4;

/** The most entries a timeline or quote list carries; renderers page or cut further. */
export const MAX_LIST = 200;
const DEFAULT_LIMIT = 3;

/**
 * Builds the index for one knowledge base. The engine object is the index: the knowledge store
 * calls this once per (re)load, never per question.
 */
export function createEngine(base: KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const relativeCut = options.relativeCut ?? 0.2;
  const dominance = options.dominance ?? DOMINANCE;
  const dominanceIdf = options.dominanceIdf ?? DOMINANCE_IDF;
  const search = buildEntryIndex(base, options.tuning ?? DEFAULT_TUNING);
  const related = buildRelatedIndex(base.entries);
  // Built on the first autocomplete, not here: the CLI and the eval never need it.
  let prefixIndex: QuestionPrefixIndex | undefined;

  const quoteCounts = new Map<string, number>();
  for (const e of base.entries) if (e.kind === 'quote') quoteCounts.set(e.speaker, (quoteCounts.get(e.speaker) ?? 0) + 1);
  const speakers = buildSpeakerDirectory(quoteCounts.keys(), search.typos);

  const citedBy = new Map<string, Entry[]>();
  for (const e of base.entries) {
    for (const id of e.sources) {
      const list = citedBy.get(id) ?? [];
      list.push(e);
      citedBy.set(id, list);
    }
  }
  const dated = base.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.date)
    .sort((a, b) => a.e.date!.localeCompare(b.e.date!) || a.i - b.i)
    .map(({ e }) => e);

  const compose = (question: string, status: Answer['status'], mode: AnswerMode, picked: Array<{ entry: Entry; score: number }>) =>
    composeAnswer(base, related, question, status, mode, picked);
  const unknown = (question: string, mode: AnswerMode = 'search') => compose(question, 'unknown', mode, []);
  const list = (question: string, mode: AnswerMode, entries: readonly Entry[]) =>
    compose(question, entries.length ? 'answered' : 'unknown', mode, entries.slice(0, MAX_LIST).map((entry) => ({ entry, score: 1 })));

  const inRange = (date: string, from?: string, to?: string) =>
    (!from || date.slice(0, from.length) >= from) && (!to || date.slice(0, to.length) <= to);

  function timeline(filter: TimelineFilter, question = ''): Answer {
    const topic = filter.topic;
    const picked = dated.filter((e) => (!topic || e.topics.includes(topic)) && inRange(e.date!, filter.from, filter.to));
    return list(question || describeTimeline(filter), 'timeline', picked);
  }

  function quotes(filter: QuoteFilter, question = ''): Answer {
    const names = filter.speaker ? new Set(speakers.match(filter.speaker)) : undefined;
    const picked = base.entries
      .filter((e) => e.kind === 'quote' && (!names || names.has(e.speaker)) && (!filter.topic || e.topics.includes(filter.topic)))
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (b.e.date ?? '').localeCompare(a.e.date ?? '') || a.i - b.i)
      .map(({ e }) => e);
    return list(question || `quotes${filter.speaker ? ` by ${filter.speaker}` : ''}${filter.topic ? ` on ${filter.topic}` : ''}`, 'speaker', picked);
  }

  function answerFor(entryId: string, question?: string): Answer | undefined {
    const entry = base.byId.get(String(entryId ?? '').trim().toLowerCase());
    if (!entry) return undefined;
    return compose(question ?? entry.id, 'answered', 'id', [{ entry, score: 1 }]);
  }

  /** `label` is the question as the user wrote it, echoed in the answer; `question` is its trimmed form. */
  function searchAnswer(question: string, limit: number, label: string): Answer {
    const exact = search.exact(question);
    if (exact.length > 0) {
      const { hits } = search.search(question, { limit, only: exact });
      const ordered = [...hits.map((h) => h.entry), ...exact.filter((e) => !hits.some((h) => h.entry === e))];
      return compose(label, 'answered', 'search', ordered.slice(0, limit).map((entry) => ({ entry, score: 1 })));
    }
    const { hits, query } = search.search(question, { limit: Math.max(limit, 3) });
    const best = hits[0];
    const { countOf: head } = query.intent;
    const focus = options.requireFocus === false ? [] : options.focusPhrase !== false ? (query.intent.focusPhrase ?? []) : query.intent.focus ? [query.intent.focus] : [];
    let required = 0;
    query.concepts.forEach((c, i) => {
      if ((head !== undefined && c.words.includes(head)) || focus.some((f) => c.words.includes(f)) || (options.requireEntities === true && search.aliases.entities.has(c.key))) required |= 1 << i;
      if (options.requireCountries !== false && search.aliases.countries.has(c.key)) required |= 1 << i;
    });
    let status = statusFor(best, query.concepts.length, thresholds, required);
    if (status === 'unsure' && dominance > 0 && dominant(best!, hits[1], query, required)) status = 'answered';
    if (status === 'answered' && options.requirePerson !== false && query.intent.who && !search.tellsWho(best!.doc)) status = 'unsure';
    if (status === 'answered' && query.intent.task) status = 'unsure';
    if (status === 'answered' && options.requireWhoVerb !== false && !whoVerbMatched(query, best!.doc)) status = 'unsure';
    // "Who is the prime minister of Japan": an entry that names some minister in passing is not about who holds
    // the office. Only an entry with a curated "who…" question about the same subject answers who someone is
    // (an entry with no curated questions gives nothing to go on, and is left as it is).
    if (status === 'answered' && options.requireIdentity !== false && query.intent.identity && !best!.askedAlike && (best!.entry.questions?.length ?? 0) > 0) status = 'unsure';
    if (status === 'answered' && options.requireCountries !== false && !capitalsAnswered(query, best!.doc)) status = 'unsure';
    if (status === 'answered' && options.requireCountries !== false && !pairAnswered(query, best!.entry)) status = 'unsure';
    if (status === 'answered' && options.requireOwner !== false && !ownerNear(query, best!.entry)) status = 'unsure';
    // Keywords are all chosen to name the subject: one the base never uses (and is no typo of a word it
    // uses) means the subject is not covered. Short ones ("vs", "lnk") may be abbreviations or slips.
    if (status === 'answered' && options.requireKeywords !== false && query.intent.keywords && query.concepts.some((c) => !c.known && c.words.some((w) => w.length >= 4 && !/\d/.test(w)))) status = 'unsure';
    // "How many X", "how far…": an entry that states no quantity (dates aside) does not answer it, whatever it says about X.
    if (status === 'answered' && options.requireQuantity !== false && (head !== undefined || query.intent.measure) && !search.tellsCount(best!.doc)) status = 'unsure';
    if (status === 'answered' && options.requireQuantity !== false && head !== undefined && !countedNear(head, best!.entry)) status = 'unsure';
    if (status === 'answered' && options.requireQuantity !== false && query.intent.age && !STATES_AGE.test(best!.entry.text)) status = 'unsure';
    // "When is the next Shangri-La Dialogue": an entry about a past one does not say.
    if (status === 'answered' && options.requireFuture !== false && query.intent.upcoming && !TELLS_FUTURE.test(best!.entry.text)) status = 'unsure';
    if (status === 'answered' && options.requireQuantity !== false && query.intent.money && !STATES_MONEY.test(best!.entry.text)) status = 'unsure';
    if (!best || status === 'unknown') return unknown(label);
    if (status === 'unsure') {
      return compose(label, 'unsure', 'search', hits.slice(0, 3).map((h) => ({ entry: h.entry, score: confidenceOf(h, best) })));
    }
    const picked = hits
      .filter((h, i) => i === 0 || (h.score >= best.score * relativeCut && h.coverage >= thresholds.unsure))
      .slice(0, limit)
      .map((h) => ({ entry: h.entry, score: confidenceOf(h, best) }));
    return compose(label, 'answered', 'search', picked);
  }

  /** The best entry is far ahead of the next and misses none of the query's informative known words. */
  function dominant(best: { score: number; coverage: number; matched: number; mask: number }, next: { score: number } | undefined, query: AnalyzedQuery, required: number): boolean {
    if (best.matched < 2 || (best.mask & required) !== required) return false;
    if (next && best.score < dominance * next.score) return false;
    // A long question ("I remember that in summer 2022 Nancy Pelosi flew to Taipei…") has many words no entry
    // holds; an entry that matches several of its things and is far ahead of the rest is what it asks about.
    if (best.matched >= LONG_MATCHED && (!next || best.score >= LONG_DOMINANCE * next.score)) return true;
    return query.concepts.every((c, i) => !c.known || c.idf < dominanceIdf || (best.mask & (1 << i)) !== 0);
  }

  // The countries each topic's name pairs ("U.S.–China military channels" → us, china): what an entry is between.
  const countriesIn = (text: string): Set<string> => {
    const out = new Set<string>();
    for (const t of tokenize(text)) {
      const key = search.aliases.phrases.get(t.term);
      if (key && search.aliases.nations.has(key)) out.add(key);
      for (const country of CAPITAL_OF[t.word] ?? []) out.add(search.aliases.phrases.get(term(country)) ?? term(country));
    }
    return out;
  };
  const topicCountries = new Map([...base.topics.values()].map((t) => [t.id, countriesIn(t.name)]));

  /**
   * "Is there a hotline between china and taiwan": when a question asks about two countries with "between A
   * and B", the answer must be filed under a topic between those two (a U.S.–China entry that mentions Taiwan
   * is not about China and Taiwan).
   */
  function pairAnswered(query: AnalyzedQuery, entry: Entry): boolean {
    const pair = betweenPair(query.tokens.map((t) => t.word));
    if (!pair) return true;
    const [a, b] = pair;
    const filed = new Set(entry.topics.flatMap((id) => [...(topicCountries.get(id) ?? [])]));
    return [...a].some((k) => filed.has(k)) && [...b].some((k) => filed.has(k));
  }

  /** The two sides of "between A and B", or of "does A have a line with B". */
  function betweenPair(w: readonly string[]): [Set<string>, Set<string>] | undefined {
    const at = w.indexOf('between');
    const and = w.indexOf('and', at + 1);
    if (at >= 0 && and > at && and - at <= 4) return bothSides(w.slice(at + 1, and), w.slice(and + 1, and + 4));
    const have = w.findIndex((x) => x === 'have' || x === 'has');
    const withAt = w.indexOf('with', have + 1);
    if (have > 0 && withAt > have && w.slice(have + 1, withAt).some((x) => LINE_WORDS.has(x))) return bothSides(w.slice(0, have), w.slice(withAt + 1, withAt + 4));
    return undefined;
  }
  const bothSides = (a: readonly string[], b: readonly string[]): [Set<string>, Set<string>] | undefined => {
    const sides: [Set<string>, Set<string>] = [countriesIn(a.join(' ')), countriesIn(b.join(' '))];
    return sides[0].size > 0 && sides[1].size > 0 ? sides : undefined;
  };

  const conceptOf = (t: string) => search.aliases.phrases.get(t) ?? t;
  /**
   * "Who is the president of south korea": an entry that names a president and, elsewhere, South Korea is
   * not about South Korea's president. The two must stand close together in the entry's text (Y a country).
   */
  function ownerNear(query: AnalyzedQuery, entry: Entry): boolean {
    const { focus, focusOwner } = query.intent;
    if (!focus || !focusOwner) return true;
    // Only when Y is a country: "the rules of behaviour" is a name, "the president of south korea" a role.
    const owners = new Set(focusOwner.map((w) => conceptOf(term(w))).filter((k) => search.aliases.nations.has(k)));
    if (owners.size === 0) return true;
    const head = conceptOf(term(focus));
    // The text, and the curated questions and keywords: the entry's own words for what it is about.
    return [entry.text, ...(entry.questions ?? []), ...(entry.keywords ?? [])].some((phrase) => {
      const text = tokenize(phrase).filter((t) => !t.stop).map((t) => conceptOf(t.term));
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== head) continue;
        for (let j = Math.max(0, i - OWNER_WINDOW); j <= Math.min(text.length - 1, i + OWNER_WINDOW); j++) if (owners.has(text[j]!)) return true;
      }
      return false;
    });
  }

  /**
   * "How many warships does the Russian navy have": an entry that names warships and, elsewhere, "three to five
   * days" states no number of warships. When the entry's text names the counted thing, a quantity must stand
   * close to it. (When only its curated questions name it, statesQuantity is all there is to go on.)
   */
  function countedNear(head: string, entry: Entry): boolean {
    const key = conceptOf(term(head));
    // A related word counts as the thing: "ships" for "warships".
    const keys = new Set([key, ...relatedTerms(key)]);
    const text = tokenize(entry.text);
    const at = text.flatMap((t, i) => (keys.has(conceptOf(t.term)) ? [i] : []));
    if (at.length === 0) return true;
    return text.some((t, j) => isQuantity(t.word) && at.some((i) => Math.abs(i - j) <= COUNT_WINDOW));
  }

  /**
   * "Who replaced Kurt Campbell", "who organizes the Shangri-La Dialogue": the verb is what is asked, and an
   * entry that never uses it (nor a related word, in its text, questions or keywords) only shares the names.
   * A verb the base never uses is left alone: it already counts against coverage, and may be a paraphrase.
   */
  function whoVerbMatched(query: AnalyzedQuery, doc: number): boolean {
    const verb = query.intent.whoVerb;
    if (verb === undefined) return true;
    const c = query.concepts.find((x) => x.words.includes(verb));
    if (!c || !c.known) return true;
    return c.alts.some((a) => search.mentions(doc, a.term));
  }

  /** Each capital the question names ("pyongyang") is named by the entry, or its country is. */
  function capitalsAnswered(query: AnalyzedQuery, doc: number): boolean {
    return query.concepts.every((c) => {
      const countries = c.words.length === 1 ? CAPITAL_OF[c.words[0]!] : undefined;
      if (!countries || (search.index.postings.has(c.key) && search.mentions(doc, c.key))) return true;
      return countries.some((country) => {
        const key = search.aliases.phrases.get(term(country)) ?? term(country);
        return search.mentions(doc, key);
      });
    });
  }

  function ask(question: string, options: { limit?: number } = {}): Answer {
    const text = typeof question === 'string' ? question : String(question ?? '');
    try {
      const limit = Math.max(1, Math.min(10, Math.floor(options.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
      const trimmed = text.trim();
      if (!trimmed || words(trimmed.slice(0, 2000)).length === 0) return unknown(text);
      // An id typed as such, or the value of a picked autocomplete choice (`entry:<id>`).
      const asId = parseChoice(trimmed) ?? trimmed.toLowerCase();
      if (asId.length <= 80 && base.byId.has(asId)) return answerFor(asId, text)!;
      const range = parseYearRange(trimmed);
      if (range) return timeline(range, text);
      const names = speakers.match(trimmed);
      if (names.length > 0) return quotes({ speaker: trimmed }, text);
      return searchAnswer(trimmed, limit, text);
    } catch {
      // A question must never crash an adapter; a bug here shows up as "I don't know", and in the eval.
      return unknown(text);
    }
  }

  return {
    base,
    ask,
    answerFor,
    suggest: (partial, limit) => safe(() => suggestQuestions(base, search, partial, limit, (prefixIndex ??= buildQuestionPrefixIndex(base.entries))), []),
    suggestSpeakers: (partial, limit) => safe(() => suggestSpeakerNames(quoteCounts, partial, limit), []),
    suggestSources: (partial, limit) => safe(() => suggestSourceChoices(base, partial, limit), []),
    quotes: (filter) => quotes(filter ?? {}),
    timeline: (filter) => timeline(filter ?? {}),
    topics: () => {
      const counts = new Map<string, number>();
      for (const e of base.entries) for (const t of e.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...base.topics.values()]
        .map((topic) => ({ topic, count: counts.get(topic.id) ?? 0 }))
        .sort((a, b) => b.count - a.count || a.topic.name.localeCompare(b.topic.name));
    },
    source: (id) => {
      const source: Source | undefined = base.sources.get(String(id ?? '').trim());
      return source ? { source, entries: citedBy.get(source.id) ?? [] } : undefined;
    },
  };
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function describeTimeline(filter: TimelineFilter): string {
  const range = filter.from && filter.to ? (filter.from === filter.to ? filter.from : `${filter.from}–${filter.to}`) : filter.from ? `since ${filter.from}` : filter.to ? `until ${filter.to}` : '';
  return ['timeline', filter.topic, range].filter(Boolean).join(' ');
}
