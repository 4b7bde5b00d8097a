import { describe, expect, it } from 'vitest';
import type { Answer, AnswerResult, Citation } from '../../src/answer/model';
import type { Entry } from '../../src/knowledge/schema';
import { attributionOf, reportedByLine } from '../../src/render/attribution';
import { toJsonAnswer } from '../../src/render/json';
import { renderText } from '../../src/render/text';

// Entries attributed to an outlet (reported_by, quoted_in) are shown as reported / as quoted, in
// every renderer; an entry without the fields is shown as before.

const origin = { file: 'f.yaml', line: 1 };
const copy: Citation = {
  n: 1,
  id: 'copy',
  title: 'Report',
  publisher: 'Some Blog (reposted)',
  published: '2009-09-01',
  kind: 'reprint',
  reprintOf: 'Defense News',
};
const wire: Citation = { n: 2, id: 'wire', title: 'Wire', publisher: 'TAG24', published: '2025-11-01', kind: 'reprint', reprintOf: 'AFP' };
const reported = {
  kind: 'fact',
  id: 'r',
  text: 'Defense News reported that a line was set up.',
  date: '2008-03',
  topics: ['t'],
  sources: ['copy'],
  reported_by: 'copy',
  origin,
} as Entry;
const plain = { kind: 'fact', id: 'p', text: 'A line was set up.', topics: ['t'], sources: ['copy'], origin } as Entry;
const quoted = {
  kind: 'quote',
  id: 'q',
  text: 'Keep the line open.',
  speaker: 'A. Speaker',
  role: 'Minister',
  context: 'At a meeting.',
  topics: ['t'],
  sources: ['wire'],
  quoted_in: 'wire',
  origin,
} as Entry;

const answer = (...results: Array<[Entry, number]>): Answer => ({
  question: 'q',
  status: 'answered',
  mode: 'search',
  results: results.map(([entry, n]): AnswerResult => ({ entry, score: 1, citations: [n] })),
  citations: [copy, wire],
  related: [],
  knowledgeVersion: 'v',
});

describe('attributed entries', () => {
  it('names the outlet a reprint copies, not the host of the copy', () => {
    const a = attributionOf(reported, [copy, wire])!;
    expect(a).toEqual({ as: 'reported', sourceId: 'copy', citation: copy });
    expect(reportedByLine(a)).toBe('Reported by Defense News');
    expect(reportedByLine({ ...a, citation: { ...copy, kind: 'reference' } })).toBe('Reported by Some Blog (reposted)');
    expect(reportedByLine({ ...a, citation: undefined })).toBe('Reported by another outlet');
    expect(attributionOf(plain, [copy])).toBeUndefined();
  });

  it('shows a fact as reported and a quote as quoted in the terminal text', () => {
    const text = renderText(answer([reported, 1], [quoted, 2]));
    expect(text).toContain('1. 2008-03: Defense News reported that a line was set up. [1]\n     (Reported by Defense News)\n');
    expect(text).toContain(' — A. Speaker, Minister, as quoted in TAG24, 2025-11-01');
    expect(renderText(answer([plain, 1]))).toBe(
      'A line was set up. [1]\n\nSources:\n  [1] Report — Some Blog (reposted), 2009-09-01\n  [2] Wire — TAG24, 2025-11-01',
    );
  });

  it('gives reported_by and quoted_in in the JSON, and nothing for a plain fact', () => {
    const [fact, quote] = toJsonAnswer(answer([reported, 1], [quoted, 2])).results;
    expect(Object.keys(fact!)).toEqual(['id', 'kind', 'text', 'date', 'reported_by', 'score', 'sources']);
    expect(fact!.reported_by).toBe('copy');
    expect(quote!.quoted_in).toBe('wire');
    expect(Object.keys(toJsonAnswer(answer([plain, 1])).results[0]!)).not.toContain('reported_by');
  });
});
