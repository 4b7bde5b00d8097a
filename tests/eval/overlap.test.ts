import { describe, expect, it } from 'vitest';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { nearCopies } from '../../src/eval/overlap';
import { oneFactBase } from '../knowledge/one-fact-base';

const base = loadKnowledgeFromStrings({
  'kb.yaml': oneFactBase('The MMCA plenary met in Honolulu in November 2025.', '    questions: [mmca plenary november 2025 honolulu]\n    keywords: [MMCA]\n'),
});

describe('nearCopies', () => {
  it('flags eval questions that nearly copy a curated question, not names or unrelated questions', () => {
    if (!base.ok) throw new Error('fixture invalid');
    const flagged = nearCopies(['MMCA plenary, November 2025?', 'mmca', 'when did the navy talks meet in hawaii'], base.base);
    expect([...flagged]).toEqual(['MMCA plenary, November 2025?']);
  });
});
