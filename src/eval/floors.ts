// The held-out figures the engine has reached; tests/eval/eval.test.ts fails if a change drops below them.
// Raise them when the engine gets better; never lower them to make a change pass.
// Reached on 2026-11-25 (201 entries; 184 answerable / 38 out-of-scope held-out questions), after the
// curators asked sibling entries apart and the "who is", "how many", "how old", "how much" checks:
// top-1 86.4%, recall@3 90.8%, out-of-scope abstained 86.8%, wrongly refused 6.0%. The floors sit a
// question or two below, because the knowledge base is still being written and each edit moves them a little.
export const HELDOUT_FLOORS = {
  top1: 0.855,
  recall3: 0.9,
  outOfScopeAbstained: 0.84,
  /** A ceiling: the share of answerable questions wrongly refused may not rise above it. */
  answerableRefusedMax: 0.07,
};

/** The goals from issue 3, printed next to the figures. */
export const GOALS = { top1: 0.95, recall3: 0.99, outOfScopeAbstained: 0.9, answerableRefusedMax: 0.05 };
