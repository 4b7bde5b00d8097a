import { words } from '../search/normalize';
import type { TypoCorrector } from '../search/typo';

// Questions that are not searches: a year or a range of years (the timeline) and a speaker's name (their quotes).

const TIMELINE_FILLER = new Set(
  `timeline chronology events event what happened happen happening in from to between and during the year years of list show me
  all entries dated on was were there which occurred through till until since after before give tell about any anything
  do you have everything`
    .split(/\s+/)
    .filter(Boolean),
);

export type YearRange = { from?: string; to?: string };

/**
 * "1963", "2023-2024", "from 1998 to 2001", "the 1960s", "since 2020", "what happened in 1967" → a
 * range. Anything else in the question (a topic word) makes it a search instead.
 */
export function parseYearRange(question: string): YearRange | undefined {
  const ws = words(question.slice(0, 200));
  if (ws.length === 0 || ws.length > 12) return undefined;
  const years: number[] = [];
  let decade: number | undefined;
  let since = false;
  let until = false;
  for (const w of ws) {
    if (/^\d{4}$/.test(w)) years.push(Number(w));
    else if (/^\d{3}0s$/.test(w)) decade = Number(w.slice(0, 4));
    else if (TIMELINE_FILLER.has(w)) {
      if (w === 'since' || w === 'after') since = true;
      if (w === 'until' || w === 'till' || w === 'before') until = true;
    } else return undefined;
  }
  if (decade !== undefined && years.length === 0) return { from: String(decade), to: String(decade + 9) };
  if (years.length === 1) {
    const y = String(years[0]);
    if (since) return { from: y };
    if (until) return { to: y };
    return { from: y, to: y };
  }
  if (years.length === 2) {
    const [a, b] = [Math.min(years[0]!, years[1]!), Math.max(years[0]!, years[1]!)];
    return { from: String(a), to: String(b) };
  }
  return undefined;
}

const SPEAKER_FILLER = new Set(
  `quotes quote quoted by from said say says what did does do words statements statement remarks all list show me of the
  has have who speaker`
    .split(/\s+/)
    .filter(Boolean),
);
// Honorifics people may type before a name that the knowledge stores without them.
const TITLES = new Set('mr mrs ms dr adm admiral gen general secretary president minister rep senator sen ambassador amb col colonel lt'.split(' '));

export type SpeakerDirectory = { names: readonly string[]; match(question: string): string[] };

/** Knows the speakers' names; a question made only of (parts of) one name, with filler, is a quotes query. */
export function buildSpeakerDirectory(speakers: Iterable<string>, typos?: TypoCorrector): SpeakerDirectory {
  const names = [...new Set(speakers)];
  const tokens = names.map((n) => new Set(words(n)));
  const allTokens = new Set(tokens.flatMap((s) => [...s]));
  return {
    names,
    match(question) {
      const ws = words(question.slice(0, 200));
      if (ws.length === 0 || ws.length > 8) return [];
      const rest = ws.filter((w) => !SPEAKER_FILLER.has(w) && !TITLES.has(w));
      if (rest.length === 0) return [];
      const fixed = rest.map((w) => (allTokens.has(w) ? w : (typos?.correct(w)?.word ?? w)));
      // At least one word must be more than an initial, so "j" or "w" alone never lists anyone.
      if (!fixed.some((w) => w.length >= 3)) return [];
      return names.filter((_, i) => fixed.every((w) => tokens[i]!.has(w)));
    },
  };
}
