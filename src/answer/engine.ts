import type { KnowledgeBase } from '../knowledge/base';
import type { Entry, Source } from '../knowledge/schema';
import { confidenceOf } from '../search/confidence';
import { buildEntryIndex } from '../search/entry-index';
import { term, words } from '../search/normalize';
import type { AnalyzedQuery } from '../search/query';
import { CALIBRATED, CHECK_NAMES, decide, givesWay, mayTakePlace, THRESHOLDS, type CheckName, type Decision, type QuestionRead } from './answerability';
import { buildEvidenceReader, type NamedInQuestion } from './evidence';
import { buildNameFinder } from './names';
import { ASPECT_WORDS, asksGoesOn, questionKind } from './question-kind';
import { buildPeople, speakerAsked } from './speaker';
import { rankContext, rankHits } from './ranking';
import { parseChoice } from './choice';
import { buildRelatedIndex, composeAnswer } from './compose';
import type { AnswerEngine, QuoteFilter, TimelineFilter, Trace } from './engine-api';
import type { Answer, AnswerMode, Declined } from './model';
import { buildSpeakerDirectory, parseYearRange } from './structured';
import { buildQuestionPrefixIndex, suggestQuestions, suggestSourceChoices, suggestSpeakerNames, type QuestionPrefixIndex } from './suggest';

export type EngineOptions = {
  /**
   * Answer checks to switch off, by name (src/answer/answerability.ts: CHECKS). For measuring what a check is
   * worth and for tests; production runs them all.
   */
  disable?: ReadonlyArray<CheckName | typeof CALIBRATED>;
};

/** Hits read per question: enough for an entry that involves every named thing to come up from below. */
const POOL = 10;
/**
 * An entry "clearly bears" on an opinion or a forecast when, asked as a fact, it would be the answer, and it
 * covers this much of the question and leads the runner-up this far: a looser match would put words in its mouth.
 */
const RECORD_COVERAGE = 0.5;
const RECORD_LEAD = 1.5;
/** Further results must score at least this share of the best one to be shown with it. */
const RELATIVE_CUT = 0.2;

/** The most entries a timeline or quote list carries; renderers page or cut further. */
export const MAX_LIST = 200;
const DEFAULT_LIMIT = 3;

/**
 * Builds the index for one knowledge base. The engine object is the index: the knowledge store
 * calls this once per (re)load, never per question.
 */
export function createEngine(base: KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
  const disabled = new Set<string>(options.disable ?? []);
  for (const name of disabled)
    if (name !== CALIBRATED && !CHECK_NAMES.includes(name as CheckName)) throw new Error(`unknown answer check "${name}" (known: ${CHECK_NAMES.join(', ')})`);
  const search = buildEntryIndex(base);
  const people = buildPeople(base.entries);
  const evidence = buildEvidenceReader(base, search, people);
  // The last year the record can speak of: a question about a later one asks for a forecast.
  const latestYear = Math.max(new Date().getUTCFullYear(), ...base.entries.map((e) => Number(e.date?.slice(0, 4) ?? 0)));
  const related = buildRelatedIndex(base.entries);
  // Built on the first autocomplete, not here: the CLI and the eval never need it.
  let prefixIndex: QuestionPrefixIndex | undefined;

  const quoteCounts = new Map<string, number>();
  for (const e of base.entries) if (e.kind === 'quote') quoteCounts.set(e.speaker, (quoteCounts.get(e.speaker) ?? 0) + 1);
  const speakers = buildSpeakerDirectory(quoteCounts.keys(), search.typos);
  const names = buildNameFinder(base.entries);

  // The entries citing each source, and the dated entries in date order: worked out when /source or a timeline
  // first needs them, not at build.
  let citing: Map<string, Entry[]> | undefined;
  const citedBy = () => {
    if (citing) return citing;
    citing = new Map<string, Entry[]>();
    for (const e of base.entries) {
      for (const id of e.sources) {
        const list = citing.get(id) ?? [];
        list.push(e);
        citing.set(id, list);
      }
    }
    return citing;
  };
  let datedEntries: Entry[] | undefined;
  const dated = () =>
    (datedEntries ??= base.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.date)
      .sort((a, b) => a.e.date!.localeCompare(b.e.date!) || a.i - b.i)
      .map(({ e }) => e));

  const compose = (
    question: string,
    status: Answer['status'],
    mode: AnswerMode,
    picked: Array<{ entry: Entry; score: number }>,
    extra?: Parameters<typeof composeAnswer>[6],
  ) => composeAnswer(base, related, question, status, mode, picked, extra);
  const unknown = (question: string, mode: AnswerMode = 'search') => compose(question, 'unknown', mode, []);
  const list = (question: string, mode: AnswerMode, entries: readonly Entry[]) =>
    compose(
      question,
      entries.length ? 'answered' : 'unknown',
      mode,
      entries.slice(0, MAX_LIST).map((entry) => ({ entry, score: 1 })),
    );

  const inRange = (date: string, from?: string, to?: string) => (!from || date.slice(0, from.length) >= from) && (!to || date.slice(0, to.length) <= to);

  function timeline(filter: TimelineFilter, question = ''): Answer {
    const topic = filter.topic;
    const picked = dated().filter((e) => (!topic || e.topics.includes(topic)) && inRange(e.date!, filter.from, filter.to));
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
    const entry = base.byId.get(
      String(entryId ?? '')
        .trim()
        .toLowerCase(),
    );
    if (!entry) return undefined;
    return compose(question ?? entry.id, 'answered', 'id', [{ entry, score: 1 }]);
  }

  /** `label` is the question as the user wrote it, echoed in the answer; `question` is its trimmed form. */
  function searchAnswer(question: string, limit: number, label: string, trace?: Trace): Answer {
    const exact = search.exact(question);
    if (exact.length > 0) {
      const { hits } = search.search(question, { limit, only: exact });
      const ordered = [...hits.map((h) => h.entry), ...exact.filter((e) => !hits.some((h) => h.entry === e))];
      return compose(
        label,
        'answered',
        'search',
        ordered.slice(0, limit).map((entry) => ({ entry, score: 1 })),
      );
    }
    const pool = search.search(question, { limit: POOL });
    const { query } = pool;
    const things = evidence.named(query);
    const asked = speakerOf(query);
    const read = readQuestion(question, query, [...things.unknown, ...names.unknownIn(question, query)]);
    if (asked) read.speaker = { name: asked.name, quoted: asked.quoted };
    const named: NamedInQuestion = { concepts: things.known, ...(asked ? { speaker: asked } : {}) };
    // The sibling-ranking rules, in order (ranking.ts: RANKING_RULES). Read-only: each hands back the same array when
    // it moves nothing, so nothing is copied.
    const ranked = rankHits(pool.hits, rankContext(question, query, named, evidence, disabled));
    let hits = ranked.hits;
    let found = evidence.read(query, hits, named);
    let decision = decide(read, found[0], disabled);
    // "Who headed each delegation at the 17th DPCT": the best hit names the talks but not who headed them, and one
    // of the next two, which every check lets through, does: that one is the answer, not a "did you mean".
    if (givesWay(decision)) {
      const runnerUp = found.findIndex((e, i) => i > 0 && decide(read, e, disabled).status === 'answered' && mayTakePlace(decision, e));
      if (runnerUp > 0) {
        const moved = [hits[runnerUp]!, ...hits.filter((_, i) => i !== runnerUp)];
        const reread = evidence.read(query, moved, named);
        const after = decide(read, reread[0], disabled);
        // Read first, the runner-up leads by less (its lead is over the old best hit): it moves up only if it still answers.
        if (after.status === 'answered') {
          [hits, found, decision] = [moved, reread, after];
          ranked.movedBy.push('runner-up');
        }
      }
    }
    const best = hits[0];
    trace?.(decision, ranked.movedBy);
    const declined = declineReason(read, decision);
    if (!best || decision.status === 'unknown') {
      // An opinion or a forecast that one entry clearly bears on: that entry, as what the record shows.
      const top = found[0];
      const bears =
        (read.kind === 'opinion' || read.kind === 'prediction') &&
        top &&
        top.coverage >= RECORD_COVERAGE &&
        top.lead >= RECORD_LEAD &&
        decide({ ...read, kind: 'fact' }, top, disabled).status === 'answered';
      return compose(label, 'unknown', 'search', [], { declined, record: bears ? { entry: found[0]!.entry, score: found[0]!.coverage } : undefined });
    }
    if (decision.status === 'unsure') {
      return compose(
        label,
        'unsure',
        'search',
        hits.slice(0, 3).map((h) => ({ entry: h.entry, score: confidenceOf(h, best) })),
      );
    }
    const picked = hits
      .filter((h, i) => i === 0 || (h.score >= best.score * RELATIVE_CUT && h.coverage >= THRESHOLDS.unsure))
      .slice(0, limit)
      .map((h) => ({ entry: h.entry, score: confidenceOf(h, best) }));
    return compose(label, 'answered', 'search', picked);
  }

  /**
   * "What did X say": X, with the base's speakers it matches, when X is a person (or a name the base never
   * uses). A country, an organisation the base names ("indopacom") or a description ("the pentagon") is left alone.
   */
  function speakerOf(query: AnalyzedQuery): { name: string; quoted: boolean; matches: string[]; keys: string[] } | undefined {
    const asked = speakerAsked(query.tokens);
    if (!asked) return undefined;
    const names = asked.name
      .join(' ')
      .split(' and ')
      .map((n) => n.split(' '));
    let quoted: { name: string; quoted: boolean; matches: string[]; keys: string[] } | undefined;
    for (const name of names) {
      const concepts = query.concepts.filter((c) => c.words.some((w) => name.includes(w)));
      // A base alias ("indopacom") names an organisation, unless the base names it as a person ("gen wu yanan"), or
      // the name has a word no entry holds and the words are asked for ("what did marco rubio say": "marco" read as
      // the month alias by a typo match is part of a name the base never uses).
      const unheard = asked.words && name.length >= 2 && concepts.some((c) => !c.known);
      if (concepts.some((c) => search.aliases.countries.has(c.key) || (c.key.startsWith('~') && !people.isPerson(name) && !unheard))) return undefined;
      const label = name.join(' ');
      const matches = speakers.match(label);
      // The last words of a description ("the chinese pilot wang wei") are a name only when the base knows the person.
      if (asked.described && matches.length === 0 && !people.isPerson(name)) return undefined;
      if (matches.length > 0) {
        quoted ??= { name: label, quoted: true, matches, keys: concepts.filter((c) => c.known).map((c) => c.key) };
        continue;
      }
      // Unknown to the base, or one of the people it names: either way, no words of theirs are on record.
      // A name the base never uses (or never uses in full: "rajnath singh") only counts when the words themselves
      // are asked for ("what did putin say") or a title makes it a person ("did gen gerasimov comment"), not in
      // "did grandpa say that…".
      const unknownName = concepts.every((c) => !c.known) || (name.length >= 2 && concepts.some((c) => !c.known));
      if (((asked.words || asked.titled) && unknownName) || people.isPerson(name))
        return {
          name: people.display(name) ?? titleCase(label),
          quoted: false,
          matches: [],
          keys: concepts.filter((c) => c.known).map((c) => surnameKey(c, name)),
        };
      return undefined;
    }
    return quoted;
  }

  /**
   * A full name the synonyms make one concept ("Samuel Paparo") stands, in an entry's text, by its surname too
   * ("Paparo urged…"): the speaker's key is then the surname's, which both the full name and the surname hold.
   */
  function surnameKey(c: AnalyzedQuery['concepts'][number], name: readonly string[]): string {
    if (c.words.length < 2 || c.words.at(-1) !== name.at(-1) || !c.key.startsWith('~')) return c.key;
    const surname = term(name.at(-1)!);
    return search.aliases.phrases.get(surname) === undefined ? surname : c.key;
  }

  /** What the decision knows about the question itself. */
  function readQuestion(question: string, query: AnalyzedQuery, unknownNames: readonly string[]): QuestionRead {
    return {
      kind: questionKind(query.tokens, query.intent, latestYear, question),
      intent: query.intent,
      goesOn: asksGoesOn(query.tokens),
      // Keywords are all chosen to name the subject; short ones ("vs", "lnk") may be abbreviations or slips, and
      // aspect words ("history", "typo") say which side of the subject is wanted.
      unknownKeyword:
        query.intent.keywords && query.concepts.some((c) => !c.known && c.words.some((w) => w.length >= 4 && !/\d/.test(w) && !ASPECT_WORDS.has(w))),
      unknownNames,
      unknownShare: query.concepts.length ? query.concepts.filter((c) => !c.known).length / query.concepts.length : 0,
    };
  }

  function ask(question: string, options: { limit?: number; trace?: Trace } = {}): Answer {
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
      return searchAnswer(trimmed, limit, text, options.trace);
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
      return source ? { source, entries: citedBy().get(source.id) ?? [] } : undefined;
    },
  };
}

const titleCase = (name: string) => name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** What a declined question's reply should say, from the checks that declined it. */
function declineReason(q: QuestionRead, d: Decision): Declined | undefined {
  if (d.status !== 'unknown') return undefined;
  if (d.demotedBy.includes('opinion')) return { reason: 'opinion' };
  if (d.demotedBy.includes('prediction')) return { reason: 'prediction' };
  if (d.demotedBy.includes('speaker') && q.speaker) return { reason: 'no-quotes', speaker: q.speaker.name };
  if (d.demotedBy.includes('unknown-names')) return { reason: 'unknown-names', names: [...q.unknownNames] };
  if (q.kind === 'advice' || q.kind === 'chat') return { reason: q.kind };
  return undefined;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function describeTimeline(filter: TimelineFilter): string {
  const range =
    filter.from && filter.to
      ? filter.from === filter.to
        ? filter.from
        : `${filter.from}–${filter.to}`
      : filter.from
        ? `since ${filter.from}`
        : filter.to
          ? `until ${filter.to}`
          : '';
  return ['timeline', filter.topic, range].filter(Boolean).join(' ');
}
