import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadKnowledge } from '../knowledge/load';
import { knowledgePage } from '../site/page';

// `npm run kb:site [-- out.html]`: the whole knowledge base as one static, self-contained HTML page
// (default site/knowledge.html), by topic and date, with each entry's sources and their kinds, and a
// search box. Open it in any browser, no server needed. Exit 1 when the knowledge is invalid.

const dir = process.env.KNOWLEDGE_DIR || 'knowledge';
const target = process.argv[2] ?? 'site/knowledge.html';
const result = await loadKnowledge(dir);
if (!result.ok) {
  process.stderr.write(`The knowledge in ${dir} is invalid: run npm run kb:check to see why. No page was written.\n`);
  process.exit(1);
}
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, knowledgePage(result.base, { generatedAt: new Date() }));
process.stdout.write(`wrote ${target} (${result.base.entries.length} entries, ${result.base.sources.size} sources)\n`);
