import type { GapRow } from './api';
import { comparisonTokens, jaccard } from './normalise';

/** One wording as stored, already counted by the database. */
export type GapWording = {
  question: string;
  normalised: string;
  status: 'unknown' | 'unsure';
  count: number;
  /** Epoch milliseconds of the latest ask with this wording and status. */
  lastAt: number;
};

/** Groups at or above this token-set similarity are treated as the same question. */
export const NEAR_DUPLICATE = 0.8;
const MAX_EXAMPLES = 3;

type Group = {
  tokens: Set<string>;
  count: number;
  lastAt: number;
  statuses: Set<string>;
  wordings: Map<string, { count: number; lastAt: number }>;
};

/**
 * Near-duplicate grouping: identical normalised forms always group; a normalised form then joins
 * the first (largest) group whose leading form is similar enough. Comparing with the group's lead
 * rather than any member stops chains of small differences from merging unrelated questions.
 */
export function groupGaps(wordings: readonly GapWording[], limit = 20): GapRow[] {
  const byForm = new Map<string, Group>();
  for (const w of wordings) {
    let g = byForm.get(w.normalised);
    if (!g) {
      g = { tokens: comparisonTokens(w.normalised), count: 0, lastAt: 0, statuses: new Set(), wordings: new Map() };
      byForm.set(w.normalised, g);
    }
    add(g, w.question, w.count, w.lastAt, [w.status]);
  }

  const forms = [...byForm.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
  const groups: Group[] = [];
  for (const form of forms) {
    const home = groups.find((g) => jaccard(g.tokens, form.tokens) >= NEAR_DUPLICATE);
    if (!home) {
      groups.push(form);
      continue;
    }
    for (const [q, s] of form.wordings) add(home, q, s.count, s.lastAt, form.statuses);
  }

  return groups
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, Math.max(0, limit))
    .map(toRow);
}

function add(g: Group, question: string, count: number, lastAt: number, statuses: Iterable<string>): void {
  g.count += count;
  g.lastAt = Math.max(g.lastAt, lastAt);
  for (const s of statuses) g.statuses.add(s);
  const prev = g.wordings.get(question);
  g.wordings.set(question, { count: (prev?.count ?? 0) + count, lastAt: Math.max(prev?.lastAt ?? 0, lastAt) });
}

function toRow(g: Group): GapRow {
  const wordings = [...g.wordings.entries()].sort((a, b) => b[1].count - a[1].count || b[1].lastAt - a[1].lastAt);
  return {
    question: wordings[0]?.[0] ?? '',
    count: g.count,
    lastAsked: new Date(g.lastAt).toISOString(),
    status: g.statuses.size > 1 ? 'mixed' : ([...g.statuses][0] ?? 'unknown'),
    examples: wordings.slice(1, 1 + MAX_EXAMPLES).map(([q]) => q),
  };
}
