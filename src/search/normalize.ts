import { baseForm } from './irregular-verbs';
import { stem } from './stem';
import { isStopword } from './stopwords';

// One normalisation for the index and for queries: whatever the two sides disagree on can never match.

/** Questions longer than this are cut: nobody types a 6,000-character question on purpose, and the work must stay bounded. */
export const MAX_QUERY_CHARS = 600;
/** Informative words considered per query, for the same reason. */
export const MAX_QUERY_TOKENS = 32;

const ZERO_WIDTH = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const MARKS = /\p{M}+/gu;
// "U.S.", "U.S.S.R.", "p.m." — initials written with dots are one word.
const DOTTED_INITIALS = /\b(?:\p{L}\.){2,}/gu;
// The same on lower-case ASCII text, where a letter is a-z: a Unicode-class scan of every sentence with a
// full stop was the largest single cost of reading the base.
const ASCII_DOTTED_INITIALS = /\b(?:[a-z]\.){2,}/g;
const TYPOGRAPHIC_ASCII = /^[\x20-\x7e\u2010-\u2015\u2018\u2019]*$/;

const foldAscii = (lower: string) => (lower.includes('.') ? lower.replace(ASCII_DOTTED_INITIALS, (m) => m.replace(/\./g, '') + ' ') : lower);

/**
 * foldText() of text that is plain ASCII, or ASCII with typographic dashes and quotes; undefined for any
 * other text. What it returns is ASCII.
 */
function foldPlain(input: string): string | undefined {
  // Most text is plain ASCII: skip the Unicode passes, which dominate index build time.
  if (/^[\x20-\x7e]*$/.test(input)) return foldAscii(input.toLowerCase());
  // ASCII with typographic dashes and quotes ("Moscow–Washington", "China’s"): what the Unicode passes
  // would do to it, without them (NFKD, marks and invisible characters change nothing here).
  if (TYPOGRAPHIC_ASCII.test(input)) return foldAscii(input.replace(QUOTES, "'").replace(DASHES, '-').toLowerCase());
  return undefined;
}

/** Lower case, no accents, no invisible characters, plain quotes and hyphens. */
export function foldText(input: string): string {
  return foldPlain(input) ?? foldUnicode(input);
}

function foldUnicode(input: string): string {
  return input
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(ZERO_WIDTH, '')
    .replace(QUOTES, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(DOTTED_INITIALS, (m) => m.replace(/\./g, '') + ' ');
}

/**
 * Short forms typed in chat for ordinary words ("what yr", "the dept of war", "how many ppl"), read as the
 * words they stand for on both sides, so they match the base's words and are not taken for unknown names.
 * Only unambiguous ones: "sec" (second? secretary?) or "mil" are not here. Short forms of filler words
 * ("u", "w", "rn") are stopwords instead.
 */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['yr', 'year'],
  ['yrs', 'years'],
  ['dept', 'department'],
  ['govt', 'government'],
  ['ppl', 'people'],
  ['msg', 'message'],
  ['msgs', 'messages'],
  ['convo', 'conversation'],
  ['info', 'information'],
  ['intl', 'international'],
  ['natl', 'national'],
  ['approx', 'approximately'],
  ['b4', 'before'],
]);

/** Surface words in order: letters and digits, possessive 's dropped, everything else a separator. */
export function words(input: string): string[] {
  // Plain text folds to ASCII: no need to scan it again to know.
  const plain = foldPlain(input);
  if (plain !== undefined) return asciiWords(plain);
  const folded = foldUnicode(input);
  if (/^[\x00-\x7f]*$/.test(folded)) return asciiWords(folded);
  const out: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)) {
    let w = match[0];
    if (w.endsWith("'s")) w = w.slice(0, -2);
    w = w.replace(/'/g, '');
    if (w) out.push(SHORT_FORMS.get(w) ?? w);
  }
  return out;
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isAlnum = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
const APOSTROPHE = 39;

/**
 * words() of lower-case ASCII text, scanned by character code: the same words as matching
 * /[a-z0-9]+(?:'[a-z]+)*\/g, without a match object per word (this runs over every field at index build).
 */
function asciiWords(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAlnum(text.charCodeAt(i))) i++;
    let apostrophes = false;
    // Letters after an apostrophe belong to the word ("don't", "u.s.'s"); digits do not.
    while (i + 1 < n && text.charCodeAt(i) === APOSTROPHE && isLetter(text.charCodeAt(i + 1))) {
      apostrophes = true;
      i += 2;
      while (i < n && isLetter(text.charCodeAt(i))) i++;
    }
    let w = text.slice(start, i);
    if (apostrophes) {
      if (w.endsWith("'s")) w = w.slice(0, -2);
      w = w.replace(/'/g, '');
    }
    out.push(SHORT_FORMS.get(w) ?? w);
  }
  return out;
}

/**
 * A word as the index stores it: stemmed, unless it is a number or too short to stem safely, an irregular
 * verb form by its base's stem ("met" as "meet"). Porter turns "use", "used" and "using" into "us", which
 * the alias table reads as the United States: those keep a stem of their own.
 */
export function term(word: string): string {
  const s = stem(baseForm(word));
  return s === 'us' && word !== 'us' ? 'use' : s;
}

export type Token = { word: string; term: string; stop: boolean };

/** Words of a text with their index terms; stopwords are kept (flagged) so phrases can still be matched. */
export function tokenize(input: string, maxChars = Infinity): Token[] {
  let text = input;
  if (input.length > maxChars) {
    // Cut between words: a word cut in half would count as an unknown word.
    text = input.slice(0, maxChars);
    const lastSpace = text.search(/\s\S*$/);
    if (lastSpace > 0 && /\S/.test(input.charAt(maxChars))) text = text.slice(0, lastSpace);
  }
  return words(text).map((word) => ({ word, term: term(word), stop: isStopword(word) }));
}

/** The text as one comparable key ("When was the DTL set up?" → "when was the dtl set up"). */
export function phraseKey(input: string): string {
  return words(input).join(' ');
}
