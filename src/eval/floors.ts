// The held-out figures the engine has reached; tests/eval/eval.test.ts fails if a change drops below them.
// Raise them when the engine gets better; never lower them to make a change pass.
// Reached on 2026-11-25 (200 entries; 183 answerable / 38 out-of-scope held-out questions):
// top-1 81.4%, recall@3 86.9%, out-of-scope abstained 71.1%, wrongly refused 9.3%. The floors sit a
// question or two below, because the knowledge base is still being written and each edit moves them a little.
export const HELDOUT_FLOORS = {
  top1: 0.78,
  recall3: 0.84,
  outOfScopeAbstained: 0.68,
  /** A ceiling: the share of answerable questions wrongly refused may not rise above it. */
  answerableRefusedMax: 0.11,
};

/** The goals from issue 3, printed next to the figures. */
export const GOALS = { top1: 0.95, recall3: 0.99, outOfScopeAbstained: 0.9, answerableRefusedMax: 0.05 };
