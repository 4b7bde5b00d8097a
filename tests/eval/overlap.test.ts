import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { nearCopies } from '../../src/eval/overlap';

const base = loadKnowledgeFromStrings({
  'kb.yaml': `topics:
  - id: t
    name: T
sources:
  - id: s
    title: T
    publisher: P
    url: https://example.org/
facts:
  - id: f
    text: The MMCA plenary met in Honolulu in November 2025.
    topics: [t]
    sources: [s]
    questions: [mmca plenary november 2025 honolulu]
    keywords: [MMCA]
`,
});

describe('nearCopies', () => {
  it('flags eval questions that nearly copy a curated question, not names or unrelated questions', () => {
    if (!base.ok) throw new Error('fixture invalid');
    const flagged = nearCopies(['MMCA plenary, November 2025?', 'mmca', 'when did the navy talks meet in hawaii'], base.base);
    expect([...flagged]).toEqual(['MMCA plenary, November 2025?']);
  });
});
