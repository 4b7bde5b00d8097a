import { CAPITAL_OF, findConcepts, type AliasTable } from './aliases';
import { commonShare } from './common-words';
import type { InvertedIndex } from './inverted-index';
import { MAX_QUERY_CHARS, MAX_QUERY_TOKENS, term, tokenize, words, type Token } from './normalize';
import { relatedTerms } from './related-words';
import { isStopword } from './stopwords';
import type { TypoCorrector } from './typo';
import { lowerBound } from '../text/lower-bound';

/** What a question is after, read from its cue words; used to prefer entries of the right shape. */
export type Intent = {
  when: boolean;
  who: boolean;
  /** "Where did…", "where are…": asks for a place ("the intercept where a J-11…" does not). */
  where: boolean;
  quote: boolean;
  /**
   * A request for a procedure or for writing ("how do I…", "how to…", "write me…", "translate…"): the
   * knowledge holds facts and quotes, so no entry answers it, whatever words it shares with one.
   */
  task: boolean;
  /** "how many X": the word X, which an answer must mention ("how many carriers" is not answered by a fleet movement). */
  countOf?: string;
  /**
   * The thing asked about, when the question's shape names it: "what weapons…", "which talks…", "what is the
   * range of…", "who is Xi's wife" → weapons, talks, range, wife. An entry that never mentions it answers a
   * different question, however many of the other (context) words it shares.
   */
  focus?: string;
  /** The whole noun phrase the focus ends ("aircraft carriers" for "carriers"). */
  focusPhrase?: string[];
  /** Typed as keywords: no question word ("china aircraft carriers"). */
  keywords: boolean;
  /** "the X of Y", "Y's X", "Ys' X": Y, whose X is asked for ("president" of "south korea"; "the soviets' first message"). */
  focusOwner?: string[];
  why: boolean;
  /** "When is the next X", "the upcoming X": a future event, which only an entry about plans can tell. */
  upcoming: boolean;
  /** "Who replaced X", "who organizes Y": the verb right after "who", which is what the question asks about. */
  whoVerb?: string;
  /** "How old is X": an age, which only an entry giving one (or a birth) states. */
  age: boolean;
  /** "Who is X", "who's the X": asks who someone is, which only an entry about that person (or office) answers. */
  identity: boolean;
  /** "How far/fast/long/big…": a measure, which only an entry stating a quantity can give. */
  measure: boolean;
  /** "How much does X cost", "how much did they spend": a sum of money. */
  money: boolean;
  /** "How long did X last": a duration ("about 75 minutes", "from 2007 until 2018"), not "how long ago" or "how long until". */
  duration: boolean;
  /**
   * "What time did X…", "at what time", "what day of the week": a time of day or a weekday, which a date alone does
   * not give ("what time was the hegseth dong call" is not answered by "on 9 September 2025").
   */
  clock?: 'time' | 'weekday';
  /**
   * "Which rank is higher", "is the PLA navy bigger than the U.S. navy", "X vs Y": a comparison, which only an entry
   * stating one ("larger than", "compared with") gives; two entries each describing one side do not compare them.
   */
  compare: boolean;
};

/** One thing the query asks about: a word or an alias concept, with the index terms that satisfy it. */
export type QueryConcept = {
  key: string;
  /** The user's words this concept came from. */
  words: string[];
  idf: number;
  /**
   * What it weighs toward coverage: its idf, or less for one of the most common English words
   * (src/search/common-words.ts), which says little about what the question is about.
   */
  weight: number;
  /** Index terms that satisfy it, best first; factor < 1 for corrected spellings and prefixes. */
  alts: Array<{ term: string; factor: number }>;
  /** False when no document holds it: it still counts against coverage, at maximum idf. */
  known: boolean;
};

export type AnalyzedQuery = {
  tokens: Token[];
  concepts: QueryConcept[];
  corrections: Array<{ from: string; to: string }>;
  intent: Intent;
};

export type AnalyzeContext = {
  index: InvertedIndex;
  aliases: AliasTable;
  typos: TypoCorrector;
  /** Factor for related words (src/search/related-words.ts); 0 or absent: exact terms only. */
  relatedFactor?: number;
};

/**
 * What a word no entry holds weighs in the query, as a share of the maximum idf. Below 1 because
 * paraphrases bring words of their own ("switched on", "housed") that do not make a question out of scope.
 */
export const UNKNOWN_WEIGHT = 1;

const CORRECTION_FACTOR = [1, 0.8, 0.6];
/**
 * How fully an entry that names a capital's country matches the capital ("what did beijing want" ↔ "China
 * asked…"): newsroom usage lets the capital stand for its government, so nearly fully (0.85 to 1 measured the same).
 */
const CAPITAL_FACTOR = 0.85;

const NO_INTENT: Intent = {
  when: false,
  who: false,
  where: false,
  quote: false,
  task: false,
  keywords: false,
  why: false,
  identity: false,
  age: false,
  upcoming: false,
  measure: false,
  money: false,
  duration: false,
  compare: false,
};

export function readIntent(typed: readonly Token[], typedQuestion = ''): Intent {
  const { tokens, question } = expandIs(typed, typedQuestion);
  const has = (...ws: string[]) => tokens.some((t) => ws.includes(t.word));
  const first = tokens[0]?.word;
  // A "how many" question's counted phrase is its focus, when its shape names nothing else.
  const focusPhrase = focusOf(tokens, question) ?? countPhrase(tokens) ?? keywordHead(tokens);
  const focusOwner = ownerOf(tokens, question);
  return {
    when: has('when', 'date', 'year', 'dates') || (first === 'what' && has('year', 'date', 'day', 'month')) || asksHowFarBack(tokens),
    who: has('who', 'whom', 'whose'),
    where: asksWhere(tokens),
    quote: has('say', 'said', 'says', 'quote', 'quoted', 'quotes', 'words', 'statement', 'remarks', 'stated', 'told', 'warned'),
    countOf: countHead(tokens),
    focus: focusPhrase?.at(-1),
    focusPhrase,
    focusOwner,
    keywords: tokens.length >= 2 && !tokens.some((t) => QUESTION_WORDS.has(t.word) || (t.stop && !KEYWORD_JOINERS.has(t.word))),
    task: isTask(tokens),
    why: has('why', 'purpose', 'reason'),
    identity: isIdentity(
      tokens.map((t) => t.word),
      question,
    ),
    whoVerb: whoVerbOf(tokens),
    age: tokens.some((t, i) => t.word === 'how' && tokens[i + 1]?.word === 'old'),
    upcoming:
      tokens.some((t, i) => (t.word === 'next' && tokens[i - 1]?.word === 'the' && tokens[i + 1]?.word !== 'to') || t.word === 'upcoming') ||
      asksWhenWill(tokens),
    measure: tokens.some((t, i) => t.word === 'how' && MEASURES.has(tokens[i + 1]?.word ?? '')) && !asksHowFarBack(tokens),
    money: (tokens.some((t, i) => t.word === 'how' && tokens[i + 1]?.word === 'much') && has(...MONEY_WORDS)) || has('price', 'cost', 'costs'),
    duration: tokens.some(
      (t, i) => t.word === 'how' && tokens[i + 1]?.word === 'long' && !['ago', 'until', 'till', 'til', 'before'].includes(tokens[i + 2]?.word ?? ''),
    ),
    ...clockOf(tokens),
    compare: asksComparison(tokens),
  };
}

/** Comparatives a comparison question turns on. Not "longer"/"older"/"more"/"less": "did the call last longer than an hour" asks a duration, "more than" a count. */
const COMPARATIVES = new Set(['higher', 'bigger', 'larger', 'stronger', 'smaller', 'weaker', 'better', 'worse', 'greater', 'superior', 'inferior', 'lower']);
/** "How does A compare with B", "how do they compare": the present verb asks for a comparison. Not "vs" nor "compared": "dong un vs jun
 * spelling", "when was it set up vs when first used", "adam smith compared china to the soviets" ask for facts (leave-one-out, tune, dev). */
function asksHowCompare(w: readonly string[]): boolean {
  return w.some((x, i) => x === 'compare' && w.slice(0, i).some((y, j) => y === 'how' && (w[j + 1] === 'does' || w[j + 1] === 'do')));
}

/** "Which rank is higher", "is A bigger than B", "how does A compare with B" (see Intent.compare). */
function asksComparison(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  if (asksHowCompare(w)) return true;
  // A comparative with "than" after it, or in a "which … is higher" question.
  return w.some((x, i) => COMPARATIVES.has(x) && (w.slice(i + 1).includes('than') || w[0] === 'which'));
}

/** Question words that ask something besides the time: "who called who, and at what time". */
const CLAUSE_ASKS = new Set(['what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how']);
/** "What time period / frame" asks for a span of years, not a time of day. */
const NOT_A_CLOCK = new Set(['period', 'periods', 'frame', 'frames', 'span', 'line', 'lines', 'limit']);

/** "What time did…", "which day of the week", "what weekday": the clock or the weekday asked for (see Intent.clock). */
function clockOf(tokens: readonly Token[]): Pick<Intent, 'clock'> {
  const w = tokens.map((t) => t.word);
  const asks = (i: number) => w[i - 1] === 'what' || w[i - 1] === 'which';
  if (w.some((x, i) => (x === 'weekday' && asks(i)) || (x === 'day' && asks(i) && w[i + 1] === 'of' && w[i + 3] === 'week'))) return { clock: 'weekday' };
  const at = w.findIndex((x, i) => (x === 'time' || x === 'hour') && w[i - 1] === 'what' && !NOT_A_CLOCK.has(w[i + 1] ?? ''));
  // "On what days did they talk and what time did the shooting stop": the time is one of several things asked, and an
  // entry answering another is still an answer.
  if (at > 0 && !w.some((x, i) => i !== at - 1 && CLAUSE_ASKS.has(x))) return { clock: 'time' };
  return {};
}

/** "How far back does X go": a time (a date answers it), not a distance. */
/** Words that follow "where" when it asks a question ("where did", "where are", "where is"), not when it joins a clause ("the intercept where a J-11…"). */
const WHERE_ASKS = new Set([
  'is',
  'are',
  'was',
  'were',
  'did',
  'do',
  'does',
  'can',
  'could',
  'will',
  'would',
  'has',
  'have',
  'had',
  'should',
  'exactly',
  'else',
]);
const asksWhere = (tokens: readonly Token[]) =>
  tokens.some((t, i) => t.word === 'where' && (i === tokens.length - 1 || WHERE_ASKS.has(tokens[i + 1]!.word) || i === 0));
const asksHowFarBack = (tokens: readonly Token[]) => tokens.some((t, i) => t.word === 'how' && tokens[i + 1]?.word === 'far' && tokens[i + 2]?.word === 'back');

/**
 * Light verbs: their sense lies in the words after them ("took part", "set up", "put pen to paper", "runs the line"),
 * so an entry need not use the verb itself to answer (after "who", the object stands for it: see lightObject);
 * "who replaced X", "who signed Y" keep theirs.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'take',
  'takes',
  'took',
  'set',
  'sets',
  'put',
  'puts',
  'get',
  'gets',
  'got',
  'make',
  'makes',
  'made',
  'run',
  'runs',
  'ran',
  'go',
  'went',
]);

/**
 * Question words that, before "will", ask for the time or place of a future event ("when will the us and china talk
 * again", "where will trump and xi meet in may 2026"): what an entry about a scheduled event tells, not a forecast.
 */
export const PLAN_WH: ReadonlySet<string> = new Set(['when', 'where']);

/** "When will the us and china talk again", "where will the summit be held": a future event, as "the next X" is. */
function asksWhenWill(tokens: readonly Token[]): boolean {
  const at = tokens.findIndex((t) => !FILLER.has(t.word));
  return PLAN_WH.has(tokens[at]?.word ?? '') && ['will', 'wont'].includes(tokens[at + 1]?.word ?? '');
}

function whoVerbOf(tokens: readonly Token[]): string | undefined {
  const at = tokens.findIndex((t) => !FILLER.has(t.word));
  const verb = tokens[at + 1];
  if (tokens[at]?.word === 'who') {
    if (verb && LIGHT_VERBS.has(verb.word)) return lightObject(tokens, at + 2);
    return verb && !verb.stop ? verb.word : undefined;
  }
  // "Did china ever apologize for…": whether an act ever happened, asked by its verb, as "who apologized" is.
  if (!['did', 'has', 'have'].includes(tokens[at]?.word ?? '')) return undefined;
  const ever = tokens.findIndex((t, i) => t.word === 'ever' && i > at + 1 && i <= at + 4);
  const act = ever > 0 ? tokens[ever + 1] : undefined;
  return act && !act.stop && !LIGHT_VERBS.has(act.word) ? act.word : undefined;
}

/**
 * "Who took notes", "who made the call", "who gave the order": a light verb's sense lies in its object, which the
 * answer must then use as "who replaced X" must use its verb. Not a particle ("took over", "set up": stopwords), nor
 * an object that makes a verb of its own with the light verb ("took part", "took office"), which an answer words otherwise.
 */
function lightObject(tokens: readonly Token[], from: number): string | undefined {
  let i = from;
  if (['the', 'a', 'an'].includes(tokens[i]?.word ?? '')) i++;
  const object = tokens[i];
  return object && !object.stop && !LIGHT_IDIOMS.has(object.word) ? object.word : undefined;
}
const LIGHT_IDIOMS = new Set(['part', 'place', 'office', 'charge', 'command', 'power', 'hold', 'turns']);

const IS_TOKEN: Token = { word: 'is', term: 'is', stop: true };

/**
 * "What's the X of Y", "whats the X", "who's X": the question shapes are read as "what is…", "who is…".
 * words() drops the "'s", so the text tells "what's the range" from "what the range".
 */
function expandIs(tokens: readonly Token[], question: string): { tokens: readonly Token[]; question: string } {
  const contracted = /\b(what|who)['\u2019]s\b/i.test(question);
  if (!contracted && !tokens.some((t) => t.word === 'whats' || t.word === 'whos')) return { tokens, question };
  const out: Token[] = [];
  let expanded = false;
  tokens.forEach((t, i) => {
    if (t.word === 'whats' || t.word === 'whos') {
      const word = t.word.slice(0, -1);
      out.push({ word, term: word, stop: true }, IS_TOKEN);
    } else if (contracted && !expanded && (t.word === 'what' || t.word === 'who') && !BE.has(tokens[i + 1]?.word ?? '')) {
      out.push(t, IS_TOKEN);
      expanded = true;
    } else out.push(t);
  });
  return { tokens: out, question: question.replace(/\b(what|who)(?:['\u2019]s|s)\b/gi, '$1 is') };
}

function isIdentity(w: readonly string[], question: string): boolean {
  const at = w.findIndex((x) => !FILLER.has(x));
  // words() drops the "'s" of "who's": the text tells it from "who the".
  return w[at] === 'whos' || (w[at] === 'who' && (w[at + 1] === 'is' || w[at + 1] === 'are' || /\bwho['\u2019]s\b/i.test(question)));
}

const TASK_VERBS = new Set([
  'write',
  'translate',
  'compose',
  'draw',
  'generate',
  'calculate',
  'recommend',
  'code',
  'summarize',
  'summarise',
  'roleplay',
  'pretend',
]);

const SPELLING = new Set(['spell', 'pronounce']);

function isTask(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  if (w.some((x, i) => x === 'how' && w[i + 1] === 'to')) return true;
  // "How do you spell / pronounce X" asks how a name is written or said: a fact of the record, not a procedure.
  if (
    w.some(
      (x, i) =>
        x === 'how' &&
        ['do', 'can', 'could', 'should', 'would'].includes(w[i + 1] ?? '') &&
        ['i', 'you', 'we'].includes(w[i + 2] ?? '') &&
        !SPELLING.has(w[i + 3] ?? ''),
    )
  )
    return true;
  const first = w.find((x) => !['hey', 'hi', 'yo', 'pls', 'please', 'bot', 'can', 'could', 'you'].includes(x));
  return first !== undefined && TASK_VERBS.has(first);
}

const NOT_A_HEAD = new Set(['times', 'time', 'often']);
// Not "long" or "old": dates answer those ("how long did it take", "how old is he").
const MEASURES = new Set(['far', 'fast', 'high', 'big', 'large', 'tall', 'heavy', 'deep', 'wide', 'much', 'many', 'often']);

// Words after "what"/"which" that ask for a kind of answer (a date, a sort, a name or title), not for a thing of the base.
const NOT_A_FOCUS = new Set([
  'year',
  'years',
  'day',
  'days',
  'month',
  'months',
  'type',
  'types',
  'kinds',
  'sorts',
  'exactly',
  'title',
  'titles',
  'name',
  'names',
]);
const MONEY_WORDS = ['cost', 'costs', 'spend', 'spends', 'spent', 'pay', 'paid', 'worth', 'price', 'budget', 'funding'];
// "What is the X for 2024 / in Asia / between them": a preposition with more after it ends the noun phrase X.
const AFTER_HEAD = new Set(['for', 'in', 'at', 'on', 'between', 'with', 'during']);
const KIND_OF = new Set(['kind', 'kinds', 'type', 'types', 'sort', 'sorts']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'last', 'main']);
const BE = new Set(['is', 'was', 'are', 'were']);

/** Participles that ask for a name after the noun phrase: "what is X called", "what was X named". */
const NAMING = new Set(['called', 'named', 'titled', 'renamed']);

/** The last word of the noun phrase starting at `from` (the head of "chinese navy's biggest ship" is "ship"). */
function phraseAt(tokens: readonly Token[], from: number): string[] | undefined {
  const out: string[] = [];
  for (let i = from; i < tokens.length && !tokens[i]!.stop; i++) out.push(tokens[i]!.word);
  // "what is the office called now": the naming verb asks for X's name; the head is the noun before it.
  if (out.length > 1 && NAMING.has(out.at(-1)!)) out.pop();
  return out.length > 0 && !NOT_A_FOCUS.has(out.at(-1)!) ? out : undefined;
}

function focusOf(tokens: readonly Token[], question: string): string[] | undefined {
  const w = tokens.map((t) => t.word);
  // "does china have nuclear weapons", "did the soviets have aircraft carriers": what is had.
  const first = w.findIndex((x) => !FILLER.has(x));
  if (YES_NO.has(w[first] ?? '')) {
    const have = w.indexOf('have', first + 1);
    if (have > 0) {
      let i = have + 1;
      while (DETERMINERS.has(w[i] ?? '')) i++;
      return phraseAt(tokens, i);
    }
  }
  const at = w.findIndex((x) => x === 'what' || x === 'which' || x === 'who');
  if (at < 0) return undefined;
  // "what/who is Y's X": the possessed thing. Worked out on the text, since words drop the "'s".
  if (BE.has(w[at + 1] ?? '')) {
    const m = /\b(?:what|who|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}\p{N}-]+['\u2019]s\s+(.*)$/u.exec(
      question.toLowerCase(),
    );
    if (m) {
      const rest = tokens.length - words(m[1]!).length;
      if (rest > at) return phraseAt(tokens, rest);
    }
    // "what is the X of Y": X.
    let i = at + 2;
    // "what was on the menu": the thing the answer is found on. ("What was in the X" asks for X's contents, which
    // an entry about X gives in words of its own.)
    if (w[at] === 'what' && w[i] === 'on' && DETERMINERS.has(w[i + 1] ?? '')) i++;
    if (w[i] === 'the' || w[i] === 'a' || w[i] === 'an') i++;
    const start = i;
    while (i < tokens.length && !tokens[i]!.stop) i++;
    if (i > start && (w[i] === 'of' || (w[at] !== 'who' && AFTER_HEAD.has(w[i] ?? '') && i + 1 < tokens.length))) return phraseAt(tokens, start);
    // "what was the weather like": the weather.
    if (i > start && w[at] === 'what' && w[i] === 'like') return phraseAt(tokens, start);
    // "what is the X", "who is X": X itself, when nothing follows it (in "who is the guy running…" a verb might),
    // or when another question follows ("what is aukus and does it include a hotline").
    return i > start && (i === tokens.length || (w[at] === 'what' && w[i] === 'and')) ? phraseAt(tokens, start) : undefined;
  }
  if (w[at] === 'who') return undefined;
  // "what kind of jet…", "which type of missile…": the jet, the missile.
  if (KIND_OF.has(w[at + 1] ?? '') && w[at + 2] === 'of') return phraseAt(tokens, at + 3);
  // "what does the seventh fleet do", "what does CUES mean": the thing itself.
  const verbAt = w.at(-1) === 'for' ? w.length - 2 : w.length - 1;
  if (w[at] === 'what' && ['does', 'do', 'did'].includes(w[at + 1] ?? '') && ['do', 'mean', 'stand'].includes(w[verbAt] ?? '')) {
    let i = at + 2;
    if (w[i] === 'the' || w[i] === 'a' || w[i] === 'an') i++;
    const phrase = phraseAt(tokens.slice(0, verbAt), i);
    if (phrase && i + phrase.length === verbAt) return phrase;
  }
  // "what/which (two) X did…": X. Only when an auxiliary follows the noun phrase: in "what pushed the…" or
  // "which building housed…" the word after "what" may be a verb, or a type the answer names without saying.
  let i = at + 1;
  while (NUMBER_WORDS.has(w[i] ?? '')) i++;
  const start = i;
  // Up to four words: "which chinese coast guard cutters are…".
  while (i < tokens.length && !tokens[i]!.stop && i - start < MAX_FOCUS_WORDS) i++;
  return i > start && AUXILIARIES.has(w[i] ?? '') ? phraseAt(tokens, start) : undefined;
}

/** The longest noun phrase read as "what/which X did…"'s X. */
const MAX_FOCUS_WORDS = 4;

/** Stopwords that may join keywords ("rules of the road", "unsafe and unprofessional"); any other makes a sentence. */
const KEYWORD_JOINERS = new Set(['and', 'of', 'the', 'in', 'on', 'at', 'for', 'to', 'a']);
const QUESTION_WORDS = new Set([
  'what',
  'whats',
  'when',
  'who',
  'whom',
  'whose',
  'where',
  'why',
  'how',
  'which',
  'did',
  'does',
  'do',
  'is',
  'was',
  'are',
  'were',
  'can',
  'could',
  'has',
  'have',
  'had',
  'will',
  'would',
  'should',
]);

/**
 * Keywords typed as a noun phrase ("china aircraft carriers", "xi jinping biography") end with their head,
 * as English compounds do: the thing asked about. Numbers (years) are left out; a question is no keyword list.
 */
function keywordHead(tokens: readonly Token[]): string[] | undefined {
  if (tokens.length < 2 || tokens.some((t) => QUESTION_WORDS.has(t.word))) return undefined;
  // "top speed of the j-11 fighter": the speed, of the fighter.
  const of = tokens.findIndex((t) => t.word === 'of');
  if (of > 0 && !tokens[of - 1]!.stop && !/\d/.test(tokens[of - 1]!.word)) return [tokens[of - 1]!.word];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.stop) return undefined;
    if (!/\d/.test(t.word)) return [t.word];
  }
  return undefined;
}

/** Y in "what/who is the X of Y" and "what/who is Y's X". */
function ownerOf(tokens: readonly Token[], question: string): string[] | undefined {
  const w = tokens.map((t) => t.word);
  const at = w.findIndex((x) => x === 'what' || x === 'which' || x === 'who');
  if (at < 0 || !BE.has(w[at + 1] ?? '')) return undefined;
  let i = at + 2;
  if (w[i] === 'the' || w[i] === 'a' || w[i] === 'an') i++;
  const m = /\b(?:what|who|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}\p{N}-]+(?:['\u2019]s|s['\u2019])\s+(.*)$/u.exec(
    question.toLowerCase(),
  );
  if (m) {
    const rest = tokens.length - words(m[1]!).length;
    const owner = w.slice(i, rest).filter((_, k) => !tokens[i + k]!.stop);
    return owner.length > 0 ? owner : undefined;
  }
  while (i < tokens.length && !tokens[i]!.stop) i++;
  if (w[i] !== 'of') return undefined;
  i++;
  if (w[i] === 'the' || w[i] === 'a' || w[i] === 'an') i++;
  return phraseAt(tokens, i);
}

const YES_NO = new Set(['does', 'do', 'did', 'can', 'could', 'will', 'would']);
const FILLER = new Set(['hey', 'hi', 'yo', 'so', 'and', 'but', 'ok', 'okay', 'bot', 'pls', 'please', 'lol', 'wait', 'thx']);
const DETERMINERS = new Set(['a', 'an', 'any', 'the', 'some', 'its', 'their', 'more', 'many', 'much', 'own']);
const AUXILIARIES = new Set(['did', 'does', 'do', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should']);

function countHead(tokens: readonly Token[]): string | undefined {
  return countPhrase(tokens)?.at(-1);
}

/** The counted noun phrase: "how many aircraft carriers does" → aircraft carriers (its head is the last word). */
const PAST_VERB = /^[a-z]{3,}ed$/;

function countPhrase(tokens: readonly Token[]): string[] | undefined {
  const at = tokens.findIndex((t, i) => t.word === 'how' && (tokens[i + 1]?.word === 'many' || tokens[i + 1]?.word === 'much'));
  if (at < 0) return undefined;
  const phrase: string[] = [];
  for (let i = at + 2; i < tokens.length && !tokens[i]!.stop; i++) {
    // "how many officials showed up", "how many ships sailed": a past verb after the noun, with no noun after
    // it, ends the counted phrase ("how many armed drones" keeps its adjective).
    if (phrase.length > 0 && PAST_VERB.test(tokens[i]!.word) && (tokens[i + 1]?.stop ?? true)) break;
    phrase.push(tokens[i]!.word);
  }
  return phrase.length > 0 && !NOT_A_HEAD.has(phrase.at(-1)!) ? phrase : undefined;
}

/**
 * Turns a question into concepts: unknown words corrected against the base's vocabulary, alias
 * phrases folded into their concept, stopwords dropped, duplicates merged. With `prefixLast`, the
 * last word may be unfinished (autocomplete) and also matches terms that start with it.
 */
export function analyzeQuery(
  question: string,
  ctx: AnalyzeContext,
  options: { prefixLast?: boolean; unknownWeight?: number; intent?: boolean } = {},
): AnalyzedQuery {
  const { index, aliases, typos } = ctx;
  const tokens = dropConfirmation(dropHearsay(tokenize(question, MAX_QUERY_CHARS).slice(0, MAX_QUERY_TOKENS * 3)), question);
  joinSplitWords(tokens, ctx);
  const corrections: AnalyzedQuery['corrections'] = [];
  const terms = tokens.map((t) => t.term);
  const factors = tokens.map(() => 1);
  const lastIndex = tokens.length - 1;

  tokens.forEach((t, i) => {
    if (t.stop || index.postings.has(t.term) || /\d/.test(t.word)) return;
    if (options.prefixLast && i === lastIndex) return;
    const fix = typos.correct(t.word);
    if (!fix) return;
    if (isStopword(fix.word)) {
      // Only when nothing was left out: "thank" is not a misspelt "than".
      if (fix.word.length < t.word.length) return;
      // A misspelt filler word ("qoute", "waht") is filler: it must not count as an unknown subject.
      tokens[i] = { ...t, stop: true };
      return;
    }
    const corrected = index.vocabulary.get(fix.word);
    if (!corrected || corrected === t.term) return;
    terms[i] = corrected;
    factors[i] = CORRECTION_FACTOR[fix.distance] ?? 0.5;
    corrections.push({ from: t.word, to: fix.word });
  });
  dropAskingVerb(tokens, terms, index);
  tokens.forEach((t, i) => {
    const year = shortYear(tokens, i, index);
    if (year === undefined) return;
    terms[i] = year;
    factors[i] = CORRECTION_FACTOR[1]!;
    corrections.push({ from: t.word, to: year });
  });

  const concepts = new Map<string, QueryConcept>();
  const add = (key: string, words: string[], alts: QueryConcept['alts']) => {
    const existing = concepts.get(key);
    if (existing) {
      existing.words.push(...words);
      return;
    }
    if (concepts.size >= MAX_QUERY_TOKENS) return;
    const known = alts.some((a) => index.postings.has(a.term));
    const idf = known ? index.idf(alts[0]!.term) : (options.unknownWeight ?? UNKNOWN_WEIGHT) * index.maxIdf;
    const weight = words.length === 1 ? Math.min(idf, commonShare(words[0]!) * index.maxIdf) : idf;
    concepts.set(key, { key, words, alts, known, idf, weight });
  };

  const consumed = new Array<boolean>(tokens.length).fill(false);
  for (const m of findConcepts(terms, aliases)) {
    // An unfinished last word is not yet the alias it may become ("us" typed on the way to "usa").
    if (options.prefixLast && m.end - 1 === lastIndex) continue;
    const span = tokens.slice(m.start, m.end);
    for (let i = m.start; i < m.end; i++) consumed[i] = true;
    add(
      m.concept,
      span.map((t) => t.word),
      [{ term: m.concept, factor: Math.min(...factors.slice(m.start, m.end)) }],
    );
  }
  tokens.forEach((t, i) => {
    if (consumed[i] || t.stop) return;
    if (options.prefixLast && i === lastIndex) {
      add(`${t.term}*`, [t.word], prefixAlts(index, t.word, t.term));
      return;
    }
    const related = ctx.relatedFactor ? relatedTerms(terms[i]!).map((term) => ({ term, factor: factors[i]! * ctx.relatedFactor! })) : [];
    const country = (CAPITAL_OF[t.word] ?? []).map((c) => ({ term: aliases.phrases.get(term(c)) ?? term(c), factor: factors[i]! * CAPITAL_FACTOR }));
    add(terms[i]!, [t.word], [{ term: terms[i]!, factor: factors[i]! }, ...related, ...country]);
  });
  // Curated questions are read for their concepts only, thousands at a time when a base is indexed.
  const intent = options.intent === false ? NO_INTENT : readIntent(tokens, question.slice(0, MAX_QUERY_CHARS));
  return { tokens, concepts: [...concepts.values()], corrections, intent };
}

/**
 * "What does CUES require?", "what does the agreement forbid?": the closing verb of "what does X V" asks for what X
 * says, in the asker's words. One no entry uses (after typo correction) is no subject the base is silent about: it is
 * read as a stopword, and the question as "what does X say".
 */
function dropAskingVerb(tokens: Token[], terms: readonly string[], index: InvertedIndex): void {
  const at = tokens.findIndex((t) => !FILLER.has(t.word));
  const last = tokens.length - 1;
  if (tokens[at]?.word !== 'what' || !DO_FORMS.has(tokens[at + 1]?.word ?? '') || last < at + 3) return;
  const verb = tokens[last]!;
  if (verb.stop || /\d/.test(verb.word) || index.postings.has(terms[last]!)) return;
  tokens[last] = { ...verb, stop: true };
}
const DO_FORMS = new Set(['does', 'do', 'did']);

const HEARD = new Set(['read', 'reading', 'seeing', 'saw', 'hearing', 'heard', 'remember']);
const SAYS = new Set(['says', 'said', 'claims', 'thinks', 'swears', 'insists', 'reckons', 'told']);

/**
 * Where the asker heard a claim is no part of it: "i keep reading that…", "my cousin says…", "I remember that…".
 * Their words are read as stopwords: "cousin" and "reading" are no subject of the base, and no unknown word.
 */
function dropHearsay(tokens: Token[]): Token[] {
  const w = tokens.map((t) => t.word);
  const stop = (i: number) => (tokens[i] = { ...tokens[i]!, stop: true });
  w.forEach((x, i) => {
    // "i (keep) reading", "we heard"
    if ((x === 'i' || x === 'we') && (HEARD.has(w[i + 1] ?? '') || ((w[i + 1] === 'keep' || w[i + 1] === 'kept') && HEARD.has(w[i + 2] ?? '')))) {
      for (let k = i + 1; k <= i + 2 && k < w.length && (HEARD.has(w[k]!) || w[k] === 'keep' || w[k] === 'kept'); k++) stop(k);
    }
    // "my cousin says", "my prof told me"
    if (x === 'my' && SAYS.has(w[i + 2] ?? '')) {
      stop(i + 1);
      stop(i + 2);
    }
  });
  return tokens;
}

/** Words that say a claim holds or not: in a confirmation clause they ask whether, and name nothing. */
const TRUTH = new Set(['true', 'right', 'correct', 'accurate', 'wrong', 'false', 'legit', 'so']);
const ASSERTING = new Set(['actually', 'really', 'even', 'still', 'all', 'totally', 'entirely', 'quite']);
const POINTING = new Set(['that', 'this', 'it']);
/** After "is it true / right": a judgement of an act ("is it right to…", "right about…", "right for…"), not a claim. */
const JUDGED = new Set(['to', 'about', 'for', 'of']);

/**
 * A confirmation clause asks whether a claim holds, and names nothing the answer must cover: "is that (actually)
 * true", "is it true that…", "is that right", "am I right", "did I get that right", "true or false", "…, right?".
 * Its truth word is read as a stopword, as "really" and "actually" are. "Is it right to…" stays (a judgement,
 * which question-kind reads), and so does "right" as a word of the claim ("right after the talks").
 */
function dropConfirmation(tokens: Token[], question: string): Token[] {
  const w = tokens.map((t) => t.word);
  const stop = (i: number) => (tokens[i] = { ...tokens[i]!, stop: true });
  w.forEach((x, i) => {
    if (!TRUTH.has(x)) return;
    let k = i - 1;
    while (k >= 0 && ASSERTING.has(w[k]!)) k--;
    const next = w[i + 1];
    // "is that (actually) true", "isn't it right": a pronoun pointing at the claim, asked about with "is".
    const isThat = POINTING.has(w[k] ?? '') && (w[k - 1] === 'is' || w[k - 1] === 'isnt') && !JUDGED.has(next ?? '');
    // "am I right", "am i wrong"
    const amI = w[k] === 'i' && w[k - 1] === 'am';
    // "did I get that right", "do I have it right"
    const gotIt = POINTING.has(w[k] ?? '') && (w[k - 1] === 'get' || w[k - 1] === 'got' || w[k - 1] === 'have') && w[k - 2] === 'i';
    // "true or false", "right or wrong", "true or not"
    const either = (next === 'or' && (TRUTH.has(w[i + 2] ?? '') || w[i + 2] === 'not')) || (w[i - 1] === 'or' && TRUTH.has(w[i - 2] ?? ''));
    // "…, right?" closing the question
    const tag = x === 'right' && i === w.length - 1 && /(,\s*right|\bright\s*\?)\W*$/i.test(question);
    if (isThat || amI || gotIt || either || tag) stop(i);
  });
  return tokens;
}

/**
 * A word the base uses, typed in two ("sec def" for secdef, "hot line"): joined, when one part is no base word.
 * The second part becomes a stopword, so it neither counts nor matches alone.
 */
function joinSplitWords(tokens: Token[], ctx: AnalyzeContext): void {
  const inBase = (t: string) => ctx.index.postings.has(t) || ctx.aliases.phrases.has(t);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (a.stop || b.stop || /\d/.test(a.word + b.word) || (inBase(a.term) && inBase(b.term))) continue;
    const joined = tokenize(a.word + b.word)[0];
    if (!joined || joined.stop || !inBase(joined.term)) continue;
    tokens[i] = joined;
    tokens[i + 1] = { ...b, stop: true };
  }
}

/** Words after which a two-digit number is a year ("in 89", "the 72 pact", "since 98"), not a count or a day. */
const BEFORE_YEAR = new Set(['in', 'the', 'since', 'from', 'until', 'til', 'till', 'of', 'by']);
const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

/**
 * "Signed in 89", "the 72 sea incidents pact", "june 63": a two-digit year, as the base writes it ("1989"), when
 * the base holds one of 19xx and 20xx (the more used when it holds both). After a month, only a number no day
 * can be ("june 63", not "may 10"); after a hyphen-free word only ("j-11" is a designator, and so split). Before a
 * month it is the day ("by 10 may", "the 25 may signing"), whatever word comes before it.
 */
function shortYear(tokens: readonly Token[], i: number, index: InvertedIndex): string | undefined {
  const w = tokens[i]!.word;
  if (!/^\d\d$/.test(w)) return undefined;
  if (Number(w) <= 31 && MONTH_WORD.test(tokens[i + 1]?.word ?? '')) return undefined;
  const before = tokens[i - 1]?.word ?? '';
  if (!BEFORE_YEAR.has(before) && !(MONTH_WORD.test(before) && Number(w) > 31)) return undefined;
  const df = (y: string) => index.postings.get(y)?.docs.length ?? 0;
  const [old, recent] = [`19${w}`, `20${w}`];
  if (df(old) === 0 && df(recent) === 0) return undefined;
  return df(old) >= df(recent) ? old : recent;
}

const MAX_PREFIX_TERMS = 12;

/** Terms starting with an unfinished word, the most frequent first (they are what people go on to type). */
function prefixAlts(index: InvertedIndex, word: string, term: string): QueryConcept['alts'] {
  const alts: QueryConcept['alts'] = [{ term, factor: 1 }];
  if (word.length < 2) return alts;
  const sorted = index.sortedTerms;
  const lo = lowerBound(sorted.length, (i) => sorted[i]! < word);
  const found: Array<{ term: string; df: number }> = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(word); i++) {
    if (sorted[i] !== term) found.push({ term: sorted[i]!, df: index.postings.get(sorted[i]!)!.docs.length });
    if (found.length > 200) break;
  }
  found.sort((a, b) => b.df - a.df);
  for (const f of found.slice(0, MAX_PREFIX_TERMS)) alts.push({ term: f.term, factor: 0.9 });
  return alts;
}
