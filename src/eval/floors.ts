// The held-out figures the engine has reached; tests/eval/eval.test.ts fails if a change drops below them.
// Raise them when the engine gets better; never lower them to make a change pass.
// Reached on 2026-11-25 (201 entries; 184 answerable / 38 out-of-scope held-out questions):
// top-1 85.9%, recall@3 90.2%, out-of-scope abstained 84.2%, wrongly refused 6.0% (7.1% before the
// dominant-entry promotion of an unsure answer). The floors sit a
// question or two below, because the knowledge base is still being written and each edit moves them a little.
export const HELDOUT_FLOORS = {
  top1: 0.845,
  recall3: 0.885,
  outOfScopeAbstained: 0.82,
  /** A ceiling: the share of answerable questions wrongly refused may not rise above it. */
  answerableRefusedMax: 0.075,
};

/** The goals from issue 3, printed next to the figures. */
export const GOALS = { top1: 0.95, recall3: 0.99, outOfScopeAbstained: 0.9, answerableRefusedMax: 0.05 };
