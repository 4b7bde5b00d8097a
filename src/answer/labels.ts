import type { Entry } from '../knowledge/schema';

// How an entry is named to members in menus, buttons and autocomplete: by a question a moderator
// wrote for people when there is one, else by its own words. Curated questions also hold
// keyword-like phrases written for the search ("mmca 2026", "hotline usage count 1990"); those are
// never shown.

/** Cuts at a word boundary and marks the cut, so labels fit Discord's 100-character choices. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A one-line name for an entry: a quote by its speaker, a fact by its words. */
export function entryLabel(entry: Entry, max = 100): string {
  const date = entry.date ? `${entry.date}: ` : '';
  if (entry.kind === 'quote') return clip(`${entry.speaker} — “${entry.text}”`, max);
  return clip(`${date}${entry.text}`, max);
}

/** A question written for people: it begins with a capital letter or ends with a question mark, and has at least three words. */
export function writtenForPeople(question: string): boolean {
  const text = question.trim();
  return text.split(/\s+/).length >= 3 && (/^\p{Lu}/u.test(text) || text.endsWith('?'));
}

/** The entry's first curated question written for people that fits in `max` characters, if any. */
export function entryQuestion(entry: Entry, max = 100): string | undefined {
  return (entry.questions ?? []).find((q) => q.length <= max && writtenForPeople(q));
}

/** A member-facing name for the entry: its question for people, else its words (a quote by its speaker). */
export function choiceLabel(entry: Entry, max = 100): string {
  return entryQuestion(entry, max) ?? entryLabel(entry, max);
}
