// The held-out figures the engine has reached; tests/eval/eval.test.ts fails if a change drops below them.
// Raise them when the engine gets better; never lower them to make a change pass.
export const HELDOUT_FLOORS = {
  top1: 0,
  recall3: 0,
  outOfScopeAbstained: 0,
  /** A ceiling: the share of answerable questions wrongly refused may not rise above it. */
  answerableRefusedMax: 1,
};

/** The goals from issue 3, printed next to the figures. */
export const GOALS = { top1: 0.95, recall3: 0.99, outOfScopeAbstained: 0.9, answerableRefusedMax: 0.05 };
