import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { readEvalQuestions, runEval, splitsIn } from '../../src/eval/run';
import { fixtureBase } from '../answer/fixture';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotline-eval-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const MAIN = {
  'answerable.yaml': 'questions:\n  - q: "who won the world cup"\n    ids: [mmca-1998]\n    split: tune\n  - q: "who won the world cup in 2022"\n    ids: [mmca-1998]\n    split: heldout\n',
  'out-of-scope.yaml': 'questions:\n  - q: "MMCA"\n    split: tune\n  - q: "MMCA agreement"\n    split: heldout\n',
};

describe('eval questions', () => {
  it('works without the blind files', async () => {
    const qs = (await readEvalQuestions(dirWith(MAIN)))!;
    expect(splitsIn(qs)).toEqual(['tune', 'heldout']);
  });
  it('reads the blind split from blind/, and counts it as blind whatever its files say', async () => {
    const qs = (await readEvalQuestions(
      dirWith({
        ...MAIN,
        'blind/answerable.yaml': 'questions:\n  - q: "who won the world cup in 1998"\n    ids: [mmca-1998]\n    split: tune\n',
        'blind/out-of-scope.yaml': 'questions:\n  - q: "MMCA talks"\n    split: blind\n',
      }),
    ))!;
    expect(splitsIn(qs)).toEqual(['tune', 'heldout', 'blind']);
    expect(qs.answerable.filter((q) => q.split === 'blind').map((q) => q.q)).toEqual(['who won the world cup in 1998']);
  });
  it('hands back failures of tune and dev only', async () => {
    const qs = (await readEvalQuestions(
      dirWith({ ...MAIN, 'blind/answerable.yaml': MAIN['answerable.yaml'].replace(/tune|heldout/g, 'blind'), 'blind/out-of-scope.yaml': MAIN['out-of-scope.yaml'].replace(/tune|heldout/g, 'blind') }),
    ))!;
    const reports = runEval(createEngine(fixtureBase()), qs, splitsIn(qs));
    const failures = Object.fromEntries(reports.map((r) => [r.split, r.answerable.failures.length + r.outOfScope.failures.length]));
    expect(failures).toEqual({ tune: 2, heldout: 0, blind: 0 });
    // What demoted which question is told for tune only.
    expect(reports.map((r) => r.demotions !== undefined)).toEqual([true, false, false]);
    expect(reports[0]!.answerable.failures.every((f) => f.demotedBy?.length)).toBe(true);
    // The figures are still there: the sealed splits failed the same questions.
    const blind = reports.find((r) => r.split === 'blind')!;
    expect(blind.answerable.refused).toBe(1);
    expect(blind.outOfScope.abstained).toBe(0);
  });
});
