import { describe, expect, it } from 'vitest';
import { groupGaps, NEAR_DUPLICATE, type GapWording } from '../../src/insight/group';
import { comparisonTokens, jaccard, normaliseQuestion } from '../../src/insight/normalise';

const w = (question: string, count: number, lastAt: number, status: 'unknown' | 'unsure' = 'unknown'): GapWording => ({
  question,
  normalised: normaliseQuestion(question),
  status,
  count,
  lastAt,
});

describe('groupGaps', () => {
  it('groups identical normalised forms and near-duplicates, leading with the commonest wording', () => {
    const rows = groupGaps([
      w('Who runs the hotline?', 3, 1_000),
      w('who runs the  HOTLINE', 1, 5_000),
      w('Who runs hotlines?', 1, 2_000),
      w('When was the MMCA signed?', 2, 3_000),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      question: 'Who runs the hotline?',
      count: 5,
      lastAsked: new Date(5_000).toISOString(),
      status: 'unknown',
      examples: ['who runs the  HOTLINE', 'Who runs hotlines?'],
    });
    expect(rows[1]).toMatchObject({ question: 'When was the MMCA signed?', count: 2, examples: [] });
  });

  it('keeps questions apart when they share only some words', () => {
    const rows = groupGaps([w('When was the hotline set up?', 1, 1), w('When was the hotline last used?', 1, 2)]);
    expect(rows).toHaveLength(2);
  });

  it('marks a group holding both unknown and unsure as mixed', () => {
    const rows = groupGaps([w('Taiwan strait incidents', 1, 1, 'unknown'), w('taiwan strait incident', 1, 2, 'unsure')]);
    expect(rows).toEqual([expect.objectContaining({ count: 2, status: 'mixed' })]);
  });

  it('orders by count then recency and applies the limit', () => {
    const rows = groupGaps([w('alpha question', 1, 10), w('beta question', 2, 1), w('gamma question', 1, 20)], 2);
    expect(rows.map((r) => r.question)).toEqual(['beta question', 'gamma question']);
  });
});

describe('groupGaps against a plain linear scan', () => {
  // The reference: every form compared with every group lead, in order.
  function reference(wordings: GapWording[]): Array<[string, number]> {
    const forms = new Map<string, { count: number; lastAt: number; tokens: Set<string>; lead: string; best: number }>();
    for (const x of wordings) {
      const f = forms.get(x.normalised) ?? { count: 0, lastAt: 0, tokens: comparisonTokens(x.normalised), lead: x.question, best: -1 };
      f.count += x.count;
      f.lastAt = Math.max(f.lastAt, x.lastAt);
      forms.set(x.normalised, f);
    }
    const sorted = [...forms.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
    const groups: Array<{ tokens: Set<string>; count: number; lastAt: number; lead: string }> = [];
    for (const f of sorted) {
      const home = groups.find((g) => jaccard(g.tokens, f.tokens) >= NEAR_DUPLICATE);
      if (home) {
        home.count += f.count;
        home.lastAt = Math.max(home.lastAt, f.lastAt);
      } else groups.push({ ...f });
    }
    return groups.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).map((g) => [g.lead, g.count]);
  }

  it('groups exactly as the linear scan does on a few thousand generated questions', () => {
    const words = ['hotline', 'china', 'navy', 'incident', 'mmca', 'taiwan', 'strait', 'cues', 'call', 'crisis', 'moscow', 'link', 'who', 'when', 'why'];
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const wordings: GapWording[] = [];
    for (let i = 0; i < 3000; i++) {
      const q = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      wordings.push(w(q, 1 + Math.floor(rnd() * 4), i));
    }
    const expected = reference(wordings);
    const actual = groupGaps(wordings, 10_000).map((g) => [normaliseQuestion(g.question), g.count]);
    expect(actual.map(([, c]) => c)).toEqual(expected.map(([, c]) => c));
    expect(actual.map(([q]) => q)).toEqual(expected.map(([q]) => normaliseQuestion(q)));
    expect(expected.length).toBeLessThan(new Set(wordings.map((x) => x.normalised)).size); // some merging happened
  });
});
