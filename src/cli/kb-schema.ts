import { writeFile } from 'node:fs/promises';
import { knowledgeJsonSchema } from '../knowledge/json-schema';

// `npm run kb:schema`: regenerate knowledge/schema.json after changing src/knowledge/schema.ts.
const target = process.argv[2] ?? 'knowledge/schema.json';
await writeFile(target, knowledgeJsonSchema());
process.stdout.write(`wrote ${target}\n`);
