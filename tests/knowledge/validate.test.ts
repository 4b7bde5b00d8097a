import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { formatDiagnostic } from '../../src/knowledge/format';

// A small valid base; each test breaks one thing in it.
const TOPICS = `topics:
  - id: mmca
    name: MMCA
`;
const SOURCES = `sources:
  - id: ipdf-2025-11-26
    title: A title
    publisher: A publisher
    published: 2025-11-26
    url: https://example.org/a
    kind: press
`;
const fact = (fields: string) => `facts:
  - id: mmca-signed
    text: The MMCA was signed in 1998.
    topics: [mmca]
    sources: [ipdf-2025-11-26]
${fields}`;

/** Like `messages`, but the given files replace the defaults (e.g. a broken sources.yaml). */
function messagesWith(files: Record<string, string>) {
  const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, ...files });
  return result.ok ? [] : result.errors.map((d) => formatDiagnostic(d));
}

function messages(files: Record<string, string>, severity: 'error' | 'warning' = 'error') {
  const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, ...files });
  const list = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  return list.filter((d) => d.severity === severity).map((d) => formatDiagnostic(d));
}

describe('knowledge validation', () => {
  it('accepts a valid base and builds it', () => {
    const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, 'f.yaml': fact('    date: 1998\n') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.base.entries.map((e) => [e.id, e.kind, e.date, e.origin])).toEqual([['mmca-signed', 'fact', '1998', { file: 'f.yaml', line: 2 }]]);
    expect(result.base.sources.get('ipdf-2025-11-26')?.publisher).toBe('A publisher');
    expect(result.base.version).toMatch(/^[0-9a-f]{10}$/);
  });

  it('reads featured questions copied from an entry, and names one that is not with the question meant', () => {
    const withQuestion = fact('    questions: [When was the MMCA signed?]\n');
    const ok = loadKnowledgeFromStrings({ 'topics.yaml': `${TOPICS}featured:\n  - question: when was the MMCA signed?\n`, 'sources.yaml': SOURCES, 'f.yaml': withQuestion });
    expect(ok.ok && ok.base.featured).toEqual([{ question: 'when was the MMCA signed?', entryId: 'mmca-signed' }]);
    expect(messages({ 'topics.yaml': `${TOPICS}featured:\n  - question: When was the MMCA sined?\n`, 'f.yaml': withQuestion })).toEqual([
      'topics.yaml:5:15: error: field question: "When was the MMCA sined?" is not one of the questions of any fact or quote: copy it exactly from an entry\'s questions — did you mean "When was the MMCA signed?"?',
    ]);
  });

  it('names an unknown source and suggests the id that was meant', () => {
    const text = fact('').replace('sources: [ipdf-2025-11-26]', 'sources: [ipdf-2025]');
    expect(messages({ 'f.yaml': text })).toEqual([
      'f.yaml:5:15: error: "mmca-signed" field sources[0]: unknown source "ipdf-2025" — did you mean "ipdf-2025-11-26"?',
    ]);
  });

  it('names an unknown topic with a suggestion', () => {
    const text = fact('').replace('topics: [mmca]', 'topics: [mcma]');
    expect(messages({ 'f.yaml': text })).toEqual([
      'f.yaml:4:14: error: "mmca-signed" field topics[0]: unknown topic "mcma" — did you mean "mmca"? — topics are listed in topics.yaml',
    ]);
  });

  it('rejects a misspelled field and suggests the right one', () => {
    expect(messages({ 'f.yaml': fact('    topcs: [mmca]\n') })).toEqual([
      'f.yaml:6:5: error: "mmca-signed" field topcs: unknown field "topcs" — did you mean "topics"?',
    ]);
  });

  it('rejects an unknown section at the top of a file', () => {
    expect(messages({ 'f.yaml': 'fact:\n  - id: x\n' })).toEqual([
      'f.yaml:1:1: error: field fact: unknown field "fact" — did you mean "facts"? — a file may hold: topics, featured, sources, facts, quotes, synonyms',
    ]);
  });

  it('requires at least one source', () => {
    const text = fact('').replace('sources: [ipdf-2025-11-26]', 'sources: []');
    expect(messages({ 'f.yaml': text })).toEqual(['f.yaml:5:14: error: "mmca-signed" field sources: must cite at least one source']);
  });

  it('requires every source to say what kind it is', () => {
    const noKind = SOURCES.replace('    kind: press\n', '');
    expect(messagesWith({ 'sources.yaml': noKind, 'f.yaml': fact('') })).toEqual([
      'sources.yaml:2:5: error: "ipdf-2025-11-26" field kind: is required: say what the source is, one of: official, press, analysis, reference, state-media, reprint',
    ]);
    const badKind = SOURCES.replace('kind: press', 'kind: blog');
    expect(messagesWith({ 'sources.yaml': badKind, 'f.yaml': fact('') })).toEqual([
      'sources.yaml:7:11: error: "ipdf-2025-11-26" field kind: must be one of: official, press, analysis, reference, state-media, reprint',
    ]);
  });

  it('reports a missing required field', () => {
    const text = fact('').replace('    text: The MMCA was signed in 1998.\n', '');
    expect(messages({ 'f.yaml': text })).toEqual(['f.yaml:2:5: error: "mmca-signed" field text: is required']);
  });

  it('rejects ids that are not kebab-case and duplicate ids across files', () => {
    const bad = fact('').replace('id: mmca-signed', 'id: MMCA Signed');
    expect(messages({ 'f.yaml': bad })[0]).toContain('field id: must be kebab-case');
    const duplicate = messages({ 'a.yaml': fact(''), 'b.yaml': fact('') });
    expect(duplicate).toEqual([
      'b.yaml:2:9: error: "mmca-signed" field id: duplicate record id "mmca-signed": already used at a.yaml:2 — ids must be unique across the knowledge base',
    ]);
  });

  it('rejects dates that do not exist or are badly written', () => {
    expect(messages({ 'f.yaml': fact('    date: 2023-02-30\n') })).toEqual(['f.yaml:6:11: error: "mmca-signed" field date: is not a real calendar date']);
    expect(messages({ 'f.yaml': fact('    date: 30/01/2023\n') })).toEqual([
      'f.yaml:6:11: error: "mmca-signed" field date: must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
    expect(messages({ 'f.yaml': fact('    date: 2024-02-29\n') })).toEqual([]);
  });

  it('checks that a span of days runs forward and uses full dates', () => {
    expect(messages({ 'f.yaml': fact('    date: 2025-04-03\n    end_date: 2025-04-02\n') })).toEqual([
      'f.yaml:7:15: error: "mmca-signed" field end_date: end_date 2025-04-02 must come after date 2025-04-03',
    ]);
    expect(messages({ 'f.yaml': fact('    end_date: 2025-04-02\n') })[0]).toContain('end_date needs a date');
  });

  it('accepts only http(s) URLs', () => {
    const bad = SOURCES.replace('https://example.org/a', 'ftp://example.org/a');
    const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': bad, 'f.yaml': fact('') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((d) => formatDiagnostic(d))).toEqual([
      'sources.yaml:6:10: error: "ipdf-2025-11-26" field url: must be a full http:// or https:// address',
    ]);
  });

  it('rejects empty strings and texts longer than the reply limits', () => {
    expect(messages({ 'f.yaml': fact('    note: ""\n') })).toEqual(['f.yaml:6:11: error: "mmca-signed" field note: must not be empty']);
    const long = fact('').replace('The MMCA was signed in 1998.', 'x'.repeat(901));
    expect(messages({ 'f.yaml': long })[0]).toContain('field text: must be at most 900 characters');
  });

  it('reports every error at once, across records and files', () => {
    const first = fact('    date: 2023-13\n').replace('sources: [ipdf-2025-11-26]', 'sources: [nope]');
    const second = fact('').replace('id: mmca-signed', 'id: other').replace('topics: [mmca]', 'topics: [nada]');
    expect(messages({ 'a.yaml': first, 'b.yaml': second })).toHaveLength(3);
  });

  it('warns, without failing, about a source without URL and a quote without role', () => {
    const quote = `quotes:
  - id: q
    text: words
    speaker: Someone
    context: Said somewhere.
    topics: [mmca]
    sources: [no-url]
sources:
  - id: no-url
    kind: official
    title: T
    publisher: P
`;
    const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, 'f.yaml': fact(''), 'q.yaml': quote });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((d) => formatDiagnostic(d))).toEqual([
      'q.yaml:2:5: warning: "q": quote has no role: add the speaker\'s role at the time (e.g. "U.S. Secretary of Defense")',
      'q.yaml:9:5: warning: "no-url": source has no url: add one if the page is online, so readers can check it',
    ]);
  });
});

describe('knowledge file syntax', () => {
  it('reports malformed YAML with its line', () => {
    expect(messages({ 'f.yaml': 'facts:\n  - id: [unclosed\n' })[0]).toMatch(/^f\.yaml:\d+:\d+: error: not valid YAML: /);
  });

  it('reports a duplicate key', () => {
    expect(messages({ 'f.yaml': fact('    text: again\n') })).toEqual([
      'f.yaml:6:5: error: the same field "text" is written twice in one record (duplicate key): keep one',
    ]);
  });

  it('refuses YAML aliases, so an alias bomb is never expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    expect(messages({ 'f.yaml': bomb })).toEqual(['f.yaml:2:8: error: YAML alias "*a" is not allowed in knowledge files: write the value out in full']);
  });

  it('reports an empty file and a binary one', () => {
    expect(messages({ 'f.yaml': '# only a comment\n' })).toEqual([
      'f.yaml:1:1: error: file is empty: add `facts:`, `quotes:`, `sources:`, `topics:` or `synonyms:`, or delete the file',
    ]);
    expect(messages({ 'f.yaml': 'facts:\0\0' })).toEqual(['f.yaml:1:1: error: file contains NUL bytes: it looks binary, not a YAML text file']);
  });

  it('reads a BOM and CRLF line endings, with a warning for each', () => {
    const crlf = `\ufeff${fact('    date: 1998\n').replace(/\n/g, '\r\n')}`;
    const result = loadKnowledgeFromStrings({ 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, 'f.yaml': crlf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.base.entries[0]?.text).toBe('The MMCA was signed in 1998.');
    expect(result.warnings.map((d) => d.message)).toEqual([
      'file starts with a byte-order mark (BOM); it was ignored — save the file as UTF-8 without BOM',
      'file has Windows (CRLF) line endings; they were read as plain newlines — save with LF line endings',
    ]);
  });

  it('says what is wrong when a section is not a list', () => {
    expect(messages({ 'f.yaml': 'facts: hello\n' })).toEqual(['f.yaml:1:8: error: field facts: must be a list (lines starting with "- "), not string "hello"']);
  });
});
