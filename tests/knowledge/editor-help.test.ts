import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { knowledgeJsonSchema } from '../../src/knowledge/json-schema';
import { loadKnowledge, loadKnowledgeFromStrings } from '../../src/knowledge/load';

// The editor help for moderators stays in step with the schema: every snippet, expanded with its
// default values, is a record the one validation path accepts (but for the source's address, which a
// moderator must paste in), and the editor settings point the
// YAML extension at the generated schema.

/** VS Code's files allow // comments; ours have them only on lines of their own. */
const jsonc = (text: string) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));

/** A snippet body with each tab stop at its default (`${1:x}` → x, `${2|a,b|}` → a, `$0` → nothing). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('editor help', () => {
  it('snippets for a fact, a quote and a source expand to records kb:check accepts', async () => {
    const snippets = jsonc(await readFile('.vscode/knowledge.code-snippets', 'utf8')) as Record<string, { prefix: string; scope: string; body: string[] }>;
    const byPrefix = Object.fromEntries(Object.values(snippets).map((s) => [s.prefix, s]));
    expect(Object.keys(byPrefix).sort()).toEqual(['fact', 'quote', 'source']);
    for (const s of Object.values(byPrefix)) expect(s.scope).toBe('yaml');

    const indent = (text: string) => text.replace(/^(?=.)/gm, '  ');
    const source = expand(byPrefix.source!.body);
    const sourceId = /- id: (\S+)/.exec(source)![1]!;
    const cite = (text: string) => text.replace('[source-id]', `[${sourceId}]`);
    const draft = `sources:\n${indent(source)}\nfacts:\n${indent(cite(expand(byPrefix.fact!.body)))}\nquotes:\n${indent(cite(expand(byPrefix.quote!.body)))}`;

    const shipped = await loadKnowledge('knowledge');
    if (!shipped.ok) throw new Error('shipped knowledge invalid');
    const result = loadKnowledgeFromStrings({ ...Object.fromEntries(shipped.base.texts!), 'snippets.yaml': draft });
    // The one placeholder that cannot pass on purpose: a source's address must be pasted in.
    expect(result.ok ? [] : result.errors.map((e) => `${e.id} ${e.field}: ${e.message}`)).toEqual([`${sourceId} url: must be a full http:// or https:// address`]);
  });

  it('the editor settings validate knowledge files against knowledge/schema.json', async () => {
    const settings = jsonc(await readFile('.vscode/settings.json', 'utf8'));
    const globs = settings['yaml.schemas']['./knowledge/schema.json'];
    expect(globs).toContain('knowledge/**/*.yaml');
    await expect(readFile('knowledge/schema.json', 'utf8')).resolves.toContain('"$schema"');
  });

  it('knowledge/schema.json is what `npm run kb:schema` writes, and the editor has a description for every field of every record', async () => {
    expect(await readFile('knowledge/schema.json', 'utf8')).toBe(knowledgeJsonSchema());
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node };
    const file = JSON.parse(knowledgeJsonSchema()) as Node;
    const undescribed: string[] = [];
    for (const [list, node] of Object.entries(file.properties!)) {
      if (!node.description) undescribed.push(list);
      for (const [field, f] of Object.entries(node.items?.properties ?? {})) if (!f.description) undescribed.push(`${list}.${field}`);
    }
    expect(undescribed).toEqual([]);
  });
});
