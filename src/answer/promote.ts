import { dateBounds, type Entry } from '../knowledge/schema';
import type { SearchHit } from '../search/entry-index';
import type { Token } from '../search/normalize';

// Ranking rules for siblings: entries about one event share its words, so BM25 and the curated questions rank them
// close together, and the words of the question that tell them apart ("who", "what did X tell Y") are stopwords or
// shapes, not terms. Each rule names what makes a sibling the better answer, and lifts the best sibling near the top
// above the top hit when it is better by that measure.
//
// - whoNamesPeople: "who were the DGMOs in the 2021 ceasefire": for a top hit that involves bodies only ("Indian
//   Army, Pakistan Army"), a sibling that names the people. Not when the top names no one at all (then "who" is
//   for the answer checks: "Obama, Xi", promoted over it, would answer "who signed the 2014 MOU", which the base
//   cannot), nor when it names people already (the 1987 agreement naming three is no better answer to "who signed
//   the 1963 hotline agreement" than the 1963 one naming two).
// - givesWords: "what did Hegseth tell Dong Jun in September": a sibling that gives the speaker's words (a quote by
//   them, or a fact reporting them) over one that says the call took place.
// - quote sibling (ranking.ts): "what did the U.S. letter on the EP-3 say": a sibling quote over a fact about the
//   occasion, when the words are asked for and no one is named as saying them.
// - factOverQuote: "was the hotline a red phone": when no one's words are asked for, a fact sibling covering the
//   question as well over a quote on the subject.
// - frequencyFirst: "how often does the Japan–China mechanism meet": a sibling stating how often ("annual meetings",
//   "twice a year") over one about a single meeting ("the first annual meeting", an ordinal before it, is one).
// - outcomeFirst: "what came out of the Busan meeting", "what did the P-8 intercept lead to": a sibling stating an
//   outcome ("the outcomes…", "spurred talks that produced…", "had agreed to…") over one telling the event itself.
// - contentFirst: "what does the INCSEA agreement forbid", "what is in the Syria memorandum": a sibling telling what
//   the text says over one telling that it was signed or approved.
// - required (ranking.ts): "what route did the 1963 hotline cable take": a sibling matching every concept the
//   answer cannot do without (EvidenceReader.required: the focus, the counted thing) over one that misses one.
// - describesPerson (ranking.ts, evidence.ts): "who is Ian Francis": a fact naming him with a role ("Col. Ian
//   Francis of INDOPACOM") over a quote by him, which says nothing of who he is.
// - plan (ranking.ts): "is another MMCA meeting planned": a sibling stating a plan (the `plan` shape) over the
//   meetings already held.
// - description-asked (ranking.ts): "how did the U.S. delegation head describe the talks": a sibling quote over the
//   fact telling the occasion.
// - definitionFirst: "what is CUES": a sibling that introduces the name, spelling it out, over one using it.
// - eventItselfFirst: "what was the EP-3 incident", "what is the 1989 DMA agreement": of the siblings dated in the
//   top hit's month (one event told several ways), one stating the day in full ("On 1 April 2001 a U.S. Navy EP-3E…
//   collided", "signed in Moscow on 12 June 1989") tells the event itself, before one telling its aftermath or terms.
// - earliestFirst: "when did Hegseth first talk to Dong Jun": of the siblings telling the same kind of contact as the
//   top hit (a call, a meeting, a message), the earliest dated. Only like siblings: the agreement that set up a
//   line (2007) is dated before its first call (2008), and a meeting before the first call of other people.

/** How far down a sibling is looked for. */
const WINDOW = 3;
/** The share of the top score a sibling needs: well below it, it is about another event. */
const MIN_SHARE = 0.5;

const shareTopic = (a: Entry, b: Entry) => a.topics.some((t) => b.topics.includes(t));

/**
 * The hits, with the sibling that measures best by `better` first when it measures more than the top hit (`share`: of
 * the top score it needs; `window`: how far down it is looked for).
 */
export function promoteSibling(hits: readonly SearchHit[], better: (hit: SearchHit) => number, share = MIN_SHARE, window = WINDOW): readonly SearchHit[] {
  const top = hits[0];
  if (!top) return hits;
  let best = -1;
  let most = better(top);
  for (let i = 1; i < Math.min(hits.length, window); i++) {
    const h = hits[i]!;
    if (h.score < top.score * share || !shareTopic(h.entry, top.entry)) continue;
    const n = better(h);
    if (n > most) [best, most] = [i, n];
  }
  return best < 0 ? hits : [hits[best]!, ...hits.filter((_, i) => i !== best)];
}

/** "Who…": see whoNamesPeople above (peopleIn: how many people an entry names). */
export function whoNamesPeople(hits: readonly SearchHit[], peopleIn: (entry: Entry) => number): readonly SearchHit[] {
  const top = hits[0];
  if (!top || top.entry.kind !== 'fact' || (top.entry.involved ?? []).length === 0 || peopleIn(top.entry) > 0) return hits;
  return promoteSibling(hits, (h) => peopleIn(h.entry));
}

/** See factOverQuote above: a top quote gives way to a fact sibling that covers at least as much of the question. */
export function factOverQuote(hits: readonly SearchHit[]): readonly SearchHit[] {
  const top = hits[0];
  if (!top || top.entry.kind !== 'quote') return hits;
  return promoteSibling(hits, (h) => (h.entry.kind === 'fact' && h.coverage >= top.coverage ? 1 : 0));
}

/** How often something happens, as a text states it: "annual", "yearly", "every year", "twice a year"; not "the first annual meeting". */
const FREQUENCY =
  /(?<!\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th)|last|next|latest) )\b(annual|annually|yearly|monthly|weekly|regular|regularly|biannual|semiannual)\b|\bevery (other |two |few )?(years?|months?|weeks?|days?)\b|\b(once|twice|\w+ times) (a|per|each) (year|month|week|day)\b/i;

export const statesFrequency = (text: string) => FREQUENCY.test(text);

/** "How often…", "how frequently…". */
export const asksFrequency = (tokens: readonly Token[]) =>
  tokens.some((t, i) => t.word === 'how' && ['often', 'frequently'].includes(tokens[i + 1]?.word ?? ''));

/** See frequencyFirst above. */
export function frequencyFirst(hits: readonly SearchHit[]): readonly SearchHit[] {
  return promoteSibling(hits, (h) => (statesFrequency(h.entry.text) ? 1 : 0));
}

/**
 * An outcome, as a text states it: a result word or verb ("yielded", "ended with", "reached an agreement"), or a plan
 * told as carried out ("discussed plans for a call, which took place in September"), which is what the talks produced.
 */
const OUTCOME =
  /\b(outcomes?|results?|resulted|led to|leading to|spurred|produced|prompted|paved(?: the way)?|gave rise|agreed|yielded|ended with|culminated|brought about|reached (?:an? )?(?:agreement|consensus|understanding)|which (?:later )?took place)\b/i;

export const statesOutcome = (text: string) => OUTCOME.test(text);

/** "What came out of X", "what did X lead to", "what was the outcome/result of X", "what resulted from X". */
export function asksOutcome(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  if (w[0] !== 'what') return false;
  return w.some(
    (x, i) =>
      (x === 'came' && w[i + 1] === 'out' && w[i + 2] === 'of') ||
      ((x === 'lead' || x === 'led') && w[i + 1] === 'to') ||
      ((x === 'outcome' || x === 'outcomes' || x === 'result' || x === 'results') && w[i + 1] === 'of') ||
      (x === 'resulted' && w[i + 1] === 'from'),
  );
}

/**
 * How far down an outcome sibling is looked for: an aftermath is told after the event ("After the Kuala Lumpur
 * meeting, Hegseth posted that they had agreed…"), with fewer of the words the question uses of the event itself,
 * so it sits lower than the siblings telling the event (5: leave-one-out +1, nothing else moved; 4: no change).
 */
const OUTCOME_WINDOW = 5;

/** See outcomeFirst above. */
export function outcomeFirst(hits: readonly SearchHit[]): readonly SearchHit[] {
  return promoteSibling(hits, (h) => (statesOutcome(h.entry.text) ? 1 : 0), MIN_SHARE, OUTCOME_WINDOW);
}

/** Words that ask what an agreement or code says (after "what"). */
const CONTENT_ASKED = new Set(
  'require requires forbid forbids ban bans bar bars prohibit prohibits cover covers include includes contain contains allow allows provisions terms rules'.split(
    ' ',
  ),
);
/** A text telling that a document was signed or approved: the occasion, not what it says. */
const SIGNING = /\b(signed|approved|adopted|concluded|initialled|ratified)\b/i;

export const statesSigning = (text: string) => SIGNING.test(text);

/** "What does X forbid/require/cover…", "what are the X rules", "what is in X", "what's in X". */
export function asksContent(tokens: readonly Token[], question: string): boolean {
  const w = tokens.map((t) => t.word);
  if (w[0] !== 'what' && w[0] !== 'whats') return false;
  return w.some((x) => CONTENT_ASKED.has(x)) || /^\W*what(['\u2019]s| is| was| are)\s+in\b/i.test(question);
}

/** See contentFirst above: only when the top hit tells a signing. */
export function contentFirst(hits: readonly SearchHit[]): readonly SearchHit[] {
  return promoteSibling(hits, (h) => (statesSigning(h.entry.text) ? 0 : 1));
}

/** "Long Name (ACRONYM)": where a text spells out the short name in brackets. */
const INTRODUCED = /\(([A-Za-z][A-Za-z-]{1,11})\)/g;

/** The short names a text introduces by spelling them out ("Defense Telephone Link (DTL)" → dtl), lower case, no plural s. */
export function introducedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(INTRODUCED)) if (/[A-Z]{2}/.test(m[1]!)) out.add(m[1]!.toLowerCase().replace(/s$/, ''));
  return out;
}

/**
 * "What is CUES", "what is the NNRRC": asked what a thing is, the entry that introduces it by its full name
 * ("…approved the Code for Unplanned Encounters at Sea (CUES)") over siblings that use the short name in passing.
 * `named`: the question's words naming the thing.
 */
export function definitionFirst(hits: readonly SearchHit[], named: readonly string[]): readonly SearchHit[] {
  const asked = new Set(named.map((w) => w.replace(/s$/, '')));
  if (asked.size === 0) return hits;
  return promoteSibling(hits, (h) => ([...introducedNames(h.entry.text)].some((n) => asked.has(n)) ? 1 : 0));
}

/** "What is X", "what's the X", "what was X?": the words of X; undefined for any other shape. */
export function definitionAsked(tokens: readonly Token[], question: string): string[] | undefined {
  const w = tokens.map((t) => t.word);
  // words() drops the "'s" of "what's": the text tells it from "what the".
  let i =
    w[0] === 'whats' || (w[0] === 'what' && /^\W*what['\u2019]s\b/i.test(question)) ? 1 : w[0] === 'what' && ['is', 'was', 'are'].includes(w[1] ?? '') ? 2 : -1;
  if (i < 0) return undefined;
  if (['the', 'a', 'an'].includes(w[i] ?? '')) i++;
  const rest = tokens.slice(i);
  if (rest.length === 0 || rest.length > 5 || rest.some((t) => t.stop)) return undefined;
  return rest.map((t) => t.word);
}

/**
 * The kinds of contact a text tells: a call, a meeting, a message sent. What makes two siblings events of one kind,
 * so that the earlier of them is the first of that kind.
 */
const CONTACT_KINDS: readonly RegExp[] = [
  /\b(call|calls|called|calling|phoned|video|teleconference|vtc|spoke|spoken|talked)\b/i,
  /\b(met|meet|meets|meeting|meetings|face-to-face|in person|visit|visits|visited|sidelines)\b/i,
  /\b(message|messages|sent|send|sending|typed)\b/i,
];

/** The kinds of contact a text tells (CONTACT_KINDS), by index. */
export const contactKinds = (text: string): number[] => CONTACT_KINDS.flatMap((re, i) => (re.test(text) ? [i] : []));

const FIRST_WORDS = new Set(['first', 'earliest']);
/** "The first X since/after/before Y": the first after a point, which the earliest sibling does not tell. */
const FROM_A_POINT = new Set(['since', 'after', 'before']);
/** "The first real message", "the first message that wasn't a test": the question says the earliest is not the one. */
const NOT_THE_EARLIEST = /^(real|actual|substantive|genuine|non|not|wasnt|isnt|werent)$/;

/** "When did X first call Y", "the first meeting between X and Y", "earliest": see earliestFirst above. */
export function asksFirst(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  return w.some((x) => FIRST_WORDS.has(x)) && !w.some((x) => FROM_A_POINT.has(x) || NOT_THE_EARLIEST.test(x));
}

/** A date as a number that orders like the date (its first day: "2025-09" → 20250901). */
const dayNumber = (date: string) => Number(dateBounds(date).first.replaceAll('-', ''));

/** See earliestFirst above: only when the top hit is dated and tells a kind of contact. */
export function earliestFirst(hits: readonly SearchHit[]): readonly SearchHit[] {
  const top = hits[0];
  if (!top?.entry.date) return hits;
  const kinds = contactKinds(top.entry.text);
  if (kinds.length === 0) return hits;
  const alike = (h: SearchHit) => contactKinds(h.entry.text).some((k) => kinds.includes(k));
  return promoteSibling(hits, (h) => (h.entry.date && (h === top || alike(h)) ? -dayNumber(h.entry.date) : -Infinity));
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
/** A day written in full: "1 April 2001", "3–4 April 2024", "April 1, 2001". */
const DAY_IN_FULL = new RegExp(`\\b\\d{1,2}(st|nd|rd|th)?([\u2013-]\\d{1,2})? ${MONTH} \\d{4}\\b|\\b${MONTH} \\d{1,2}, \\d{4}\\b`);

export const statesDay = (text: string) => DAY_IN_FULL.test(text);

/** "What happened in/at/during X": the event itself (not "what happened to Y", which asks its aftermath, nor "after X"). */
export function asksWhatHappened(tokens: readonly Token[]): boolean {
  const w = tokens.map((t) => t.word);
  return w[0] === 'what' && w[1] === 'happened' && ['in', 'at', 'during', 'on'].includes(w[2] ?? '');
}

/** See eventItselfFirst above: only when the top hit is dated. */
export function eventItselfFirst(hits: readonly SearchHit[]): readonly SearchHit[] {
  const month = hits[0]?.entry.date?.slice(0, 7);
  if (!month) return hits;
  return promoteSibling(hits, (h) => (h.entry.date?.slice(0, 7) === month && statesDay(h.entry.text) ? 1 : 0));
}
