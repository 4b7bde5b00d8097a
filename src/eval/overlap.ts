import type { KnowledgeBase } from '../knowledge/base';

// Curators keep adding `questions` and `keywords` to entries. When one of those nearly copies a
// held-out eval question, the held-out figure stops measuring generalisation for that question.
// The eval therefore also reports the held-out split without such near-copies.

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 1),
  );

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

/**
 * The eval questions (of three words or more) whose words nearly equal those of some entry's curated
 * question or keyword (Jaccard ≥ threshold). Shorter questions are names and acronyms, which a
 * keyword is meant to match.
 */
export function nearCopies(questions: readonly string[], base: KnowledgeBase, threshold = 0.8): Set<string> {
  const curated = base.entries.flatMap((e) => [...(e.questions ?? []), ...(e.keywords ?? [])]).map(words);
  const copies = new Set<string>();
  for (const q of questions) {
    const asked = words(q);
    if (asked.size < 3) continue;
    if (curated.some((c) => jaccard(asked, c) >= threshold)) copies.add(q);
  }
  return copies;
}
