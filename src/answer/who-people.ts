import type { Entry } from '../knowledge/schema';
import type { SearchHit } from '../search/entry-index';

// "Who were the DGMOs in the 2021 ceasefire": sibling entries about one event share its words, and the top one may
// involve only the bodies that took part ("Indian Army, Pakistan Army") where a sibling names the people. A rule of
// the ranking: for a "who" question whose top hit names bodies only, a sibling near it that names people goes first.
// Only then: a top hit that names no one at all leaves "who" to the answer checks (an entry naming other people,
// promoted over it, would answer a question the base cannot: "who signed the 2014 MOU" is not "Obama and Xi"), and
// one that names people already says who (naming more is no better: "who signed the 1963 hotline agreement" is not
// the 1987 agreement that names three).

/** How far down a sibling is looked for. */
const WHO_WINDOW = 3;
/** The share of the top score a sibling needs: well below it, it is about another event, whoever it names. */
const WHO_MIN_SHARE = 0.5;

const shareTopic = (a: Entry, b: Entry) => a.topics.some((t) => b.topics.includes(t));

/** The hits, with the sibling naming the most people first when the top hit involves bodies only (peopleIn: people an entry names). */
export function whoNamesPeople(hits: readonly SearchHit[], peopleIn: (entry: Entry) => number): readonly SearchHit[] {
  const top = hits[0];
  if (!top || top.entry.kind !== 'fact' || (top.entry.involved ?? []).length === 0 || peopleIn(top.entry) > 0) return hits;
  let best = -1;
  let most = 0;
  for (let i = 1; i < Math.min(hits.length, WHO_WINDOW); i++) {
    const h = hits[i]!;
    if (h.score < top.score * WHO_MIN_SHARE || !shareTopic(h.entry, top.entry)) continue;
    const n = peopleIn(h.entry);
    if (n > most) [best, most] = [i, n];
  }
  return best < 0 ? hits : [hits[best]!, ...hits.filter((_, i) => i !== best)];
}
