import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { HELDOUT_FLOORS } from '../../src/eval/floors';
import { readEvalQuestions, runEval } from '../../src/eval/run';
import { scoreAnswerable, scoreOutOfScope } from '../../src/eval/score';
import { loadKnowledge } from '../../src/knowledge/load';

// The regression guard: held-out figures may not fall below the floors in src/eval/floors.ts.

const ROOT = path.join(import.meta.dirname, '..', '..');
const questions = await readEvalQuestions(path.join(ROOT, 'tests', 'eval'));

describe('eval scoring', () => {
  const qs = [
    { q: 'a', ids: ['x'], split: 'tune' as const },
    { q: 'b', ids: ['y', 'z'], split: 'tune' as const },
    { q: 'c', ids: ['w'], split: 'tune' as const },
    { q: 'd', ids: ['v'], split: 'tune' as const },
  ];
  it('counts top-1 and recall@3 on answered questions only, and unsure as refused', () => {
    const s = scoreAnswerable(qs, [
      { status: 'answered', ids: ['x'] },
      { status: 'answered', ids: ['a', 'b', 'z'] },
      { status: 'unsure', ids: ['w'] },
      { status: 'unknown', ids: [] },
    ]);
    expect(s).toMatchObject({ n: 4, top1: 0.25, recall3: 0.5, refused: 0.5, refusedUnknown: 0.25, unsurePartial: 0.25 });
    expect(s.failures.map((f) => f.kind)).toEqual(['wrong-first', 'unsure-partial', 'refused-unknown']);
  });
  it('counts every out-of-scope question not answered as abstained', () => {
    const s = scoreOutOfScope(
      [{ q: 'a', split: 'tune' }, { q: 'b', split: 'tune' }, { q: 'c', split: 'tune' }],
      [{ status: 'unknown', ids: [] }, { status: 'unsure', ids: ['x'] }, { status: 'answered', ids: ['y'] }],
    );
    expect(s).toMatchObject({ n: 3, abstainedUnknown: 1 / 3 });
    expect(s.abstained).toBeCloseTo(2 / 3);
    expect(s.failures).toEqual([{ q: 'c', status: 'answered', got: ['y'] }]);
  });
});

describe.skipIf(!questions)('held-out eval on the shipped knowledge (regression guard)', () => {
  it('stays at or above the floors', async () => {
    const loaded = await loadKnowledge(path.join(ROOT, 'knowledge'));
    if (!loaded.ok) throw new Error(`shipped knowledge invalid: ${loaded.errors[0]?.message}`);
    const [heldout] = runEval(createEngine(loaded.base), questions!, ['heldout']);
    const { answerable: a, outOfScope: o } = heldout!;
    // Figures only: failures of the held-out split are not printed here (they must not guide tuning).
    expect(a.top1).toBeGreaterThanOrEqual(HELDOUT_FLOORS.top1);
    expect(a.recall3).toBeGreaterThanOrEqual(HELDOUT_FLOORS.recall3);
    expect(o.abstained).toBeGreaterThanOrEqual(HELDOUT_FLOORS.outOfScopeAbstained);
    expect(a.refused).toBeLessThanOrEqual(HELDOUT_FLOORS.answerableRefusedMax);
  });
});
