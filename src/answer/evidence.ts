import type { KnowledgeBase } from '../knowledge/base';
import { MONTHS_LOWER } from '../text/readable-date';
import type { Entry } from '../knowledge/schema';
import { CAPITAL_OF, findConcepts } from '../search/aliases';
import { isPlaceName } from '../search/places';
import { CAUSE_ASKED, isQuantity, KIND_WHY, questionKind, type EntryIndex, type SearchHit } from '../search/entry-index';
import { term, tokenize, words, type Token } from '../search/normalize';
import { analyzeQuery, type AnalyzedQuery } from '../search/query';
import { relatedTerms } from '../search/related-words';
import { WH_WORDS } from '../search/stopwords';
import { buildPeople, type People } from './speaker';

// Evidence: what the retrieval found out about each ranked hit, as plain values. The answer decision
// (answerability.ts) reads only this, so each of its checks reads one kind of evidence and can be tested
// with a hand-made record.

/** What kind of answer an entry can supply, read from its text once per knowledge load. */
export type Shape = 'date' | 'time' | 'weekday' | 'person' | 'number' | 'money' | 'age' | 'reason' | 'plan' | 'duration' | 'comparison';

const SHAPES: ReadonlyArray<[Shape, RegExp]> = [
  ['date', /\b(1[0-9]|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/],
  // A time of day: "at 3:30 p.m.", "from 1700 hours", "before dawn", "shortly after midnight".
  [
    'time',
    /\b\d{1,2}[:.]\d{2}\b|\b\d{4} hours\b|\b\d{1,2}\s*(a\.m\.|p\.m\.|am\b|pm\b)|\bo'clock\b|\b(midnight|noon|dawn|dusk|morning|afternoon|evening|overnight)\b|\bhours? (later|after|before)\b/i,
  ],
  ['weekday', /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/],
  // A named person, or people named as a group ("negotiated by military officers"): both answer "who".
  [
    'person',
    /\b(officers|officials|diplomats|negotiators|delegates|envoys|generals|admirals)\b|\b(Adm|Gen|Lt|Col|Maj|Rep|Sen|Mr|Ms|Dr)\.|\b(Secretary|Minister|President|Admiral|General|Ambassador|Chairman|Commander)\s+[A-Z]/,
  ],
  ['money', /[$€£¥]|\b(dollars?|yuan|renminbi|rubles?|roubles?|rupees?|yen|euros?|budget|cost|costs|price|funding)\b/i],
  ['age', /\b(born|aged?|\d+-year-old|years? old)\b/i],
  // What a cause or purpose is stated with.
  [
    'reason',
    /\b(because|since|after|following|due to|owing to|in response|in reaction|prompted|caused|led to|so that|in order to|to (avoid|prevent|reduce|keep|manage|protest|punish|signal)|aimed|designed|meant to|intended|purpose|reason|why|over (the|a|its|his|her|their)|protest|retaliat\w*|amid)\b/i,
  ],
  // A length of time: "about 75 minutes", "more than two years", "a 20-minute call", "since January 2025", "until 2018"
  // (two different years are read in shapesOf). Also a length of text ("3,000 words long"). "A second" alone is an ordinal ("a second conversation").
  [
    'duration',
    /\b(\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|few|several|many|dozen|half)[\s-]+(seconds|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b|\b\d[\d,.]*[\s-]+second\b|\b(since|until|till)\b|\b\S+ (words|pages|lines) long\b/i,
  ],
  // What an entry about a coming event says.
  // Reported speech puts the plan in "would": "a follow-up meeting would be held in 2026".
  // A comparison the entry itself states: "larger than", "compared with", "outnumbered", "the largest".
  [
    'comparison',
    /\b(than|compared (to|with)|in comparison|outnumber\w*|outrank\w*|outweigh\w*|senior to|junior to|\w+est (navy|fleet|force|army|military|rank))\b/i,
  ],
  ['plan', /\b(will|plans?|planned|scheduled|due|next|upcoming|expected|agreed to hold|to be held|would (be held|meet|take place|resume)|intends?)\b/i],
];

/** The shapes an entry's text can supply. `person` and `number` also read the entry's fields. */
export function shapesOf(entry: Entry, tellsWho: boolean, tellsCount: boolean): Set<Shape> {
  const out = new Set<Shape>();
  for (const [shape, re] of SHAPES) if (re.test(entry.text)) out.add(shape);
  if (entry.date) out.add('date');
  if (tellsWho) out.add('person');
  if (tellsCount) out.add('number');
  // "First agreed in 2007 … put into practice in 2018": two different years bound a span.
  if (new Set(entry.text.match(/\b(1[6-9]|20)\d{2}\b/g) ?? []).size >= 2) out.add('duration');
  return out;
}

export type HitEvidence = {
  hit: SearchHit;
  entry: Entry;
  coverage: number;
  /** How many of the question's concepts it matches, and how many the question has. */
  matched: number;
  concepts: number;
  /** Its score over the next hit's (Infinity when it is alone). */
  lead: number;
  /** It matches every concept the question cannot do without (the focus, the counted thing, countries); a kind of place asked for ("which cities") is matched by naming a place. */
  hasRequired: boolean;
  /** It matches every known concept at least this informative (dominance's idf bar). */
  matchesInformative: boolean;
  shapes: ReadonlySet<Shape>;
  /** One of its curated questions asks the same kind of thing about the question's subject. */
  askedAlike: boolean;
  /** It has curated questions at all (an entry without them gives "who is" nothing to go on). */
  curated: boolean;
  questionMatch: number;
  /** "Who is X", X a person the base names in full (two words or more): the entry's text names X in full too. */
  namesAskedPerson: boolean;
  /** Proximity and wording facts for the shape checks. */
  whoVerb: boolean;
  owner: boolean;
  countNear: boolean;
  capitals: boolean;
  pair: boolean;
  /** Named things of the question (countries, forces, people, systems) this entry does not involve. */
  lacks: string[];
  /** A dated entry names every year the question names (in any field, or its date span covers it). */
  years: boolean;
  /** For a cause question: whether the entry states a cause at all (a causal word, or a curated "why" question on the same subject). */
  causeStated: boolean;
  /** For a cause question: the entry's own text states a cause in causal words (not by a quote's exemption or a curated question alone). */
  causeWorded: boolean;
  /** "Why did X…": the entry names X's event only as the setting of something else ("after X, …", "in response to X"). */
  causeAside: boolean;
  /** A quote, and whether by the speaker the question asks about (undefined: the question names none). */
  quote: boolean;
  bySpeaker?: boolean;
  /** "What did the Chinese ambassador say": the entry names a speaker of that country in that role (true when none is asked). */
  roleSpeaker: boolean;
};

/** "Who <verb> at X" verbs that ask who took part in X (on either side), not for one act an entry must name. */
const PARTICIPATION = new Set([
  'led',
  'lead',
  'leads',
  'headed',
  'head',
  'heads',
  'represented',
  'represent',
  'attended',
  'attend',
  'spoke',
  'speak',
  'participated',
  'joined',
  'chaired',
  'met',
]);

/** Words that say what someone is or does: a title, an office, a rank ("director", "secretary", "col", "headed"). */
const ROLE_WORD =
  /^(secretary|minister|chairman|chairwoman|chair|director|commander|chief|head|headed|heads|led|leads|general|gen|admiral|adm|colonel|col|lt|maj|captain|capt|ambassador|amb|spokesman|spokeswoman|spokesperson|president|premier|deputy|assistant|envoy|adviser|advisor|officer|official|representative|rep|senator|sen|congressman|lawmaker|diplomat|dgmo|founder|editor|reporter|analyst|former)$/;
/** Nouns naming one side of a meeting or of talks ("the Chinese side", "the U.S. delegation"). */
const SIDE_NOUN = /^(side|delegation|team)$/;
/** How many words from the name a role word may stand. */
const ROLE_WINDOW = 4;
/** Words of "who is X" that are no part of X's name. */
const IDENTITY_FILLER = new Set(['is', 'are', 'was', 'whos', 'exactly', 'really', 'again']);

/** How many words apart (stopwords aside) "X" and "Y" of "the X of Y" may stand in an answer's text. */
const OWNER_WINDOW = 4;
/** How many words apart a "how many X" answer's number and its X may stand. */
const COUNT_WINDOW = 4;
/** What "does A have a … with B" must be about for A and B to be the two sides of it. */
const LINE_WORDS = new Set(['hotline', 'hotlines', 'line', 'lines', 'link', 'links', 'channel', 'channels', 'phone']);
/** How many words after a person's name the verb reporting their words may stand, in the same clause. */
const SPEECH_WINDOW = 6;
/**
 * Verbs that report someone's words ("a message from Kosygin raised the prospect of…" does too). Nouns ("message",
 * "letter", "readout") are left out: "Khrushchev's message" names the message without giving a word of it; and
 * "called" counts only as "called for" or "called X a Y": "Johnson called Kosygin" is a phone call.
 */
/** "Called for…", "called its signing a hopeful step": "called" reporting words, not a phone call. */
const callsSomething = (text: readonly Token[], at: number) =>
  text[at + 1]?.word === 'for' || text.slice(at + 2, at + 5).some((t) => t.word === 'a' || t.word === 'an');
/** A clause that only adds someone to the subject of the next: "With Rush Doshi, Kurt Campbell wrote…". */
const CO_SUBJECT = /^\s*((together|along) )?with\b/i;
/** Particles that make a phrasal verb of a "who" question's verb ("who set up", "who got to"). */
const VERB_PARTICLES = new Set(['up', 'to']);
/** Words that make the name after them a speaker: "according to X", "spokeswoman X". */
const SPEAKER_BEFORE = /^(according|spokes(man|woman|person))$/;
const SPEECH_VERB =
  /^(said|says|say|told|tells?|warned|urged|wrote|writes?|stated|pledged|argued|insisted|assured|promised|asked|stressed|declared|announced|replied|responded|commented|described|noted|added|explained|complained|vowed|cautioned|admitted|acknowledged|proposed|demanded|recalled|reiterated|confirmed|denied|claimed|emphasi[sz]ed|remarked|raised|hinted|hinting|expressed|threatened|accused|suggested)$/;
/** What may stand between two countries named as the two sides: "us and cuba", "china south korea". */
const JOINS = new Set(['and', 'north', 'south', 'east', 'west']);
/**
 * Where a clause turns to an event's setting or cause: what follows, to the clause's end, is background to
 * what the entry tells ("After Israeli forces attacked the Liberty, Johnson used the hotline").
 */
const ASIDE = /\b(after|before|following|amid|in (response|reaction|reply|retaliation) to|in protest (at|against|over))\b/i;
/**
 * Where a clause names what caused the thing it tells ("The hotline grew out of the Cuban missile crisis"): for a
 * question asking what caused X, an entry holding X only there tells what X caused, not what caused X. Not read for
 * "why" questions, which as often ask what X led to ("why did the crisis lead to a hotline").
 */
const CAUSE_ASIDE = /\b(grew out of|grown out of|because of|due to|owing to|as a result of|in the wake of|(caused|prompted|triggered|sparked) by)\b/i;
/**
 * Where a clause names the reason someone gave for what it tells ("Beijing pointed to U.S. sanctions on Li", "citing the
 * sanctions"): what follows is the cause of that, so it does not say what caused it. Read for "why" questions too: the cited
 * reason is the one who cites it speaking, never the story of the reason itself.
 */
const CITED_CAUSE = /\b(pointed to|pointing to|citing|cited)\b/i;
/** Clause ends: punctuation, and a full stop that does not close an initial ("U.S."). */
const CLAUSE_END = /[,;:!?()\u2014\u2013]|(?<!\b[A-Z])\.(\s|$)/;
/**
 * Where the words describing a person end (describesPerson): as CLAUSE_END, but not at a comma, which sets a role
 * beside the name ("China's then-defense minister, Li Shangfu,"; "Gen. Wu Yanan, commander of…"), nor at the full
 * stop of a title ("Gen. Wu Yanan"), which belongs to the name.
 */
const DESCRIPTION_END = /[;:!?()\u2014\u2013]|(?<!\b(?:[A-Z]|Gen|Adm|Col|Lt|Maj|Capt|Amb|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Sgt|Cmdr|Brig))\.(?:\s|$)/;
/** How many words (a first name, a title) may stand before the asked name when it opens an entry as its subject. */
const SUBJECT_LEAD = 2;
/**
 * "Dong Jun became China's Minister of National Defense…", "Pete Hegseth has headed…": the entry opens with the
 * person as its subject, so it is about him; "China's defense minister's name is written Dong Jun" or "Defense
 * Secretary Pete Hegseth and … held their first call" name him with a role too, but are about a name or an event.
 * A shared subject ("X and Y held…") is about the two of them.
 */
function opensWithName(text: readonly string[], name: readonly string[]): boolean {
  const at = text.findIndex((x) => name.includes(x));
  if (at < 0 || at > SUBJECT_LEAD) return false;
  let end = at;
  while (end < text.length && name.includes(text[end]!)) end++;
  return text[end] !== 'and';
}
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
/** Sentence ends: a full stop before a capital, not one closing an initial or a title ("U.S. Navy", "Adm. Dong"). */
const SENTENCE_END = /(?<!\b(?:[A-Z]|Adm|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Mr|Ms|Mrs|Dr|St|Rep|Sen|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec))[.!?;]\s+(?=[A-Z"\u201c])/;
/** A sentence opening that points back to the one before ("It", "This", "The move"). */
const ANAPHOR =
  /^(It|This|That|These|Those|They|He|She|The (move|step|decision|change|idea|aim|goal|purpose|reason|plan|delay|request|refusal|cut|suspension))\b/;
/** Auxiliaries after which a question names its actor ("did nixon send", "has austin called"). */
const SUBJECT_AUX = new Set(['did', 'does', 'do', 'has', 'have', 'had']);
/** Numbers and months: dates set the scene of an event, they do not name it. */
const isDate = (w: string) => /^\d+$/.test(w) || MONTHS.has(w);

/** Whether the question asks for a cause: "why…", "the reason for…", "what caused…". */
export const asksCause = (query: AnalyzedQuery) => query.intent.why || CAUSE_ASKED.test(query.tokens.map((t) => t.word).join(' '));

/** Known concepts at least this informative (idf) must all be matched for a dominant entry to be promoted. */
const DOMINANCE_IDF = 2.5;
/**
 * Words that state a cause or a purpose ("because", "in response to", "meant for", "used the line to tell").
 * Narrower than the `reason` shape: "after", "following", "since" and "amid" tell when, not why, "over" is as
 * often a place ("over the South China Sea"), and "meant to" as often "supposed to". A consequence joined by
 * ", so" ("Under the order he may be called Secretary of War, so readouts may use either name") states why what
 * follows it happens; not "so far", "so much", "so many".
 */
const CAUSE_WORDS =
  /\b(because|due to|owing to|in (response|reaction|reply|retaliation) to|in protest|to protest|prompted|caused|led to|grew out of|so that|in order to|to (avoid|prevent|reduce|keep|manage|punish|signal|ensure|lower|limit)|aimed|designed|meant (for|as)|intended|purpose|reasons?|citing|cited|pointed to|blamed|accused|retaliat\w*|as a result|as an? (tool|way|means|lever|instrument|signal) (to|of|for))\b|, so (?!far\b|much\b|many\b)|\bused (the|a|an|its|his|her|their) [^.;,]{1,30}?\bto [a-z]+/i;
/** Question words that ask for something besides a cause: "how did the US respond, and why…" is answered by the response. */
const OTHER_ASKED = new Set(['how', 'when', 'who', 'whom', 'where', 'which']);
/** Whether a cause question also asks for something else (another question word, or "what" not asking "what caused"). */
const asksMore = (query: AnalyzedQuery) =>
  query.tokens.some((t) => OTHER_ASKED.has(t.word)) ||
  (query.tokens.some((t) => t.word === 'what') && !CAUSE_ASKED.test(query.tokens.map((t) => t.word).join(' ')));
/**
 * "Why did X matter", "why is X important", "why's it a big deal that…": a "why" asking what X meant, not what
 * caused it. What the entry says X showed or marked answers it; no causal word is needed.
 */
const SIGNIFICANCE = /\b(matter|matters|mattered|important|importance|significant|significance|big deal)\b/;
const asksSignificance = (query: AnalyzedQuery) => query.intent.why && SIGNIFICANCE.test(query.tokens.map((t) => t.word).join(' '));
/** The share of a cause question's known concepts (by idf) a curated "why" question must hold to be about the same thing. */
const CAUSE_ASKED_SHARE = 0.25;

/**
 * Nouns for a kind of place: "what city was it signed in", "which venue" ask for a place, which an entry names without
 * the noun. A (military) post is one too: "which posts does the Sikkim hotline connect".
 */
const PLACE_KINDS = new Set(
  'city cities town towns venue venues location locations place places site sites area areas region regions port ports base bases post posts outpost outposts'.split(
    ' ',
  ),
);

/**
 * Nouns for a kind of gathering: "what conference was Hegseth at", "which summit" ask for an event, which an entry
 * names by its own name ("the ASEAN Defence Ministers' Meeting-Plus", "the Shangri-La Dialogue") without the noun.
 */
const EVENT_KINDS = new Set('conference conferences summit summits forum forums gathering gatherings event events'.split(' '));
/** A gathering named in the text: capitalised words ending in a gathering word ("Shangri-La Dialogue", "APEC summit"). */
const NAMED_EVENT = /\b[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*[ -](?:Meeting|Dialogue|Summit|summit|Forum|Conference|conference)\b/;

/** Nouns for someone's words: "the exact words of X", "the wording of X" ask for what was said, which a quote is. */
const WORD_KINDS = new Set('words wording quote quotes quotation quotations'.split(' '));

const hasAll = (have: number, need: number) => (have & need) === need;

/** What a question asks of an entry's dates (yearsNamed), read once per question rather than once per hit. */
type DatesAsked = {
  /** Per concept: the year it names ("2024"), if it is one. */
  years: ReadonlyArray<number | undefined>;
  /** "From 2021 to 2024". */
  range: [number, number] | undefined;
  /** "June 5": the day, as "06-05" to compare with an entry's date, and as words to find in its text. */
  day: { month: number; day: number } | undefined;
  monthDay?: string;
  dayText?: RegExp;
};
const DATES_ASKED = new WeakMap<AnalyzedQuery, DatesAsked>();
function datesAsked(query: AnalyzedQuery): DatesAsked {
  let asked = DATES_ASKED.get(query);
  if (asked) return asked;
  const words = query.tokens.map((t) => t.word);
  const years = query.concepts.map((c) => (c.words.length === 1 && YEAR.test(c.words[0]!) ? Number(c.words[0]) : undefined));
  const day = dayIn(words);
  asked = { years, range: yearRange(words), day };
  if (day) {
    const month = MONTHS_LOWER[day.month - 1]!;
    asked.monthDay = `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    asked.dayText = new RegExp(`\\b(${day.day}(st|nd|rd|th)? ${month}|${month} ${day.day})\\b`, 'i');
  }
  DATES_ASKED.set(query, asked);
  return asked;
}

/** "From 2021 to 2024", "2021 through 2024", "between 2021 and 2024": the first and last year of a span asked about. */
function yearRange(words: readonly string[]): [number, number] | undefined {
  for (let i = 0; i + 2 < words.length; i++) {
    const [a, join, b] = [words[i]!, words[i + 1]!, words[i + 2]!];
    const joins = join === 'to' || join === 'through' || join === 'until' || (join === 'and' && words[i - 1] === 'between');
    if (joins && YEAR.test(a) && YEAR.test(b) && Number(a) < Number(b)) return [Number(a), Number(b)];
  }
  return undefined;
}

/** A day named with its month: "june 5", "5 june", "may 10th" (month 1–12, day 1–31). */
export function dayIn(words: readonly string[]): { month: number; day: number } | undefined {
  const dayOf = (w: string | undefined) => {
    const n = /^(\d{1,2})(st|nd|rd|th)?$/.exec(w ?? '');
    return n && Number(n[1]) >= 1 && Number(n[1]) <= 31 ? Number(n[1]) : undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const month = MONTHS_LOWER.indexOf(words[i]!) + 1;
    if (month === 0) continue;
    const day = dayOf(words[i + 1]) ?? dayOf(words[i - 1]);
    if (day !== undefined) return { month, day };
  }
  return undefined;
}
/** A year as typed: "1963", "2025". */
const YEAR = /^(1[6-9]|20)\d\d$/;

/** The evidence side of one engine: built once per knowledge base, read per question. */
export type EvidenceReader = {
  /** Bit mask of the concepts an answer cannot do without: the focus and the counted thing (countries are named things). */
  required(query: AnalyzedQuery): number;
  read(query: AnalyzedQuery, hits: readonly SearchHit[], named: NamedInQuestion, limit?: number): HitEvidence[];
  /** Whether the hit gives the words of the speaker the question asks about (true when it asks about none). */
  bySpeaker(hit: SearchHit, named: NamedInQuestion): boolean;
  /** The named things of the question this hit does not involve (their labels). */
  lacks(hit: SearchHit, named: NamedInQuestion): string[];
  /** Whether the hit names every year the question names (see yearsNamed). */
  namesYears(query: AnalyzedQuery, hit: SearchHit): boolean;
  /** The named things of a question: those the base knows (an answer must involve them) and those it never mentions. */
  named(query: AnalyzedQuery): { known: NamedInQuestion['concepts']; unknown: string[] };
  /** How many people an entry names: its `involved` names that are people (not countries or bodies). */
  peopleIn(entry: Entry): number;
  /**
   * For "who is X" (and "who was X", asksWhoWas): 2 when the hit is a fact that names X with a role near the name ("Col. Ian Francis of U.S.
   * Indo-Pacific Command", "Gen. Mark Milley, Chairman of the Joint Chiefs"), 1 for another fact naming X, 0 for a
   * quote (X's words say nothing of who X is) or an entry not naming X. 0 for every hit of any other question.
   */
  describesPerson(query: AnalyzedQuery, hit: SearchHit): number;
  /** The answer shapes the hit's entry can supply (shapesOf). */
  shapes(hit: SearchHit): ReadonlySet<Shape>;
  /** Whether the hit's entry says where something is or happened (namesPlace). */
  tellsWhere(hit: SearchHit): boolean;
  /** Whether the hit gives the words of whoever these concepts name: a quote by them, or a fact reporting them. */
  givesWordsOf(hit: SearchHit, keys: readonly string[]): boolean;
  /** Whether the hit gives the asked speaker's words themselves: a quote by them, or a fact reporting them. */
  givesWords(hit: SearchHit, named: NamedInQuestion): boolean;
};

/** Named things the question holds, as concept keys (countries and base entities) or words (unknown names). */
export type NamedInQuestion = {
  /** Concepts an answer must involve: countries, and base aliases that name a thing. */
  concepts: ReadonlyArray<{ key: string; label: string }>;
  /** The speaker a "what did X say" question asks about, as typed, with the base's speakers matching it and X's concepts. */
  speaker?: { name: string; matches: readonly string[]; keys: readonly string[]; quoted: boolean };
};

/**
 * "Who was Mark Milley", "who was Wei Fenghe": "who is X" of someone the record tells in the past, a name of one to
 * three words and nothing else (Intent.identity reads "who is/are/'s" only; "who was the pilot…" asks a role).
 */
export function asksWhoWas(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  return w[0] === 'who' && w[1] === 'was' && w.length >= 3 && w.length <= 5 && tokens.slice(2).every((t) => !t.stop);
}

/**
 * The words after "who is" of a "who is X" question, stopwords and filler aside (none for any other question);
 * `past`: "who was X" too (asksWhoWas).
 */
function identityName(query: AnalyzedQuery, past = false): string[] {
  if (!query.intent.identity && !(past && asksWhoWas(query.tokens))) return [];
  const w = query.tokens;
  const at = w.findIndex((t) => t.word === 'who' || t.word === 'whos');
  return w
    .slice(at + 1)
    .filter((t) => !t.stop && !IDENTITY_FILLER.has(t.word))
    .map((t) => t.word);
}

/** `people`: the base's people (buildPeople), when the caller has them already. */
export function buildEvidenceReader(base: KnowledgeBase, search: EntryIndex, people: People = buildPeople(base.entries)): EvidenceReader {
  const entries = base.entries;
  // Worked out when an entry is first a hit, not at build: the regular expressions behind them ran over every
  // entry's text, and only the candidates of questions need them.
  const shapes = new Array<ReadonlySet<Shape> | undefined>(entries.length);
  const shapesAt = (d: number) => (shapes[d] ??= shapesOf(entries[d]!, search.tellsWho(d), search.tellsCount(d)));
  const conceptOf = (t: string) => search.aliases.phrases.get(t) ?? t;

  // The countries each topic's name pairs ("U.S.–China military channels" → us, china): what an entry is between.
  const countriesIn = (text: string): Set<string> => {
    const out = new Set<string>();
    for (const t of tokenize(text)) {
      const key = search.aliases.phrases.get(t.term);
      if (key && search.aliases.countries.has(key)) out.add(key);
      for (const country of CAPITAL_OF[t.word] ?? []) out.add(conceptOf(term(country)));
    }
    return out;
  };
  /**
   * "Who is Michael Chase": the person's full name, when the question asks for nothing but a person the base names
   * (its words after "who is", stopwords aside, all belong to one person and are two or more: a surname alone may be
   * anyone's). Undefined otherwise ("who is pakistan's army chief", "who is X, the current Y" ask more than a name).
   */
  function askedPerson(query: AnalyzedQuery): string[] | undefined {
    const name = identityName(query);
    return name.length >= 2 && people.isPerson(name) ? name : undefined;
  }
  /** The entry's text holds every word of the name: it says something of that person, not just of a namesake's topic. */
  const namesInText = (name: readonly string[] | undefined, entry: Entry) => {
    if (!name) return false;
    const text = new Set(words(entry.kind === 'quote' ? `${entry.speaker} ${entry.text}` : entry.text));
    return name.every((w) => text.has(w));
  };
  const topicCountries = new Map([...base.topics.values()].map((t) => [t.id, countriesIn(t.name)]));

  const bothSides = (a: readonly string[], b: readonly string[]): [Set<string>, Set<string>] | undefined => {
    const sides: [Set<string>, Set<string>] = [countriesIn(a.join(' ')), countriesIn(b.join(' '))];
    return sides[0].size > 0 && sides[1].size > 0 ? sides : undefined;
  };
  /**
   * "When did Japan and South Korea sign…", "the U.S. and the Philippines": two countries joined by "and" are the
   * two sides of what is asked. Read on the question's alias phrases, so that a country word inside a place's
   * name ("the South China Sea", "Taiwan Strait") is no side, and "South Korea" is one side, not "south" and Korea.
   */
  function joinedPair(tokens: readonly Token[]): [Set<string>, Set<string>] | undefined {
    // Each position's side: the countries its phrase names (or a capital standing for one); null for a word of
    // another alias phrase (a place, an organisation), undefined for any other word.
    const side = new Array<Set<string> | null | undefined>(tokens.length);
    const starts = new Map<number, number>();
    for (const m of findConcepts(
      tokens.map((t) => t.term),
      search.aliases,
    )) {
      const spanWords = tokens.slice(m.start, m.end).map((t) => t.word);
      const capital = spanWords.length === 1 ? CAPITAL_OF[spanWords[0]!] : undefined;
      const countries = search.aliases.countries.has(m.concept)
        ? new Set([m.concept, ...countriesIn(spanWords.join(' '))])
        : capital
          ? new Set(capital.map((c) => conceptOf(term(c))))
          : null;
      for (let i = m.start; i < m.end; i++) side[i] = countries;
      starts.set(m.start, m.end);
    }
    tokens.forEach((t, i) => {
      if (side[i] === undefined && CAPITAL_OF[t.word]) {
        side[i] = new Set(CAPITAL_OF[t.word]!.map((c) => conceptOf(term(c))));
        starts.set(i, i + 1);
      }
    });
    for (const [start, end] of starts) {
      const a = side[start];
      if (!a || tokens[end]?.word !== 'and') continue;
      const next = tokens[end + 1]?.word === 'the' ? end + 2 : end + 1;
      const b = starts.has(next) ? side[next] : undefined;
      // "The U.S. and Taiwan Strait transits": a place noun after the country makes it a place's name.
      const place = [...tokens.slice(next, starts.get(next)), tokens[starts.get(next) ?? next]]
        .filter((t) => t !== undefined)
        .map((t) => t.word.replace(/^\p{L}/u, (c) => c.toUpperCase()))
        .join(' ');
      if (b && ![...a].some((k) => b.has(k)) && !isPlaceName(place)) return [a, b];
    }
    return undefined;
  }

  /** Words opening a clause of time: what follows is when the asked thing happened. */
  const SETTING_WORDS: ReadonlySet<string> = new Set(['while', 'whilst', 'during']);
  /** The two sides of "between A and B", of "does A have a line with B", or of "A and B" (joinedPair). */
  function betweenPair(all: readonly Token[]): [Set<string>, Set<string>] | undefined {
    // "Why did North Korea stop answering while the U.S. and South Korea trained": countries named in a clause of
    // time after the question's own are the setting of what is asked, not its two sides.
    const cut = all.findIndex((t, i) => i > 0 && SETTING_WORDS.has(t.word));
    const tokens = cut > 0 ? all.slice(0, cut) : all;
    const w = tokens.map((t) => t.word);
    const at = w.indexOf('between');
    const and = w.indexOf('and', at + 1);
    // "between A and B"; when A and B are no countries ("between the navies and air forces"), the other shapes may still name the sides.
    const between = at >= 0 && and > at && and - at <= 4 ? bothSides(w.slice(at + 1, and), w.slice(and + 1, and + 4)) : undefined;
    if (between) return between;
    const have = w.findIndex((x) => x === 'have' || x === 'has');
    const withAt = w.indexOf('with', have + 1);
    if (have > 0 && withAt > have && w.slice(have + 1, withAt).some((x) => LINE_WORDS.has(x)))
      return bothSides(w.slice(0, have), w.slice(withAt + 1, withAt + 4));
    const joined = joinedPair(tokens);
    if (joined) return joined;
    // "china russia military hotline", "us and cuba military talks": a line, and two countries named side by side
    // (adjacent, or with "and" or "north"/"south" between). Countries named apart ("a line with russia over ukraine") are context.
    if (!w.some((x) => LINE_WORDS.has(x))) return undefined;
    const sideAt = w.map((x) => countriesIn(x));
    for (let i = 0; i < w.length; i++) {
      if (sideAt[i]!.size === 0) continue;
      for (let j = i + 1; j <= Math.min(w.length - 1, i + 3) && (j === i + 1 || JOINS.has(w[j - 1]!)); j++) {
        const [a, b] = [sideAt[i]!, sideAt[j]!];
        if (b.size > 0 && ![...a].some((k) => b.has(k))) return [a, b];
      }
    }
    // "does the us have a direct line to north korea"
    const toAt = w.indexOf('to', have + 1);
    if (have > 0 && toAt > have && w.slice(have + 1, toAt).some((x) => LINE_WORDS.has(x))) return bothSides(w.slice(0, have), w.slice(toAt + 1, toAt + 4));
    return undefined;
  }

  /**
   * "Is there a hotline between russia and nato": when one side of "between A and B" is a country and the other is
   * none (an alliance, a force, a body), the terms naming that other side (its first word besides stopwords, as
   * alias-read); undefined otherwise. An entry must name that side in its text to be between the two.
   */
  function betweenOther(tokens: readonly Token[]): string[] | undefined {
    const w = tokens.map((t) => t.word);
    const at = w.indexOf('between');
    const and = w.indexOf('and', at + 1);
    if (at < 0 || and <= at || and - at > 4) return undefined;
    const a = w.slice(at + 1, and);
    const b = w.slice(and + 1, and + 4);
    const [ca, cb] = [countriesIn(a.join(' ')), countriesIn(b.join(' '))];
    // "Between the pentagon and beijing": a body named first is as often the other country's stand-in.
    if (ca.size === 0 || cb.size > 0) return undefined;
    const other = tokens.slice(and + 1, and + 4).find((t) => !t.stop);
    return other ? [other.term, conceptOf(other.term)] : undefined;
  }
  /**
   * "What did the Chinese ambassador say…", "what did the Japanese defense minister tell…": the speaker asked for by
   * country and role, no name: the countries and the role's head noun. Undefined when the question asks no such thing.
   */
  function roleAsked(tokens: readonly Token[]): { countries: Set<string>; head: string } | undefined {
    const w = tokens.map((t) => t.word);
    const aux = w.findIndex((x) => x === 'did' || x === 'does' || x === 'has');
    if (aux < 1 || !['what', 'how'].includes(w[aux - 1]!)) return undefined;
    let i = aux + 1;
    if (w[i] === 'the') i++;
    const countries = countriesIn(w[i] ?? '');
    if (countries.size === 0) return undefined;
    // The role: one or two words after the country, then a verb of saying ("the chinese ambassador say").
    for (let j = i + 1; j <= i + 2 && j < w.length - 1; j++) {
      if (countriesIn(w[j]!).size > 0 || tokens[j]!.stop) return undefined;
      if (/^(say|said|tell|told|think|respond|react|write|wrote|warn|announce|claim)$/.test(w[j + 1]!)) return { countries, head: tokens[j]!.term };
    }
    return undefined;
  }
  /**
   * A quote whose speaker's role puts another country right before the role's head (up to three words: "U.S.
   * Ambassador to China" for "the Chinese ambassador") is by someone else. Facts, and roles that name no country
   * there, pass: roles are often worded otherwise ("top diplomat" for "Foreign Secretary").
   */
  const roleNamed = (asked: { countries: Set<string>; head: string } | undefined, entry: Entry) => {
    if (!asked || entry.kind !== 'quote') return true;
    const tokens = tokenize(`${entry.speaker}, ${entry.role ?? ''}`);
    const before = tokens.flatMap((t, i) => (t.term === asked.head ? tokens.slice(Math.max(0, i - 3), i).flatMap((u) => [...countriesIn(u.word)]) : []));
    return before.length === 0 || before.some((k) => asked.countries.has(k));
  };
  /**
   * The countries a word naming one side of a meeting stands for: "chinese", "u.s.", or a force one of whose names
   * holds its country ("pla": "Chinese People's Liberation Army").
   */
  const sideCountries = (t: Token): Set<string> => {
    const out = countriesIn(t.word);
    const concept = search.aliases.phrases.get(t.term);
    if (out.size > 0 || !concept) return out;
    for (const [phrase, c] of search.aliases.phrases) {
      if (c !== concept) continue;
      for (const part of phrase.split(' ')) {
        const key = search.aliases.phrases.get(part);
        if (key && search.aliases.countries.has(key)) out.add(key);
      }
    }
    return out;
  };
  /** "Who led the PLA side", "what did the Chinese delegation propose": the countries of the side asked about. */
  function sideAsked(tokens: readonly Token[]): Set<string> | undefined {
    for (let i = 1; i < tokens.length; i++) {
      if (!SIDE_NOUN.test(tokens[i]!.word)) continue;
      const countries = sideCountries(tokens[i - 1]!);
      if (countries.size > 0) return countries;
    }
    return undefined;
  }
  /**
   * A fact telling of one country's side ("the U.S. delegation … was led by Col. Ian Francis") does not answer a
   * question about the other side's: when the entry names the country of a side (up to two words before "side",
   * "delegation", "team"), one such side must be of a country asked. Entries naming no side's country pass.
   */
  const sideNamed = (asked: Set<string> | undefined, entry: Entry) => {
    if (!asked || entry.kind !== 'fact') return true;
    const tokens = tokenize(entry.text);
    const owners = tokens.flatMap((t, i) => (SIDE_NOUN.test(t.word) ? tokens.slice(Math.max(0, i - 2), i).flatMap((u) => [...sideCountries(u)]) : []));
    return owners.length === 0 || owners.some((k) => asked.has(k));
  };
  const otherSideNamed = (other: string[] | undefined, entry: Entry) => {
    if (!other) return true;
    const text = tokenize(entry.kind === 'quote' ? `${entry.speaker} ${entry.text}` : entry.text).flatMap((t) => [t.term, conceptOf(t.term)]);
    return other.some((t) => text.includes(t));
  };

  /**
   * "Is there a hotline between china and taiwan": the answer must be filed under a topic between those two
   * (a U.S.–China entry that mentions Taiwan is not about China and Taiwan, nor one filed under U.S.–China and
   * U.S.–Russia about China and Russia).
   */
  function pairAnswered(pair: [Set<string>, Set<string>] | undefined, entry: Entry): boolean {
    if (!pair) return true;
    const [a, b] = pair;
    // One topic must hold both sides: an entry filed under U.S.–China and under U.S.–Russia is not between China and Russia.
    return entry.topics.some((id) => {
      const filed = topicCountries.get(id) ?? new Set<string>();
      return [...a].some((k) => filed.has(k)) && [...b].some((k) => filed.has(k));
    });
  }

  /**
   * "Who is the president of south korea": an entry that names a president and, elsewhere, South Korea is
   * not about South Korea's president. The two must stand close together in the entry's own words (Y a country).
   */
  function ownerNear(query: AnalyzedQuery, entry: Entry): boolean {
    const { focus, focusOwner } = query.intent;
    if (!focus || !focusOwner) return true;
    const owners = new Set(focusOwner.map((w) => conceptOf(term(w))).filter((k) => search.aliases.countries.has(k)));
    if (owners.size === 0) return true;
    const head = conceptOf(term(focus));
    return [entry.text, ...(entry.questions ?? []), ...(entry.keywords ?? [])].some((phrase) => {
      const text = tokenize(phrase)
        .filter((t) => !t.stop)
        .map((t) => conceptOf(t.term));
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== head) continue;
        for (let j = Math.max(0, i - OWNER_WINDOW); j <= Math.min(text.length - 1, i + OWNER_WINDOW); j++) if (owners.has(text[j]!)) return true;
      }
      return false;
    });
  }

  /**
   * "How many warships does the Russian navy have": when the entry's text names the counted thing (or a
   * related word), a quantity must stand close to it.
   */
  function countedNear(head: string | undefined, entry: Entry): boolean {
    if (head === undefined) return true;
    const key = conceptOf(term(head));
    const keys = new Set([key, ...relatedTerms(key)]);
    const text = tokenize(entry.text);
    const at = text.flatMap((t, i) => (keys.has(conceptOf(t.term)) ? [i] : []));
    if (at.length === 0) return true;
    return text.some((t, j) => isQuantity(t.word) && at.some((i) => Math.abs(i - j) <= COUNT_WINDOW));
  }

  // The index terms of the entries' own texts (not curated questions or keywords), and their alias concepts.
  let inTexts: Set<string> | undefined;
  const textTerms = () => (inTexts ??= new Set(entries.flatMap((e) => tokenize(e.text).flatMap((t) => [t.term, conceptOf(t.term)]))));

  /** "Who replaced Kurt Campbell": an entry that never uses the verb (nor a related word) only shares the names. */
  function whoVerbMatched(query: AnalyzedQuery, doc: number): boolean {
    const verb = query.intent.whoVerb;
    if (verb === undefined) return true;
    const c = query.concepts.find((x) => x.words.includes(verb));
    if (!c) return true;
    // "Who led / represented / spoke at X": an entry naming the people on both sides of X says who took part,
    // in whatever words ("talks between A and B", "a call between A and B").
    // "Did china ever apologize…": the entry must use the verb somewhere (its text, curated questions or keywords).
    if (!query.tokens.some((t) => t.word === 'who')) return c.alts.some((a) => search.mentions(doc, a.term));
    if (PARTICIPATION.has(verb) && peopleInvolved(entries[doc]!) >= 2) return true;
    // A verb no entry's text uses ("who interpreted for…"): no entry says who did it. "Who signed up", "who got
    // to" are read with their particle, which the verb alone does not stand for.
    if (!c.alts.some((a) => textTerms().has(a.term))) {
      const at = query.tokens.findIndex((t) => t.word === verb);
      return VERB_PARTICLES.has(query.tokens[at + 1]?.word ?? '');
    }
    return c.alts.some((a) => search.mentions(doc, a.term));
  }
  /** How many of an entry's `involved` names are people (not countries or bodies). */
  function peopleInvolved(entry: Entry): number {
    return entry.kind === 'fact' ? (entry.involved ?? []).filter((n) => people.isPerson(words(n))).length : 0;
  }

  /** Each capital the question names ("pyongyang") is named by the entry, or its country is. */
  function capitalsAnswered(query: AnalyzedQuery, doc: number): boolean {
    return query.concepts.every((c) => {
      const countries = c.words.length === 1 ? CAPITAL_OF[c.words[0]!] : undefined;
      if (!countries || (search.index.postings.has(c.key) && search.mentions(doc, c.key))) return true;
      return countries.some((country) => search.mentions(doc, conceptOf(term(country))));
    });
  }

  /**
   * Whether the entry's text reports the words of the person these concepts name: within one clause, a speech
   * verb a few words after the name ("Kosygin warned…", "Austin told reporters…"), or "according to" or a
   * spokesperson's title just before it. "China's Defense Ministry said Gen. Wu led…" reports the ministry's
   * words, and "after meeting Xi, Blinken said…" Blinken's.
   */
  function reportsWordsOf(keys: readonly string[], entry: Entry): boolean {
    // "With Rush Doshi, Kurt Campbell wrote…": a clause opening with "with" names a co-subject of the next one.
    const clauses = entry.text.split(CLAUSE_END).reduce<string[]>((out, c) => {
      if (out.length > 0 && CO_SUBJECT.test(out.at(-1)!)) out[out.length - 1] += ` ${c ?? ''}`;
      else out.push(c ?? '');
      return out;
    }, []);
    return clauses.some((clause) => {
      if (!clause) return false;
      const text = tokenize(clause);
      const at = text.flatMap((t, i) => (keys.includes(conceptOf(t.term)) ? [i] : []));
      return at.some((i) =>
        text.some(
          (t, j) =>
            (j > i && j - i <= SPEECH_WINDOW && (SPEECH_VERB.test(t.word) || (t.word === 'called' && callsSomething(text, j)))) ||
            (j < i && i - j <= 3 && SPEAKER_BEFORE.test(t.word)),
        ),
      );
    });
  }

  /**
   * "Why did the U.S. hit Shayrat": a fact that names the event only inside an aside ("Before U.S. missiles struck
   * Shayrat, the military warned Russia") explains something else. True when what of the question (countries
   * and dates aside: they set the scene; and the question's own aside, "… after the attack") the entry's text holds
   * only in such asides outweighs (by idf) what it holds in its main clauses. Quotes are exempt: a speaker's words
   * are their reasons.
   */
  function causeAside(query: AnalyzedQuery, entry: Entry): boolean {
    if (!asksCause(query) || entry.kind === 'quote') return false;
    if (eventOnlyCited(query, entry)) return true;
    // The question's own setting ("why did LBJ use the hotline after the Liberty attack") is no part of what it asks about.
    const setting = questionSetting(query);
    const asked = query.concepts
      .filter((c) => c.known && !search.aliases.countries.has(c.key) && !c.words.every(isDate) && !c.words.every((w) => setting.has(w)))
      .map((c) => ({
        idf: c.idf,
        // An alias phrase ("chinese balloon") is found by its own words, its country words aside.
        keys: new Set([c.key, ...c.alts.map((a) => a.term), ...c.words.map(term).filter((t) => !search.aliases.countries.has(conceptOf(t)) && !isDate(t))]),
      }));
    const inMain = new Set<number>();
    const inAside = new Set<number>();
    const causeAsked = CAUSE_ASKED.test(query.tokens.map((t) => t.word).join(' '));
    for (const clause of entry.text.split(CLAUSE_END)) {
      if (!clause) continue;
      const at = asideAt(clause, causeAsked);
      const tokens = tokenize(clause);
      const cut = at < 0 ? tokens.length : tokenize(clause.slice(0, at)).length;
      tokens.forEach((t, i) => {
        asked.forEach((c, k) => {
          if (c.keys.has(t.term) || c.keys.has(conceptOf(t.term))) (i < cut ? inMain : inAside).add(k);
        });
      });
    }
    // What the question asks about stands mostly in asides: "the Liberty's aid" in the main clause does not make
    // "After Israeli forces attacked the USS Liberty" the entry's subject.
    const weight = (ks: Iterable<number>) => [...ks].reduce((sum, k) => sum + asked[k]!.idf, 0);
    return inAside.size > 0 && weight([...inAside].filter((k) => !inMain.has(k))) > weight(inMain);
  }

  /**
   * "Why did the U.S. sanction Li Shangfu" met by "Li turned down Austin's request. Beijing pointed to U.S. sanctions on
   * Li": the event asked about (its words other than people, countries and dates) stands only after "pointed to" /
   * "citing", as the reason given for something else, so the entry tells what it caused, not what caused it.
   */
  function eventOnlyCited(query: AnalyzedQuery, entry: Entry): boolean {
    const event = query.concepts.filter((c) => c.known && !search.aliases.countries.has(c.key) && !c.words.every(isDate) && !people.isPerson(c.words));
    if (event.length === 0) return false;
    const heldIn = (text: string) => {
      const held = new Set(tokenize(text).flatMap((t) => [t.term, conceptOf(t.term)]));
      return event.filter((c) => held.has(c.key) || c.alts.some((a) => held.has(a.term)));
    };
    let cited = 0;
    for (const clause of entry.text.split(CLAUSE_END)) {
      if (!clause) continue;
      const at = clause.search(CITED_CAUSE);
      if (heldIn(at < 0 ? clause : clause.slice(0, at)).length > 0) return false;
      if (at >= 0) cited += heldIn(clause.slice(at)).length;
    }
    return cited > 0;
  }

  /** Where a clause's aside starts (-1: none); `causeAsked`: cause phrases ("grew out of X") count too. */
  function asideAt(clause: string, causeAsked: boolean): number {
    const at = clause.search(ASIDE);
    const cause = causeAsked ? clause.search(CAUSE_ASIDE) : -1;
    return at < 0 ? cause : cause < 0 ? at : Math.min(at, cause);
  }

  /** The words of a question's aside ("… after the USS Liberty attack"), up to its clause's end. */
  function questionSetting(query: AnalyzedQuery): Set<string> {
    const w = query.tokens.map((t) => t.word);
    const text = w.join(' ');
    const at = text.search(ASIDE);
    if (at <= 0) return new Set();
    return new Set(tokenize(text.slice(at)).map((t) => t.word));
  }

  /**
   * The sentence of the entry's text that holds the most of what a question asks about (by idf; countries and
   * dates aside: they set the scene), with the next one when that points back to it ("The move was meant as…"), or
   * the whole text when none holds any of it. "It took twelve hours to decode the message" is where a cause of the
   * delay would be stated, not "The hotline grew out of the crisis".
   */
  function eventSentence(query: AnalyzedQuery, entry: Entry): string {
    const asked = query.concepts.filter((c) => c.known && !search.aliases.countries.has(c.key) && !c.words.every(isDate));
    const sentences = entry.text.split(SENTENCE_END);
    let best = -1;
    let most = 0;
    sentences.forEach((sentence, i) => {
      const held = new Set(tokenize(sentence).flatMap((t) => [t.term, conceptOf(t.term)]));
      const weight = asked.reduce((sum, c) => sum + (c.alts.some((a) => held.has(a.term)) || held.has(c.key) ? c.idf : 0), 0);
      if (weight > most) [best, most] = [i, weight];
    });
    if (best < 0) return entry.text;
    // "…Johnson approved. The move was meant as a signal": a sentence that opens by pointing back goes on about the event.
    const next = sentences[best + 1];
    return next && ANAPHOR.test(next) ? `${sentences[best]} ${next}` : sentences[best]!;
  }

  /**
   * "Why was the 1963 hotline routed through London": an entry that states the route and no cause does not say
   * why. A fact states a cause when its text has a causal word, or when one of its curated "why" questions is
   * about the same thing (holds a good share of the question's concepts). Quotes are exempt: a speaker's words
   * are their reasons. True when the question asks for no cause.
   */
  function causeStated(query: AnalyzedQuery, entry: Entry): boolean {
    if (!asksCause(query) || asksMore(query) || asksSignificance(query) || entry.kind === 'quote' || CAUSE_WORDS.test(eventSentence(query, entry))) return true;
    const asked = query.concepts.filter((c) => c.known);
    const total = asked.reduce((sum, c) => sum + c.idf, 0);
    if (total === 0) return true;
    const ctx = { index: search.index, aliases: search.aliases, typos: search.typos };
    return (entry.questions ?? []).some((q) => {
      if ((questionKind(q) & KIND_WHY) === 0) return false;
      const keys = new Set(analyzeQuery(q, ctx, { intent: false }).concepts.map((c) => c.key));
      // "Why did Li Shangfu refuse to meet Austin" is not about why Li Shangfu was fired: one person shared is not the same thing.
      const shared = asked.filter((c) => keys.has(c.key));
      if (shared.length > 0 && shared.every((c) => people.isPerson(c.words)) && new Set(shared.map((c) => people.display(c.words))).size === 1) return false;
      return asked.reduce((sum, c) => sum + (keys.has(c.key) ? c.idf : 0), 0) / total >= CAUSE_ASKED_SHARE;
    });
  }

  /**
   * "Who headed the delegation in 2025": an entry about the 2024 meeting answers a different question, however
   * much else it shares. Every year the question names must be named by a dated entry (any field: text, curated
   * questions, keywords), or fall within its date span. Undated entries (standing facts: what an agreement covers)
   * are exempt, since a year in the question may name the agreement rather than an event.
   */
  function yearsNamed(query: AnalyzedQuery, doc: number, entry: Entry): boolean {
    if (!entry.date) return true;
    const asked = datesAsked(query);
    // Most questions name no year and no day: nothing to hold the entry to (and no work per hit).
    if (!asked.years.some((y) => y !== undefined) && !asked.range && !asked.day) return true;
    const end = (entry.kind === 'fact' ? entry.end_date : undefined) ?? entry.date;
    const from = Number(entry.date.slice(0, 4));
    const to = Number(end.slice(0, 4));
    const { range, years: yearOf } = asked;
    const named = (c: AnalyzedQuery['concepts'][number], k: number) => {
      const year = yearOf[k];
      return year === undefined || (year >= from && year <= to) || c.alts.some((a) => search.mentions(doc, a.term));
    };
    // "From 2021 to 2024": a span of years asked, which an entry in any part of it (or naming either end) is of.
    const inRange = (k: number) => range !== undefined && range.includes(yearOf[k] ?? NaN);
    const spanOk = !range || (from <= range[1] && to >= range[0]) || query.concepts.some((c, k) => inRange(k) && named(c, k));
    const years = spanOk && query.concepts.every((c, k) => inRange(k) || named(c, k));
    return years && dayNamed(asked, entry, end);
  }

  /**
   * "The June 5 message": an entry dated to the day must be of that day (or span it), or name it in its text
   * ("5 June", "June 5"). Entries dated to the month or year are not held to it.
   */
  function dayNamed(asked: DatesAsked, entry: Entry, end: string): boolean {
    const { day } = asked;
    if (!day || entry.date!.length < 10) return true;
    const md = (date: string) => date.slice(5, 10);
    if (asked.monthDay! >= md(entry.date!) && asked.monthDay! <= md(end)) return true;
    return asked.dayText!.test(entry.text);
  }

  /** The bits of `required` that name a kind of place ("what city", "which venue"): an entry naming a place answers them. */
  function placeKindBits(query: AnalyzedQuery, kinds: ReadonlySet<string> = PLACE_KINDS): number {
    const head = query.intent.focus;
    if (head === undefined || !kinds.has(head)) return 0;
    let mask = 0;
    query.concepts.forEach((c, i) => {
      if (c.words.includes(head)) mask |= 1 << i;
    });
    return mask;
  }

  function required(query: AnalyzedQuery): number {
    const head = query.intent.countOf;
    // Keywords end with their head ("incsea notice period"), which is often a paraphrase of what the entry says:
    // only "the X of Y" among keywords names the thing asked for firmly enough to be required.
    const looseHead = query.intent.keywords && !query.tokens.some((t) => t.word === 'of');
    const focus = looseHead ? [] : (query.intent.focusPhrase ?? []);
    const focusHead = focus.at(-1);
    let mask = 0;
    query.concepts.forEach((c, i) => {
      const isHead = (head !== undefined && c.words.includes(head)) || (focusHead !== undefined && c.words.includes(focusHead));
      // A word of the focus phrase that no entry holds, its head aside ("the first Biden-era contact": "era"), is a
      // modifier the answer may word otherwise: it weighs in the coverage, but no entry could ever match it here.
      if (isHead || (c.known && focus.some((f) => c.words.includes(f)))) mask |= 1 << i;
    });
    return mask;
  }

  function named(query: AnalyzedQuery): { known: NamedInQuestion['concepts']; unknown: string[] } {
    const known: Array<{ key: string; label: string }> = [];
    const unknown: string[] = [];
    // The person a question makes the actor ("how many messages did nixon send", "when did austin call…"): an entry
    // that never mentions them tells of someone else's act.
    const w = query.tokens.map((t) => t.word);
    const aux = w.findIndex((x, i) => i <= 5 && SUBJECT_AUX.has(x));
    const actor = aux >= 1 && WH_WORDS.has(w[0]!) ? w[aux + 1] : undefined;
    for (const c of query.concepts) {
      if (actor && c.known && c.words.includes(actor) && people.isPerson(c.words) && !search.aliases.countries.has(c.key)) {
        known.push({ key: c.key, label: people.display(c.words) ?? c.words.join(' ') });
        continue;
      }
      if (!search.aliases.countries.has(c.key)) continue;
      const label = search.aliases.countryName.get(c.key) ?? c.words.join(' ');
      if (c.known) known.push({ key: c.key, label });
      else unknown.push(label);
    }
    return { known, unknown };
  }

  /**
   * A quote by X, or a fact that involves X, is X's words; another speaker's quote is not. With no quote by X on
   * record, a fact must also report X's words (X's name near a speech word).
   */
  const bySpeaker = (hit: SearchHit, named: NamedInQuestion): boolean => {
    const sp = named.speaker;
    if (!sp) return true;
    const entry = hit.entry;
    if (entry.kind === 'quote') return sp.matches.includes(entry.speaker);
    return sp.keys.length > 0 && sp.keys.every((k) => search.mentions(hit.doc, k)) && (sp.quoted || reportsWordsOf(sp.keys, entry));
  };
  const givesWords = (hit: SearchHit, named: NamedInQuestion): boolean => {
    const sp = named.speaker;
    if (!sp) return false;
    if (hit.entry.kind === 'quote') return sp.matches.includes(hit.entry.speaker);
    return sp.keys.length > 0 && reportsWordsOf(sp.keys, hit.entry);
  };
  const describesPerson = (query: AnalyzedQuery, hit: SearchHit): number => {
    if (hit.entry.kind !== 'fact') return 0;
    const name = identityName(query, true);
    if (name.length === 0) return 0;
    const clauses = hit.entry.text.split(DESCRIPTION_END);
    let named = false;
    for (const [at, clause] of clauses.entries()) {
      const text = words(clause ?? '');
      const hits = text.flatMap((x, i) => (name.includes(x) ? [i] : []));
      if (hits.length === 0 || !name.every((n) => text.includes(n))) continue;
      named = true;
      if (text.some((x, j) => ROLE_WORD.test(x) && hits.some((i) => Math.abs(i - j) <= ROLE_WINDOW))) {
        return at === 0 && opensWithName(text, name) ? 3 : 2;
      }
    }
    return named ? 1 : 0;
  };
  const givesWordsOf = (hit: SearchHit, keys: readonly string[]): boolean => {
    if (keys.length === 0) return false;
    const entry = hit.entry;
    if (entry.kind === 'quote') {
      const by = new Set(tokenize(entry.speaker).map((t) => conceptOf(t.term)));
      return keys.every((k) => by.has(k));
    }
    return reportsWordsOf(keys, entry);
  };
  const lacks = (hit: SearchHit, named: NamedInQuestion) => named.concepts.filter((n) => !search.mentions(hit.doc, n.key)).map((n) => n.label);

  return {
    required,
    named,
    lacks,
    peopleIn: peopleInvolved,
    shapes: (hit) => shapesAt(hit.doc),
    tellsWhere: (hit) => search.tellsWhere(hit.doc),
    givesWords,
    describesPerson,
    givesWordsOf,
    bySpeaker,
    namesYears: (query, hit) => yearsNamed(query, hit.doc, hit.entry),
    read(query, hits, named, limit = 3) {
      const mask = required(query);
      const placeBits = placeKindBits(query);
      // "The exact words of X": a quote is the words asked for.
      const wordBits = placeKindBits(query, WORD_KINDS);
      // "What conference was X at": an entry naming a gathering answers it.
      const eventBits = placeKindBits(query, EVENT_KINDS);
      const pair = betweenPair(query.tokens);
      const other = betweenOther(query.tokens);
      const role = roleAsked(query.tokens);
      const side = sideAsked(query.tokens);
      const person = askedPerson(query);
      return hits.slice(0, limit).map((hit, i) => {
        const next = hits[i + 1];
        const entry = hit.entry;
        const speakers = named.speaker?.matches;
        return {
          hit,
          entry,
          coverage: hit.coverage,
          matched: hit.matched,
          concepts: query.concepts.length,
          lead: next && next.score > 0 ? hit.score / next.score : Infinity,
          hasRequired: hasAll(
            hit.mask,
            mask &
              ~(placeBits !== 0 && search.tellsWhere(hit.doc) ? placeBits : 0) &
              ~(entry.kind === 'quote' ? wordBits : 0) &
              ~(NAMED_EVENT.test(entry.text) ? eventBits : 0),
          ),
          matchesInformative: query.concepts.every((c, k) => !c.known || c.idf < DOMINANCE_IDF || (hit.mask & (1 << k)) !== 0),
          shapes: shapesAt(hit.doc),
          askedAlike: hit.askedAlike,
          curated: (entry.questions?.length ?? 0) > 0,
          questionMatch: hit.questionMatch,
          namesAskedPerson: namesInText(person, entry),
          whoVerb: whoVerbMatched(query, hit.doc),
          owner: ownerNear(query, entry),
          countNear: countedNear(query.intent.countOf, entry),
          capitals: capitalsAnswered(query, hit.doc),
          pair: pairAnswered(pair, entry) && otherSideNamed(other, entry),
          lacks: lacks(hit, named),
          causeAside: causeAside(query, entry),
          causeStated: causeStated(query, entry),
          causeWorded: asksCause(query) && CAUSE_WORDS.test(eventSentence(query, entry)),
          years: yearsNamed(query, hit.doc, entry),
          quote: entry.kind === 'quote',
          bySpeaker: speakers ? bySpeaker(hit, named) : undefined,
          roleSpeaker: roleNamed(role, entry) && sideNamed(side, entry),
        };
      });
    },
  };
}
