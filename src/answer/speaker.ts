import type { Entry } from '../knowledge/schema';
import { words, type Token } from '../search/normalize';

// "What did X say", "X quote on…", "quotes by X": the person whose words are asked for. Another speaker's
// words do not answer it, and when the base holds no quote by X the honest reply says so.

const SPEECH = new Set([
  'comment',
  'commented',
  'say',
  'said',
  'says',
  'tell',
  'told',
  'talk',
  'talked',
  'write',
  'wrote',
  'warn',
  'warned',
  'mean',
  'meant',
  'claim',
  'claimed',
  'announce',
  'announced',
  'reply',
  'replied',
  'respond',
  'responded',
  'state',
  'stated',
]);
/**
 * "Did X say anything about…", "did X ever comment on…", "did X talk about…": asks for X's words, as "what did X say"
 * does, where "did X say that…" or "did X say relations…" asks whether a claim is true.
 */
const ASKS_WORDS = /^(comment|commented) |^\S+ (anything|something|about|on)$/;
const AUX = new Set(['did', 'does', 'do', 'has', 'have', 'had']);
/** "Did X talk to Y", "X talked with Y": a conversation took place, which a fact reports; it asks for nobody's words. */
const CONVERSE = new Set(['talk', 'talked']);
const WITH = new Set(['to', 'with']);
/**
 * "X said…" with no question word before it is a claim only with the verb in the past or the present ("said",
 * "says", "warned"): a bare form there is another word ("trump state visit", "xi talk shanghai" as keywords).
 */
const CLAIMED = (word: string) => /(ed|s)$/.test(word) || word === 'said' || word === 'told' || word === 'wrote' || word === 'meant';
const QUOTE = new Set(['quote', 'quotes', 'quoted']);

/** Whether the question uses a verb of saying or putting forward, or asks for a quote ("which official claimed…", "what did francis call…"). */
export function usesWordsVerb(tokens: readonly Token[]): boolean {
  return tokens.some((t) => PUT_FORWARD.has(t.word) || QUOTE.has(t.word));
}
const BY = new Set(['by', 'from']);
const LEAD = new Set(['what', 'how', 'why', 'when', 'where']);

/**
 * Verbs that ask for the content of what someone said or put forward ("what did the US push for", "what did Paparo
 * raise"): wider than SPEECH, since they only order siblings (sayerOf), and do not make X a speaker whose quotes
 * the base must hold.
 */
const PUT_FORWARD = new Set([
  ...SPEECH,
  'want',
  'wanted',
  'push',
  'pushed',
  'ask',
  'asked',
  'raise',
  'raised',
  'promise',
  'promised',
  'complain',
  'complained',
  'post',
  'posted',
  'propose',
  'proposed',
  'urge',
  'urged',
  'demand',
  'demanded',
  'stress',
  'stressed',
  'describe',
  'described',
  'call',
  'called',
]);

/**
 * "What did X push for", "what has X said": X (a person, a country, a body), as positions in the question;
 * undefined when the question has no such shape. Not "how did X describe…", which asks how, and is as often
 * answered by an entry that reports no words ("how did India and Pakistan say they would handle incidents").
 */
export function sayerOf(tokens: readonly Token[]): { from: number; to: number } | undefined {
  const w = tokens.map((t) => t.word);
  const i = w.findIndex((x, k) => AUX.has(x) && w[k - 1] === 'what');
  if (i < 0) return undefined;
  const end = w.findIndex((x, k) => k > i + 1 && k - i <= 6 && PUT_FORWARD.has(x));
  return end < 0 ? undefined : { from: i + 1, to: end };
}

/** Words that make X a description, not a name ("the pentagon", "my cousin", "he"). */
const NOT_A_NAME =
  /^(the|a|an|my|his|her|their|its|our|your|he|she|they|it|we|you|i|this|that|these|those|someone|anyone|everyone|people|each|both|either|neither|any|some)$/;

/** Words between a name and its verb that are not part of it: "did xi ever comment", "what did pelosi actually say". */
const ADVERBS = new Set(['ever', 'even', 'also', 'just', 'really', 'anything', 'something', 'much', 'ever']);
/** Titles people type before a name: they mark a person, and are not part of the name. */
export const TITLES = new Set(
  'mr mrs ms dr adm admiral gen general secretary president minister premier rep senator sen ambassador amb col colonel lt chairman commander marshal'.split(
    ' ',
  ),
);

/** A name: one to four words, none a stopword (bar "and" between two names), "-ly" adverbs and years dropped. */
function nameOf(span: readonly Token[]): string[] | undefined {
  const ws = span.filter((t) => !/ly$/.test(t.word) && !/^\d+$/.test(t.word) && !ADVERBS.has(t.word));
  if (ws.length === 0 || ws.length > 4) return undefined;
  if (ws.some((t) => NOT_A_NAME.test(t.word) || (t.stop && t.word !== 'and'))) return undefined;
  if (ws[0]!.word === 'and' || ws.at(-1)!.word === 'and') return undefined;
  return ws.map((t) => t.word);
}

/**
 * The name whose words the question asks for, as typed words ("dong jun"; "johnson and kosygin" for two),
 * or undefined when it asks for nobody's words, or for a description ("the pentagon", "he"). `words`: the
 * question asks for the words themselves ("what did X say", "X quote"), not whether X said something
 * ("did grandpa say…", "X said…?").
 */
export function speakerAsked(tokens: readonly Token[]): { name: string[]; words: boolean; titled: boolean; described?: true } | undefined {
  const w = tokens.map((t) => t.word);
  const found = (span: readonly Token[], asksWords: boolean) => {
    const name = nameOf(span);
    if (!name) return undefined;
    // "gen gerasimov": the title says it is a person; the name is what follows it.
    const bare = name.filter((x) => !TITLES.has(x));
    return bare.length > 0 ? { name: bare, words: asksWords, titled: bare.length < name.length } : undefined;
  };
  // "what did X say…", "what has X said…", "did X say…"
  for (let i = 0; i < w.length; i++) {
    if (!AUX.has(w[i]!)) continue;
    if (i > 0 && !LEAD.has(w[i - 1]!)) continue;
    const end = w.findIndex((x, k) => k > i && SPEECH.has(x));
    if (end > i + 1 && CONVERSE.has(w[end]!) && WITH.has(w[end + 1] ?? '')) return undefined;
    if (end > i + 1 && end - i <= 6 + DESCRIPTION) {
      const span = tokens.slice(i + 1, end);
      const asksWords = i > 0 || ASKS_WORDS.test(`${w[end]} ${w[end + 1] ?? ''}`);
      const asked = (end - i <= 6 ? found(span, asksWords) : undefined) ?? described(span, asksWords);
      if (asked || end - i <= 6) return asked;
    }
  }
  // "campbell said china resisted…?"
  const claims = (x: string | undefined) => x !== undefined && SPEECH.has(x) && CLAIMED(x) && !(CONVERSE.has(x) && WITH.has(w[w.indexOf(x) + 1] ?? ''));
  if (claims(w[1]) || claims(w[2])) return found(tokens.slice(0, claims(w[1]) ? 1 : 2), false);
  // "obama quote on…", "quotes by kirby"
  const q = w.findIndex((x) => QUOTE.has(x));
  if (q > 0 && q <= 4) return found(tokens.slice(0, q), true);
  if (q >= 0 && BY.has(w[q + 1] ?? ''))
    return found(
      tokens.slice(q + 2, q + 5).filter((t) => !t.stop || t.word === 'and'),
      true,
    );
  return undefined;
}

/** How many words longer than a bare name's span a described one may be ("the us defense secretary lloyd austin"). */
const DESCRIPTION = 2;
/**
 * "What did the chinese pilot wang wei say": a description before a full name. The last two words may be the name;
 * `described` tells the caller to take them only when the base knows that person (else "the navy chief" is no name).
 */
function described(span: readonly Token[], asksWords: boolean): { name: string[]; words: boolean; titled: boolean; described: true } | undefined {
  // Only a run of plain words after "the": "the u.s. letter on the ep-3" is a thing described, not a person.
  if (span.length < 4 || span[0]!.word !== 'the' || span.slice(1).some((t) => t.stop)) return undefined;
  const name = nameOf(span.slice(-2));
  return name?.length === 2 && name.every((x) => !TITLES.has(x)) ? { name, words: asksWords, titled: false, described: true } : undefined;
}

/** Words that make a name an organisation's, a publication's or a country's, not a person's. */
const NOT_A_PERSON =
  /\b(department|ministry|army|armies|navy|command|fleet|forces?|office|house|council|commission|agency|committee|government|party|guard|corps|watch|politico|official|states|union|republic|administration|pentagon|kingdom|korea|china|japan|india|pakistan|russia|taiwan)\b/i;

export type People = {
  /** Whether these words all belong to one person the base names (in `involved` or as a speaker). */
  isPerson(name: readonly string[]): boolean;
  /** That person's name as the base writes it. */
  display(name: readonly string[]): string | undefined;
};

/** The people the base names: speakers and `involved` names that are no organisation. */
export function buildPeople(entries: readonly Entry[]): People {
  const names = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'quote') names.add(e.speaker);
    else for (const n of e.involved ?? []) names.add(n);
  }
  const people = [...names].filter((n) => !NOT_A_PERSON.test(n)).map((n) => ({ n, ws: new Set(words(n)) }));
  const find = (name: readonly string[]) => people.find((p) => name.every((w) => p.ws.has(w)));
  return { isPerson: (name) => find(name) !== undefined, display: (name) => find(name)?.n };
}
