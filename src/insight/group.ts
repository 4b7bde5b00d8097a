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
/**
 * Similarity checks allowed per report (~100 ms). Real questions repeat and share rare words, so this is
 * far from reached; a flood of distinct questions built from the same few words would otherwise hold the
 * bot's event loop for seconds. Past it, only identical normalised forms are grouped.
 */
export const COMPARISON_BUDGET = 3_000_000;
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
  const homeOf = candidateFinder(forms);
  for (const form of forms) {
    const home = homeOf(form, groups);
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

/**
 * Finds the earliest group whose lead is a near-duplicate, without comparing against every group:
 * leads are indexed by token, and since J(A, B) ≥ t implies B holds all but at most |A| − ⌈t·|A|⌉ of
 * A's tokens, B must share one of any |A| − ⌈t·|A|⌉ + 1 tokens of A. Probing A's rarest tokens keeps
 * the candidate lists short. Same answer as a linear scan (tests/insight/group.test.ts checks).
 */
function candidateFinder(forms: readonly Group[]): (form: Group, groups: readonly Group[]) => Group | undefined {
  const df = new Map<string, number>();
  for (const f of forms) for (const t of f.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const index = new Map<string, number[]>(); // token → positions in `groups`, ascending
  let indexed = 0;
  let budget = COMPARISON_BUDGET;

  return (form, groups) => {
    for (; indexed < groups.length; indexed++) {
      for (const t of groups[indexed]!.tokens) {
        const list = index.get(t);
        if (list) list.push(indexed);
        else index.set(t, [indexed]);
      }
    }
    const tokens = [...form.tokens].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
    const probe = tokens.length - Math.ceil(NEAR_DUPLICATE * tokens.length) + 1;
    let best = Infinity;
    for (const t of tokens.slice(0, Math.max(1, probe))) {
      for (const i of index.get(t) ?? []) {
        if (i >= best || budget-- <= 0) break;
        if (jaccard(groups[i]!.tokens, form.tokens) >= NEAR_DUPLICATE) best = i;
      }
    }
    // A form with no tokens (punctuation only) can only match another empty form.
    if (tokens.length === 0) best = groups.findIndex((g) => g.tokens.size === 0);
    return best === Infinity || best < 0 ? undefined : groups[best];
  };
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
