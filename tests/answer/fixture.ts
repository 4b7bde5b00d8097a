import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../src/knowledge/base';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';

/** The small knowledge base in tests/cli/fixtures/knowledge, loaded through the real loader. */
export const FIXTURE_DIR = path.join(import.meta.dirname, '..', 'cli', 'fixtures', 'knowledge');

export function fixtureBase(): KnowledgeBase {
  const files = Object.fromEntries(
    readdirSync(FIXTURE_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, readFileSync(path.join(FIXTURE_DIR, f), 'utf8')]),
  );
  const result = loadKnowledgeFromStrings(files);
  if (!result.ok) throw new Error(`fixture invalid: ${result.errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}`);
  return result.base;
}

/**
 * A one-source base holding the given fact lines (YAML, indented as under `facts:`), with one topic or more and,
 * if given, synonym groups (each a list of terms, as a moderator writes them under `synonyms:`).
 */
export function smallBase(topic: string, name: string, facts: string[], more: Array<[string, string]> = [], synonyms: string[][] = []) {
  const loaded = loadKnowledgeFromStrings({
    'k.yaml': [
      'topics:',
      ...[[topic, name], ...more].flatMap(([id, n]) => [`  - id: ${id}`, `    name: ${n}`]),
      ...(synonyms.length ? ['synonyms:', ...synonyms.map((terms) => `  - terms: [${terms.join(', ')}]`)] : []),
      'sources:',
      '  - id: s1',
      '    kind: press',
      '    title: A source',
      '    publisher: A publisher',
      'facts:',
      ...facts,
    ].join('\n'),
  });
  if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
  return loaded.base;
}
