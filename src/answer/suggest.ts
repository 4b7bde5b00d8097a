import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import type { EntryIndex } from '../search/entry-index';
import { phraseKey, words } from '../search/normalize';
import { clip, entryLabel } from './compose';
import type { Suggestion } from './engine-api';

// Autocomplete: Discord allows 25 choices, each name and value at most 100 characters.

export const MAX_SUGGESTIONS = 25;
const MAX_CHOICE = 100;

const cap = (limit: number | undefined) => Math.max(0, Math.min(MAX_SUGGESTIONS, Math.floor(limit ?? MAX_SUGGESTIONS) || 0));

/** The entry's curated question that shares the most words with what was typed. */
function bestQuestion(entry: Entry, typed: readonly string[]): string | undefined {
  const questions = entry.questions ?? [];
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

function entryChoice(entry: Entry, typed: readonly string[]): Suggestion {
  const question = bestQuestion(entry, typed);
  if (question && question.length <= MAX_CHOICE) return { name: clip(question, MAX_CHOICE), value: question };
  return { name: entryLabel(entry, MAX_CHOICE), value: `entry:${entry.id}`.slice(0, MAX_CHOICE) };
}

export function suggestQuestions(base: KnowledgeBase, search: EntryIndex, partial: string, limit?: number): Suggestion[] {
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
    for (const entry of base.entries) {
      if (out.length >= n) break;
      push(entryChoice(entry, typed));
    }
    return out;
  }
  const byId = base.byId.get(text.trim().toLowerCase());
  if (byId) push({ name: entryLabel(byId, MAX_CHOICE), value: `entry:${byId.id}` });
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
    const nw = words(name);
    const fits = typed.every((t, i) => nw.some((w) => (i === typed.length - 1 ? w.startsWith(t) : w === t)));
    if (!fits) continue;
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
    else if (typed.every((t, i) => words(`${source.id} ${source.title} ${source.publisher}`).some((w) => (i === typed.length - 1 ? w.startsWith(t) : w === t)))) byText.push(choice);
  }
  return [...byId, ...byText].slice(0, n);
}
