import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { BLIND_FLOORS, HELDOUT_FLOORS, type Floors } from '../../src/eval/floors';
import { readEvalQuestions, runEval, type SplitReport } from '../../src/eval/run';
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

const hasBlind = questions?.answerable.some((q) => q.split === 'blind') ?? false;

async function shippedEngine() {
  const loaded = await loadKnowledge(path.join(ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error(`shipped knowledge invalid: ${loaded.errors[0]?.message}`);
  return createEngine(loaded.base);
}

// Figures only: failures of the held-out and blind splits are not printed here (they must not guide tuning).
function expectAtFloors(report: SplitReport, floors: Floors): void {
  const { answerable: a, outOfScope: o } = report;
  expect(a.top1).toBeGreaterThanOrEqual(floors.top1);
  expect(a.recall3).toBeGreaterThanOrEqual(floors.recall3);
  expect(o.abstained).toBeGreaterThanOrEqual(floors.outOfScopeAbstained);
  expect(a.refused).toBeLessThanOrEqual(floors.answerableRefusedMax);
}

describe.skipIf(!questions)('held-out eval on the shipped knowledge (regression guard)', () => {
  it('stays at or above the floors', async () => {
    const [heldout] = runEval(await shippedEngine(), questions!, ['heldout']);
    expectAtFloors(heldout!, HELDOUT_FLOORS);
  });
  it('never hands back held-out failures', async () => {
    const [heldout] = runEval(await shippedEngine(), questions!, ['heldout']);
    expect(heldout!.answerable.failures).toEqual([]);
    expect(heldout!.outOfScope.failures).toEqual([]);
  });
});

describe.skipIf(!hasBlind)('blind eval on the shipped knowledge (regression guard)', () => {
  it.skipIf(!BLIND_FLOORS)('stays at or above the blind floors', async () => {
    const [blind] = runEval(await shippedEngine(), questions!, ['blind']);
    expectAtFloors(blind!, BLIND_FLOORS!);
  });
});
