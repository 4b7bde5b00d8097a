import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import type { EntryIndex } from '../search/entry-index';
import { phraseKey, words } from '../search/normalize';
import { clip, entryLabel } from './compose';
import type { Suggestion } from './engine-api';
import { lowerBound } from '../text/lower-bound';
import { formatChoice } from './choice';
import { writtenForPeople } from './labels';

// Autocomplete: Discord allows 25 choices, each name and value at most 100 characters. Members are
// offered only what is written for them: curated questions that read as questions (not the
// keyword-like phrases also kept for the search) and entries by their words, never ids or keywords.

export const MAX_SUGGESTIONS = 25;
const MAX_CHOICE = 100;

const cap = (limit: number | undefined) => Math.max(0, Math.min(MAX_SUGGESTIONS, Math.floor(limit ?? MAX_SUGGESTIONS) || 0));

/** Every typed word is one of `candidate`'s words; the last typed word may be unfinished (a prefix). */
function matchesTyped(candidate: readonly string[], typed: readonly string[]): boolean {
  return typed.every((t, i) => candidate.some((w) => (i === typed.length - 1 ? w.startsWith(t) : w === t)));
}

/** The entry's curated question written for people that shares the most words with what was typed. */
function bestQuestion(entry: Entry, typed: readonly string[]): string | undefined {
  const questions = (entry.questions ?? []).filter((q) => q.length <= MAX_CHOICE && writtenForPeople(q));
  if (questions.length === 0) return undefined;
  let best = questions[0]!;
  let bestScore = -1;
  for (const q of questions) {
    const qw = words(q);
    let score = 0;
    typed.forEach((t, i) => {
      const last = i === typed.length - 1;
      if (qw.some((w) => w === t || (last && w.startsWith(t)))) score++;
    });
    if (score > bestScore) {
      best = q;
      bestScore = score;
    }
  }
  return best;
}

/** A choice for an entry: its best question for people (searched as typed), else its label (value `entry:<id>`). */
function entryChoice(entry: Entry, typed: readonly string[]): Suggestion {
  const question = bestQuestion(entry, typed);
  if (question) return { name: question, value: question };
  return { name: entryLabel(entry, MAX_CHOICE), value: formatChoice(entry.id) };
}

/** What the empty box shows: the moderators' featured questions; without any, questions taken in turn from each topic, largest topics first. */
function featuredChoices(base: KnowledgeBase, limit: number): Suggestion[] {
  if (base.featured?.length) return base.featured.filter((f) => f.question.length <= MAX_CHOICE).map((f) => ({ name: f.question, value: f.question }));
  const byTopic = new Map<string, Entry[]>();
  for (const entry of base.entries) {
    const topic = entry.topics[0];
    if (topic !== undefined && bestQuestion(entry, []) !== undefined) byTopic.set(topic, [...(byTopic.get(topic) ?? []), entry]);
  }
  const lists = [...byTopic.values()].sort((a, b) => b.length - a.length);
  const out: Suggestion[] = [];
  for (let round = 0; out.length < limit && lists.some((l) => l.length > round); round++) {
    for (const list of lists) if (list[round] && out.length < limit) out.push(entryChoice(list[round]!, []));
  }
  return out;
}

/**
 * Curated questions sorted by their normalised text, for "starts with" lookups ("when did heg…").
 * Holds positions only; keys are recomputed during the binary search so a 100k-entry base costs no strings.
 */
export type QuestionPrefixIndex = { startingWith(prefix: string, limit: number): Array<{ entry: Entry; question: string }> };

export function buildQuestionPrefixIndex(entries: readonly Entry[]): QuestionPrefixIndex {
  const items: Array<{ key: string; e: number; q: number }> = [];
  entries.forEach((entry, e) => (entry.questions ?? []).forEach((question, q) => items.push({ key: phraseKey(question), e, q })));
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const pos = Int32Array.from(items.flatMap((i) => [i.e, i.q]));
  const questionAt = (k: number) => entries[pos[2 * k]!]!.questions![pos[2 * k + 1]!]!;
  const keyAt = (k: number) => phraseKey(questionAt(k));
  const n = pos.length / 2;
  return {
    startingWith(prefix, limit) {
      const lo = lowerBound(n, (k) => keyAt(k) < prefix);
      const out: Array<{ entry: Entry; question: string }> = [];
      for (let k = lo; k < n && out.length < limit; k++) {
        const question = questionAt(k);
        if (!phraseKey(question).startsWith(prefix)) break;
        out.push({ entry: entries[pos[2 * k]!]!, question });
      }
      return out;
    },
  };
}

export function suggestQuestions(base: KnowledgeBase, search: EntryIndex, partial: string, limit?: number, prefixes?: QuestionPrefixIndex): Suggestion[] {
  const n = cap(limit);
  if (n === 0) return [];
  const text = String(partial ?? '').slice(0, 200);
  const typed = words(text);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const push = (s: Suggestion) => {
    if (out.length < n && !seen.has(s.value)) {
      seen.add(s.value);
      out.push(s);
    }
  };
  if (typed.length === 0) {
    for (const choice of featuredChoices(base, n)) push(choice);
    return out;
  }
  // Featured questions that hold what was typed come first ("when was the h" → the hotline question).
  for (const choice of base.featured?.length ? featuredChoices(base, n) : []) if (matchesTyped(words(choice.name), typed)) push(choice);
  const byId = base.byId.get(text.trim().toLowerCase());
  if (byId) push({ name: entryLabel(byId, MAX_CHOICE), value: formatChoice(byId.id) });
  // What was typed is how a curated question begins: those are the best completions.
  const typedKey = phraseKey(text);
  if (prefixes && typedKey.length >= 2) {
    for (const { question } of prefixes.startingWith(typedKey, n))
      if (question.length <= MAX_CHOICE && writtenForPeople(question)) push({ name: question, value: question });
  }
  const { hits } = search.search(text, { prefix: true, limit: n * 2 });
  for (const hit of hits) push(entryChoice(hit.entry, typed));
  return out;
}

/** Speakers whose name contains every typed word (the last may be unfinished), with their number of quotes. */
export function suggestSpeakerNames(counts: ReadonlyMap<string, number>, partial: string, limit?: number): Suggestion[] {
  const n = cap(limit);
  const typed = words(String(partial ?? '').slice(0, 200));
  const out: Suggestion[] = [];
  for (const [name, count] of [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (out.length >= n) break;
    if (!matchesTyped(words(name), typed)) continue;
    out.push({ name: clip(`${name} (${count} quote${count === 1 ? '' : 's'})`, MAX_CHOICE), value: clip(name, MAX_CHOICE) });
  }
  return out;
}

/** Sources whose id, title or publisher holds every typed word (the last may be unfinished). */
export function suggestSourceChoices(base: KnowledgeBase, partial: string, limit?: number): Suggestion[] {
  const n = cap(limit);
  const typed = words(String(partial ?? '').slice(0, 200));
  const idTyped = phraseKey(String(partial ?? '').slice(0, 200)).replace(/ /g, '-');
  const byId: Suggestion[] = [];
  const byText: Suggestion[] = [];
  for (const source of base.sources.values()) {
    if (byId.length >= n) break;
    const choice = { name: clip(`${source.title} — ${source.publisher}`, MAX_CHOICE), value: source.id };
    // An id prefix is the most precise thing a moderator can type: those come first.
    if (idTyped && source.id.startsWith(idTyped)) byId.push(choice);
    else if (matchesTyped(words(`${source.id} ${source.title} ${source.publisher}`), typed)) byText.push(choice);
  }
  return [...byId, ...byText].slice(0, n);
}
