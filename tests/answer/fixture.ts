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
