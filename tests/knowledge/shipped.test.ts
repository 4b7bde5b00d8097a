import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { countKnowledge, formatDiagnostic } from '../../src/knowledge/format';
import { knowledgeJsonSchema } from '../../src/knowledge/json-schema';

describe('the shipped knowledge base', () => {
  it('is valid, with no error', async () => {
    const result = await loadKnowledge('knowledge');
    expect(result.ok ? [] : result.errors.map((d) => formatDiagnostic(d))).toEqual([]);
  });

  it('has at least 80 facts, 20 quotes and 40 sources, each entry citing a source that exists', async () => {
    const result = await loadKnowledge('knowledge');
    if (!result.ok) throw new Error('invalid knowledge');
    const counts = countKnowledge(result.base);
    expect(counts.facts).toBeGreaterThanOrEqual(80);
    expect(counts.quotes).toBeGreaterThanOrEqual(20);
    expect(counts.sources).toBeGreaterThanOrEqual(40);
    for (const entry of result.base.entries) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const id of entry.sources) expect(result.base.sources.has(id)).toBe(true);
    }
  });

  it('ships a JSON Schema that matches the zod schemas (run `npm run kb:schema` after changing them)', async () => {
    expect(await readFile('knowledge/schema.json', 'utf8')).toBe(knowledgeJsonSchema());
  });
});
