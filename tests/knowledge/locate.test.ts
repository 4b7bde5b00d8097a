import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKnowledgeText, parseThorough } from '../../src/knowledge/parse';

// The fast path reads a record field's place off the text (so thousands of warnings need no positional
// parse); it must give exactly the place the positional parser gives, or leave it to the parser.

const ROOT = path.resolve(__dirname, '../../knowledge');
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : name.endsWith('.yaml') ? [full] : [];
  });
}

describe('field positions on the fast path', () => {
  it('agree with the positional parser for every field of every shipped record', () => {
    let compared = 0;
    for (const file of yamlFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      const fast = parseKnowledgeText(file, text).parsed!;
      const slow = parseThorough(file, text, []).parsed!;
      for (const [section, list] of Object.entries(fast.data as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        list.forEach((record, index) => {
          for (const field of Object.keys(record as object)) {
            expect(fast.locate([section, index, field]), `${path.basename(file)} ${section}[${index}].${field}`).toEqual(slow.locate([section, index, field]));
            compared++;
          }
        });
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('a field written as a block, or a line of text that looks like a field, is left to the parser', () => {
    const text = 'facts:\n  - id: a\n    text: >-\n      sources: not a field\n    sources:\n      - s\n';
    const fast = parseKnowledgeText('kb.yaml', text).parsed!;
    const slow = parseThorough('kb.yaml', text, []).parsed!;
    expect(fast.locate(['facts', 0, 'sources'])).toEqual(slow.locate(['facts', 0, 'sources']));
    expect(fast.locate(['facts', 0, 'text'])).toEqual(slow.locate(['facts', 0, 'text']));
  });
});
