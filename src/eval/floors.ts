// The held-out figures the engine has reached; tests/eval/eval.test.ts fails if a change drops below them.
// Raise them when the engine gets better; never lower them to make a change pass.
// Reached on 2026-11-25 (201 entries; 184 answerable / 38 out-of-scope held-out questions), after five
// curation passes (sibling entries asked apart, within and across files; newcomers' plain words; keyword
// hygiene; insiders' acronyms): top-1 89.7%, recall@3 95.1%, out-of-scope abstained 84.2%, wrongly refused 4.3%. The plain-words
// pass traded one out-of-scope question (86.8% → 84.2%) for five more right answers first; the out-of-scope
// floor was not lowered for it and now has no slack. The other floors sit a question or two below, because
// the knowledge base is still being written and each edit moves them a little.
// 2026-12-02 (issue 10: the answer decision as its own stage, question kinds, named things, speakers): held-out
// top-1 89.7%, recall@3 95.1%, out-of-scope abstained 86.8%, wrongly refused 4.3%. Top-1 and out-of-scope sit a
// question below what was reached, recall@3 at it; the refused ceiling stays at the goal.
// 2026-12-02, second session (out-of-scope checks, fewer hedges, where/sequence cues): held-out 90.8 / 96.7 /
// 89.5 / 3.3. Top-1 and recall@3 a question below; out-of-scope kept a question below 89.5 (86.8, as before).
// 2026-12-02, third session: held-out unchanged at 90.8 / 96.7 / 89.5 / 3.3, so the floors stay.
// 2026-12-02, fourth session (ranking as a rule table, runner-ups for the focus and for a stated cause): held-out
// 90.8 / 97.3 / 89.5 / 2.7. Recall@3 raised to a question below (178 of 184); the others stay.
export const HELDOUT_FLOORS = {
  top1: 0.9,
  recall3: 0.967,
  outOfScopeAbstained: 0.865,
  /** A ceiling: the share of answerable questions wrongly refused may not rise above it. */
  answerableRefusedMax: 0.05,
};

export type Floors = typeof HELDOUT_FLOORS;

/**
 * The blind split's floors (tests/eval/blind/: 333 answerable, 207 out-of-scope, written from the research
 * dossier by writers who saw neither the engine nor the knowledge, labelled and checked by two others).
 * Its first run, on the engine and base of 2026-12-02 morning: 82.0 / 88.3 / 44.9 / 9.0. Reached the same day:
 * top-1 82.3%, recall@3 88.6%, out-of-scope declined 73.4%, wrongly refused 9.0%. Floors a question below
 * (top-1, recall@3, out-of-scope) and the refused share a question above what was reached. The floor test is
 * skipped while the blind files are absent. Second session of 2026-12-02: 83.5 / 89.8 / 86.5 / 7.5, floors again
 * a question away. Third session (sibling promotions, out-of-scope readings, fewer hedges): 84.7 / 90.4 / 88.4 / 6.9,
 * floors a question away (281, 300 and 182 questions; at most 24 refused). Fourth session (ranking rules, give-way
 * rules, comparison and cause-direction readings): 85.0 / 90.7 / 88.9 / 6.6, floors a question away (282, 301 and
 * 183 questions; at most 23 refused). Fifth session (kinds of thing asked for, ", so" as a cause, towns set in a
 * known region or on a day as places): 85.3 / 91.0 / 88.9 / 6.3, top-1 and recall@3 a question away (283 and 302
 * questions), out-of-scope unchanged (183), at most 22 refused.
 */
export const BLIND_FLOORS: Floors | undefined = {
  top1: 0.849,
  recall3: 0.906,
  outOfScopeAbstained: 0.884,
  answerableRefusedMax: 0.067,
};

/** The goals from issues 3 and 10, printed next to the figures. */
export const GOALS = { top1: 0.95, recall3: 0.99, outOfScopeAbstained: 0.9, answerableRefusedMax: 0.05 };
