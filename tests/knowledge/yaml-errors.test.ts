import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { fixtureFiles } from '../support/fixture-knowledge';

// A YAML slip is reported once, at its cause, in a moderator's words — not as the parser's cascade.

const RECORD = (body: string) => `facts:
  - id: link-agreed
${body}`;
const GOOD_BODY = `    text: Exampleland and Sampleland agreed to open a direct defence telephone link.
    date: 2001-04-30
    topics: [exampleland-link]
    sources: [example-gazette]
`;

function errorsOf(facts: string) {
  const result = loadKnowledgeFromStrings({ ...fixtureFiles(), 'facts.yaml': facts });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('YAML mistakes, explained', () => {
  it('an indentation slip: one error, "line N should line up with line M", no duplicate-key cascade', () => {
    const errors = errorsOf(RECORD(GOOD_BODY.replace('    sources:', '     sources:')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'facts.yaml', line: 6 });
    expect(errors[0]!.message).toContain('line 6 should line up with line 5');
    expect(errors.map((e) => e.message).join('\n')).not.toMatch(/written twice|Implicit keys|mapping items/);
  });

  it('a field indented less than its record lines up with the field above it', () => {
    const errors = errorsOf(RECORD(GOOD_BODY.replace('    topics:', '  topics:')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('line 5 should line up with line 4');
  });

  it('a field indented more than the one above (read as a continuation of its value) is named, not the value above', () => {
    const errors = errorsOf(RECORD(GOOD_BODY.replace('    text:', '      text:')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('line 3 should line up with line 2');
  });

  it('a tab inside a >- text block names the tab and the block', () => {
    const body = GOOD_BODY.replace('    text: Exampleland and Sampleland agreed to open a direct defence telephone link.', '    text: >-\n      Exampleland and Sampleland agreed\n\tto open a direct defence telephone link.');
    const errors = errorsOf(RECORD(body));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 5, column: 1 });
    expect(errors[0]!.message).toMatch(/tab/);
    expect(errors[0]!.message).toContain('"text"');
    expect(errors[0]!.message).toContain('line 3');
  });

  it('an unquoted ": " in a value says to put the text in quotes', () => {
    const errors = errorsOf(RECORD(GOOD_BODY.replace('agreed to open', 'agreed: to open')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3 });
    expect(errors[0]!.message).toMatch(/^put this text in quotes/);
    expect(errors[0]!.message).not.toMatch(/Nested mappings/);
  });

  it('two separate slips in one file are two errors, each at its own line', () => {
    const second = GOOD_BODY.replace('  - id', '').replace('agreed to open', 'agreed: to open');
    const facts = `${RECORD(GOOD_BODY.replace('    topics:', '   topics:'))}  - id: link-second\n${second}`;
    const errors = errorsOf(facts);
    expect(errors.map((e) => e.line)).toEqual([5, 8]);
    expect(errors[0]!.message).toContain('should line up with line 4');
    expect(errors[1]!.message).toMatch(/^put this text in quotes/);
  });

  it('a field really written twice is still reported as such', () => {
    const errors = errorsOf(RECORD(`${GOOD_BODY}    date: 2001-05-01\n`));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('the same field "date" is written twice');
  });
});
