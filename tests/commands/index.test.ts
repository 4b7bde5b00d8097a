import { describe, expect, it } from 'vitest';
import { commandDefinitions, commands } from '../../commands/index';
import { resolveTopic, suggestTopics } from '../../commands/topic-option';
import { createEngine } from '../../src/answer/engine';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { fixtureFiles } from '../support/fixture-knowledge';

// The registry is what Discord receives at deploy time: it must pass Discord's validation rules.

describe('command registry', () => {
  it('has unique names and unique custom_id prefixes', () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = commands.flatMap((c) => Object.keys(c.components ?? {}));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(names).toEqual(expect.arrayContaining(['ask', 'Ask Hotline', 'quote', 'timeline', 'source', 'topics', 'about', 'kb']));
  });

  it('defines commands within Discord limits', () => {
    const check = (options: any[] = []) => {
      expect(options.length).toBeLessThanOrEqual(25);
      for (const o of options) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        check(o.options);
      }
    };
    for (const def of commandDefinitions()) {
      if (def.type === undefined || def.type === 1) {
        expect(def.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect((def as any).description.length).toBeLessThanOrEqual(100);
        check((def as any).options);
      } else {
        expect(def.name.length).toBeLessThanOrEqual(32);
      }
    }
    const totalChars = JSON.stringify(commandDefinitions()).length;
    expect(totalChars).toBeLessThan(8000 * commands.length);
  });

  it('registers only /kb behind Manage Server', () => {
    const gated = commandDefinitions()
      .filter((d) => d.default_member_permissions != null)
      .map((d) => d.name);
    expect(gated).toEqual(['kb']);
    expect(commands.find((c) => c.data.name === 'kb')?.moderatorOnly).toBe(true);
  });
});

describe('topic option', () => {
  const result = loadKnowledgeFromStrings(fixtureFiles());
  if (!result.ok) throw new Error('fixture invalid');
  const engine = createEngine(result.base);

  it('suggests topics by id or name with their counts', () => {
    expect(suggestTopics(engine, 'sample')).toEqual([{ name: 'Exampleland–Sampleland link (3)', value: 'exampleland-link' }]);
  });

  it("resolves an id, a name, or a choice's name sent instead of its value", () => {
    expect(resolveTopic(engine, 'test-talks')).toEqual({ id: 'test-talks' });
    expect(resolveTopic(engine, 'Test talks')).toEqual({ id: 'test-talks' });
    expect(resolveTopic(engine, 'Test talks (2)')).toEqual({ id: 'test-talks' });
    expect(resolveTopic(engine, 'nope')).toEqual({ unknown: 'nope' });
    expect(resolveTopic(engine, null)).toEqual({});
  });
});
