import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import type { AnswerEngine } from '../../src/answer/engine-api';
import { leaveOneOut, withoutFold } from '../../src/eval/leave-one-out';
import type { KnowledgeBase } from '../../src/knowledge/base';
import { fixtureBase } from '../answer/fixture';

describe('leave-one-out self-check', () => {
  it('hides the fold-th curated question of every entry, and only that one', () => {
    const base = fixtureBase();
    const curated = base.entries.filter((e) => (e.questions?.length ?? 0) > 0);
    expect(curated.length).toBeGreaterThan(0);
    const { base: masked, hidden } = withoutFold(base, 0);
    expect(hidden).toHaveLength(curated.length);
    for (const e of curated) {
      const after = masked.byId.get(e.id)!;
      expect(after.questions).toEqual(e.questions!.slice(1));
      expect(hidden).toContainEqual({ q: e.questions![0], ids: [e.id], split: 'dev' });
    }
    // The original base is left as it was.
    expect(base.entries.filter((e) => (e.questions?.length ?? 0) > 0).map((e) => e.questions![0])).toEqual(curated.map((e) => e.questions![0]));
  });
  it('asks every curated question once, each of an engine whose base lacks it', () => {
    const base = fixtureBase();
    const total = base.entries.reduce((n, e) => n + (e.questions?.length ?? 0), 0);
    const asked: Array<{ q: string; present: boolean }> = [];
    const build = (masked: KnowledgeBase): AnswerEngine => {
      const engine = createEngine(masked);
      const all = new Set(masked.entries.flatMap((e) => e.questions ?? []));
      return { ...engine, ask: (q, o) => (asked.push({ q, present: all.has(q) }), engine.ask(q, o)) };
    };
    const report = leaveOneOut(base, build);
    expect(report.score.n).toBe(total);
    expect(asked).toHaveLength(total);
    // A question that two entries share may stand in the other one; none stands in its own.
    const shared = new Set(base.entries.flatMap((e) => e.questions ?? []).filter((q, i, all) => all.indexOf(q) !== i));
    expect(asked.filter((a) => a.present && !shared.has(a.q))).toEqual([]);
    expect(report.score.top1 + report.score.refused).toBeLessThanOrEqual(1);
  });
  it('counts a question its engine cannot answer as refused, with what demoted it', () => {
    const base = fixtureBase();
    const refuseAll = (masked: KnowledgeBase): AnswerEngine => {
      const engine = createEngine(masked, { disable: [] });
      return { ...engine, ask: (q, o) => engine.ask(`write me a poem about ${q}`, o) };
    };
    const report = leaveOneOut(base, refuseAll);
    expect(report.score.refused).toBe(1);
    expect(report.demotions.task).toBe(report.score.n);
  });
});
