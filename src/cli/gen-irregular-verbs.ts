import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { selectIrregularForms, type Lexicon } from '../search/irregular-verbs';
import { LIGHT_VERBS } from '../search/query';
import { runMain } from './run-main';

// `npm run gen:irregular-verbs`: writes src/search/irregular-verbs.json from the maintained `wink-lexicon` package
// (a devDependency: the bot reads the JSON only), keeping the forms selectIrregularForms keeps, one a line, two
// spaces in: as prettier formats it, so the format check passes after every run.

const OUT = path.join(import.meta.dirname, '..', 'search', 'irregular-verbs.json');

const require = createRequire(import.meta.url);

async function main(): Promise<number> {
  // The package's index requires a file its release lacks (wn-words.js): its lists are read one by one.
  const verbs = require('wink-lexicon/src/irregular-verbs.js') as Record<string, string>;
  const lexicon = require('wink-lexicon/src/lexicon.js') as Lexicon;
  const forms = selectIrregularForms(verbs, lexicon, LIGHT_VERBS);
  await writeFile(OUT, `${JSON.stringify(forms, null, 2)}\n`);
  process.stdout.write(`${Object.keys(forms).length} irregular forms written to ${path.relative(process.cwd(), OUT)}\n`);
  return 0;
}

runMain('gen:irregular-verbs', main);
