import { describe, expect, it } from 'vitest';
import { RECORD_LIMITS } from '../../src/knowledge/bounds';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { formatDiagnostic } from '../../src/knowledge/format';
import { oneFactBase } from './one-fact-base';

// The line of the fact's `- id: f`, wherever oneFactBase puts it.
const FACT_LINE = oneFactBase().split('\n').indexOf('  - id: f') + 1;

const errors = (files: Record<string, string>) => {
  const result = loadKnowledgeFromStrings(files);
  return result.ok ? [] : result.errors.map((d) => formatDiagnostic(d));
};

describe('record limits', () => {
  it('a section with too many records: one error naming the file and the section, and the file is left out', () => {
    const many = `facts:\n${'  - 1\n'.repeat(RECORD_LIMITS.records + 1)}`;
    expect(errors({ 'kb.yaml': oneFactBase(), 'many.yaml': many })).toEqual([
      'many.yaml:1:1: error: field facts: facts holds 2,001 records; one file may hold at most 2,000: split it into several files',
    ]);
  });

  it('a record with too many fields: one error on the record, unknown fields dropped, the known ones still checked', () => {
    const extra = Array.from({ length: 50 }, (_, i) => `    extra${i}: 1`).join('\n');
    expect(errors({ 'kb.yaml': oneFactBase('A fact.', `    date: 19\n${extra}`) })).toEqual([
      `kb.yaml:${FACT_LINE}:5: error: "f": record has 55 fields (50 of them unknown, e.g. "extra0"); a record has at most 40: remove the extra fields`,
      `kb.yaml:${FACT_LINE}:5: error: "f" field date: must be a year of four digits`,
    ]);
  });

  it('a list with too many items: one error on the record, naming the field', () => {
    const topics = Array.from({ length: RECORD_LIMITS.items + 1 }, () => 't').join(', ');
    expect(errors({ 'kb.yaml': oneFactBase().replace('topics: [t]\n    sources', `topics: [${topics}]\n    sources`) })).toEqual([
      `kb.yaml:${FACT_LINE}:5: error: "f" field topics: topics lists 501 items; a list may hold at most 500`,
    ]);
  });

  it('a file with too many top-level fields: one error, then only the first ones are checked', () => {
    const text = Array.from({ length: RECORD_LIMITS.sections + 5 }, (_, i) => `k${i}: 1`).join('\n');
    const found = errors({ 'kb.yaml': oneFactBase(), 'top.yaml': text });
    expect(found[0]).toBe('top.yaml:1:1: error: file has 25 top-level fields; a file may hold only topics, sources, facts, quotes and synonyms');
    expect(found).toHaveLength(2); // and one line for the unknown fields kept
  });
});
