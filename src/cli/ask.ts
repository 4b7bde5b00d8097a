import { createInterface } from 'node:readline';
import { createEngine } from '../answer/engine';
import type { AnswerEngine } from '../answer/engine-api';
import { formatDiagnostic } from '../knowledge/format';
import { loadKnowledge } from '../knowledge/load';
import { renderJson } from '../render/json';
import { renderText } from '../render/text';
import { runMain } from './run-main';

// `npm run ask -- "question"`: the bot's main job without Discord.

const HELP = `Usage:
  npm run ask -- "When was the Moscow–Washington hotline set up?"   cited answer as text
  npm run ask -- --json "question"                                  one JSON object
  npm run ask -- --json < questions.txt                             one question per line in,
                                                                    one JSON object per line out (JSON Lines), same order
Questions may also be an entry id, a year or range ("1963", "from 1998 to 2001") or a speaker's name.

Knowledge folder: $KNOWLEDGE_DIR, or ./knowledge.

JSON: {"question", "status": "answered"|"unsure"|"unknown", "results": [{"id", "kind", "text", "speaker"?,
       "date"?, "score" (0..1), "sources": [{"id", "title", "publisher", "url"?, "published"?}]}]}
       A blank input line gets {"status": "unknown"} so output lines stay aligned with input lines.

Exit codes:
  0  answered, unsure or unknown: an answer was printed (read "status" for which)
  1  the knowledge base is invalid (errors printed as file:line:column) or could not be read
  2  usage error (no question, unknown option)`;

type Args = { json: boolean; help: boolean; question?: string; bad?: string };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, help: false };
  const rest: string[] = [];
  let literal = false;
  for (const a of argv) {
    if (!literal && a === '--') literal = true;
    else if (!literal && a === '--json') args.json = true;
    else if (!literal && (a === '--help' || a === '-h')) args.help = true;
    else if (!literal && a.startsWith('--')) args.bad = a;
    else rest.push(a);
  }
  if (rest.length) args.question = rest.join(' ');
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.bad) {
    process.stderr.write(`unknown option ${args.bad}\n\n${HELP}\n`);
    return 2;
  }
  if (!args.json && args.question === undefined) {
    process.stderr.write(`no question given\n\n${HELP}\n`);
    return 2;
  }

  const dir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) {
    for (const d of loaded.errors) process.stderr.write(`${formatDiagnostic(d, d.file === dir ? '' : dir)}\n`);
    process.stderr.write(`knowledge in ${dir} is invalid: ${loaded.errors.length} error(s); run npm run kb:check for details\n`);
    return 1;
  }
  const engine = createEngine(loaded.base);

  if (!args.json) {
    const topics = engine
      .topics()
      .filter((t) => t.count > 0)
      .map((t) => t.topic.name);
    process.stdout.write(`${renderText(engine.ask(args.question!), { topics })}\n`);
    return 0;
  }
  if (args.question !== undefined) {
    process.stdout.write(`${renderJson(engine.ask(args.question))}\n`);
    return 0;
  }
  await answerLines(engine);
  return 0;
}

/** Streams stdin line by line, keeping order, and respects stdout back-pressure on big batches. */
async function answerLines(engine: AnswerEngine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const ok = process.stdout.write(`${renderJson(engine.ask(line))}\n`);
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

runMain('ask', main);
