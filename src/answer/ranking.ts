import type { SearchHit } from '../search/entry-index';
import type { Token } from '../search/normalize';
import type { AnalyzedQuery } from '../search/query';
import type { CheckName } from './answerability';
import { asksWhoWas, type EvidenceReader, type NamedInQuestion } from './evidence';
import {
  asksContent,
  asksFrequency,
  asksOutcome,
  contentFirst,
  asksFirst,
  definitionAsked,
  definitionFirst,
  earliestFirst,
  eventItselfFirst,
  asksWhatHappened,
  factOverQuote,
  frequencyFirst,
  outcomeFirst,
  promoteSibling,
  whoNamesPeople,
} from './promote';
import { sayerOf, usesWordsVerb } from './speaker';

// The order of a question's hits, as named rules. Search ranks by words; entries about one event share them, so the
// words that tell the answer from its siblings ("who", "what did X say", "how often") are read here, one rule each.
// The engine folds the hits through RANKING_RULES in order: a later rule sees (and may undo) what an earlier one did,
// so the order is part of each rule's meaning. Each rule hands back the same array when it moves nothing.
// The sibling rules themselves (promoteSibling and the readings of the entry text) are in promote.ts.

/** What the rules read of one question, worked out once and shared. */
export type RankContext = {
  /** The question as typed (trimmed): some readings need its punctuation ("what's"). */
  question: string;
  query: AnalyzedQuery;
  named: NamedInQuestion;
  evidence: EvidenceReader;
  /** Names switched off by EngineOptions.disable: the rules with a `disable` name obey them. */
  disabled: ReadonlySet<string>;
  /** "What did China say about…": the known concepts naming whoever is asked about as saying something, if any. */
  sayer: { span: boolean; keys: readonly string[] };
  /** The bits of the concepts the answer cannot do without (EvidenceReader.required), 0 for none. */
  required: number;
  /** "What is X": the words of X (definitionAsked). */
  defined: readonly string[] | undefined;
};

export type RankingRule = {
  name: string;
  /** The answer check of that name in EngineOptions.disable also switches this rule off. */
  disable?: CheckName;
  applies(ctx: RankContext): boolean;
  rank(hits: readonly SearchHit[], ctx: RankContext): readonly SearchHit[];
};

/**
 * The share of the top score a sibling describing the person asked about needs (promoteSibling): lower than for the
 * other rules, since a quote by the person or an entry using the name many times outscores a short description
 * (0.5: leave-one-out -1 question, 0.2: no more than 0.3).
 */
const IDENTITY_SHARE = 0.3;
/**
 * Words that ask about a plan ("is another meeting planned"), besides "the next X" and "upcoming" (Intent.upcoming).
 * Also "will", "plan(s)": heldout top-1 90.8 -> 90.2, dev -1.
 */
const PLAN_ASKED = new Set(['planned', 'scheduled', 'upcoming']);

/** Verbs of describing or judging, after "how did X…" ("how did X describe / rate / characterize / compare…"). */
const DESCRIBE = /^(describe|described|characteri[sz]e|characteri[sz]ed|rate|rated|compare|compared|portray|portrayed|view|viewed|sum|summed)$/;
/** How far after "how" the verb may come: "how did the american colonel at the talks describe…". */
const DESCRIBE_WINDOW = 8;

/** "How did X describe Y", "how did X rate Y": X's words on Y are asked for. */
export function asksDescription(tokens: readonly Token[]): boolean {
  return tokens[0]?.word === 'how' && tokens.slice(1, 1 + DESCRIBE_WINDOW).some((t) => DESCRIBE.test(t.word));
}

/** The hits that pass first, each group in its own order; the same array when the order holds already. */
export function firstWhere(hits: readonly SearchHit[], passes: (h: SearchHit) => boolean): readonly SearchHit[] {
  const ok = hits.map(passes);
  const moves = ok.some((pass, i) => pass && i > 0 && !ok[i - 1]);
  return moves ? [...hits.filter((_, i) => ok[i]), ...hits.filter((_, i) => !ok[i])] : hits;
}

/** The rules' shared reading of a question (RankContext). */
export function rankContext(
  question: string,
  query: AnalyzedQuery,
  named: NamedInQuestion,
  evidence: EvidenceReader,
  disabled: ReadonlySet<string>,
): RankContext {
  const span = named.speaker ? undefined : sayerOf(query.tokens);
  const said = span ? new Set(query.tokens.slice(span.from, span.to).map((t) => t.word)) : undefined;
  const keys = said ? query.concepts.filter((c) => c.known && c.words.some((w) => said.has(w))).map((c) => c.key) : [];
  return {
    question,
    query,
    named,
    evidence,
    disabled,
    sayer: { span: span !== undefined, keys },
    required: evidence.required(query),
    defined: definitionAsked(query.tokens, question),
  };
}

/** Whether some rule reads the words as asked for: then a quote may be the answer (factOverQuote does not apply). */
function wordsAsked({ query, named }: RankContext): boolean {
  return Boolean(query.intent.quote || named.speaker || query.intent.why || (query.intent.who && !query.intent.identity) || usesWordsVerb(query.tokens));
}

export const RANKING_RULES: readonly RankingRule[] = [
  {
    // "When did Hegseth first talk to Dong Jun": the earliest of the siblings telling the same kind of contact as
    // the top hit (the September call before the October meeting). First in the table, so that the rules reading
    // what must hold (a named thing, the year, the focus) have the last word over a date order.
    name: 'first',
    applies: ({ query }) => asksFirst(query.tokens),
    rank: (hits) => earliestFirst(hits),
  },
  {
    // An entry that does not involve a thing the question names cannot be its answer: entries that involve them all
    // go first, in their own order ("what did dong jun say about taiwan" → the one about Taiwan).
    name: 'named-things',
    disable: 'named-things',
    applies: ({ named }) => named.concepts.length > 0,
    rank: (hits, { evidence, named }) => firstWhere(hits, (h) => evidence.lacks(h, named).length === 0),
  },
  {
    // "What did X say": the entries that give X's words go first.
    name: 'speaker',
    disable: 'speaker',
    applies: ({ named }) => named.speaker !== undefined,
    rank: (hits, { evidence, named }) => firstWhere(hits, (h) => evidence.bySpeaker(h, named)),
  },
  {
    // "What did Hegseth tell Dong": a sibling giving Hegseth's words, before one saying the call took place.
    name: 'gives-words',
    applies: ({ named }) => named.speaker !== undefined,
    rank: (hits, { evidence, named }) => promoteSibling(hits, (h) => (evidence.givesWords(h, named) ? 1 : 0)),
  },
  {
    // "What did China say about…", "what did Paparo raise…": likewise for whoever is asked about, a person or not,
    // when the question names one (in "what did china's defense minister say", the words are not China's).
    name: 'sayer-words',
    applies: ({ named, sayer }) => !named.speaker && sayer.keys.length === 1,
    rank: (hits, { evidence, sayer }) => promoteSibling(hits, (h) => (evidence.givesWordsOf(h, sayer.keys) ? 1 : 0)),
  },
  {
    // "What did the U.S. letter say", "what level did the pentagon spokesman say…": the words are asked for and no
    // one is named as saying them, so a sibling quote gives them, before a fact about the occasion. Not for "did X
    // say…" or "my cousin says…" (yes/no, or someone else's claim), nor when a sayer is named ("what did the
    // chinese navy say": the quote may be the other side's).
    name: 'quote-asked',
    applies: ({ named, sayer, query }) =>
      !named.speaker && sayer.keys.length !== 1 && query.intent.quote && !sayer.span && (query.tokens[0]?.word === 'what' || query.intent.keywords),
    rank: (hits) => promoteSibling(hits, (h) => (h.entry.kind === 'quote' ? 1 : 0)),
  },
  {
    // "Was the hotline a red phone", "what is the Defense Telephone Link": no one's words are asked for, so a fact
    // sibling covering the question as well goes before a quote on the subject (not for "why", whose reason a quote
    // may give, nor "who…" other than "who is X", nor a verb of saying or putting forward: "which official claimed…").
    name: 'fact-over-quote',
    applies: (ctx) => !wordsAsked(ctx),
    rank: (hits) => factOverQuote(hits),
  },
  {
    // "How did the U.S. delegation head describe the talks", "how did a former director rate the hotline's record":
    // the words themselves are asked for (sayerOf leaves "how did X describe" alone, as it may be answered by a
    // fact), so a sibling quote goes before the fact telling the occasion.
    name: 'description-asked',
    applies: ({ query }) => asksDescription(query.tokens),
    rank: (hits) => promoteSibling(hits, (h) => (h.entry.kind === 'quote' ? 1 : 0)),
  },
  {
    // "Who led the delegation in 2025": the entries that name the year go first.
    name: 'year',
    disable: 'year',
    applies: () => true,
    rank: (hits, { evidence, query }) => firstWhere(hits, (h) => evidence.namesYears(query, h)),
  },
  {
    // "Where was the DTL agreement signed": of the siblings dated as the top hit (the same event), one saying where it
    // happened ("signed an agreement in Shanghai") before one telling who signed. Not across dates: lifting any
    // sibling naming a place for "where" took held-out recall@3 97.3 -> 96.7 (a place of another event).
    name: 'where',
    applies: ({ query }) => query.intent.where,
    rank: (hits, { evidence }) => {
      const top = hits[0];
      if (!top?.entry.date) return hits;
      return promoteSibling(hits, (h) => (h.entry.date === top.entry.date && evidence.tellsWhere(h) ? 1 : 0));
    },
  },
  {
    // "Who were the DGMOs…": a sibling naming the people, before one naming only the armies (not for "who is X").
    name: 'who-names-people',
    applies: ({ query }) => query.intent.who && !query.intent.identity,
    rank: (hits, { evidence }) => whoNamesPeople(hits, evidence.peopleIn),
  },
  {
    // "What route did the 1963 hotline cable take": a sibling matching the thing asked about (the focus, the counted
    // thing), before one sharing only the context.
    name: 'required',
    applies: ({ required }) => required !== 0,
    rank: (hits, { required }) => promoteSibling(hits, (h) => ((h.mask & required) === required ? 1 : 0)),
  },
  {
    // "Who is Ian Francis", "who was Mark Milley": a fact saying what he is ("Col. Ian Francis of INDOPACOM led…"),
    // before his words or a fact naming him in passing; of two naming him with a role, the one opening with him as
    // its subject ("Dong Jun became China's Minister…") before one about his name or an event he took part in.
    name: 'describes-person',
    applies: ({ query }) => query.intent.identity || asksWhoWas(query.tokens),
    rank: (hits, { evidence, query }) => promoteSibling(hits, (h) => evidence.describesPerson(query, h), IDENTITY_SHARE),
  },
  {
    // "Is there another MMCA meeting planned": a sibling stating a plan, before the meetings already held.
    name: 'plan',
    applies: ({ query }) => query.intent.upcoming || query.tokens.some((t) => PLAN_ASKED.has(t.word)),
    rank: (hits, { evidence }) => promoteSibling(hits, (h) => (evidence.shapes(h).has('plan') ? 1 : 0)),
  },
  {
    // "How often does the mechanism meet": a sibling stating how often, before one about a single meeting.
    name: 'frequency',
    applies: ({ query }) => asksFrequency(query.tokens),
    rank: (hits) => frequencyFirst(hits),
  },
  {
    // "What came out of the Busan meeting": a sibling stating an outcome, before one telling the meeting itself.
    name: 'outcome',
    applies: ({ query }) => asksOutcome(query.tokens),
    rank: (hits) => outcomeFirst(hits),
  },
  {
    // "What does the INCSEA agreement forbid": a sibling telling what it says, before one telling that it was signed.
    name: 'content',
    applies: ({ query, question }) => asksContent(query.tokens, question),
    rank: (hits) => contentFirst(hits),
  },
  {
    // "What is CUES": the entry that introduces the name by spelling it out, before siblings using it in passing.
    name: 'definition',
    applies: ({ defined }) => defined !== undefined,
    rank: (hits, { defined }) => definitionFirst(hits, defined!),
  },
  {
    // "What was the EP-3 incident", "what happened in the 2014 P-8 intercept", "is there a hotline between X and Y"
    // (asksThereIs: whether it exists is told by its setting up): of siblings dated in the top hit's month, the one stating the day in full tells the
    // event itself ("On 1 April 2001… collided"), before the aftermath ("the pilot was lost at sea after the
    // collision") or what an agreement covers. Not by date across months: an undated or earlier origin is no event.
    name: 'event-itself',
    applies: ({ defined, query }) => defined !== undefined || asksWhatHappened(query.tokens) || asksThereIs(query.tokens),
    rank: (hits) => eventItselfFirst(hits),
  },
];

/**
 * "Is there a hotline between the Indian and Chinese armies", "are there rules for air encounters": whether a thing
 * exists is answered by the entry telling it was set up (the event itself), not by one about how it was used since.
 */
function asksThereIs(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  return (w[0] === 'is' || w[0] === 'are') && w[1] === 'there';
}

export const RANKING_RULE_NAMES: readonly string[] = RANKING_RULES.map((r) => r.name);

/** Whether the rule runs for this question: not switched off, and it applies. */
const runs = (rule: RankingRule, ctx: RankContext) => !(rule.disable && ctx.disabled.has(rule.disable)) && rule.applies(ctx);

/**
 * The hits in the rules' order, and the names of the rules that changed the top hit (the eval's "ranked by"), in the
 * order they ran. `rules`: for tests.
 */
export function rankHits(
  hits: readonly SearchHit[],
  ctx: RankContext,
  rules: readonly RankingRule[] = RANKING_RULES,
): { hits: readonly SearchHit[]; movedBy: string[] } {
  const movedBy: string[] = [];
  let out = hits;
  for (const rule of rules) {
    if (!runs(rule, ctx)) continue;
    const next = rule.rank(out, ctx);
    if (next[0] !== out[0]) movedBy.push(rule.name);
    out = next;
  }
  return { hits: out, movedBy };
}
