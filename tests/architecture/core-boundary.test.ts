import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Which folder may import which. A folder is a top-level folder of src/ (`src/search` → `search`), or
// `commands`. An import within a folder is always allowed.
// - The core is a chain, each layer built on the ones before it: text ← knowledge ← search ← answer ← render.
// - The side modules stand on the core, never on an adapter or on each other: eval (the relevance
//   harness), bench (benchmark data and timing), insight (the usage database), site (the knowledge page).
// - The adapters use the core and the side modules: the bot, the commands (which also build on the bot's
//   pieces) and the CLI tools (which may use the bot's renderers and config, never the commands).
// - src/main is the composition root (app, main, deploy): the one folder that imports commands/.
// - Nothing under src/ or commands/ imports tests/: the stand-in and its `ws` are test code, which is
//   why `npm run bench:load` lives in tests/bench. No row lists `tests`.
const CHAIN = ['text', 'knowledge', 'search', 'answer', 'render'] as const;
const CORE: readonly string[] = CHAIN;
const SIDE = ['eval', 'bench', 'insight', 'site'];
const ALLOWED: Record<string, readonly string[]> = {
  ...Object.fromEntries(CHAIN.map((layer, i) => [layer, CHAIN.slice(0, i)])),
  ...Object.fromEntries(SIDE.map((side) => [side, CORE])),
  bot: [...CORE, ...SIDE],
  commands: [...CORE, ...SIDE, 'bot'],
  cli: [...CORE, ...SIDE, 'bot'],
  // The composition root: wires the bot, the command registry and the core together (app, main, deploy).
  // Only it imports commands/, so bot → commands → bot has no cycle.
  main: [...CORE, ...SIDE, 'bot', 'commands'],
};

// Folders that must work without Discord (CLI, eval, bench, reports): they never import discord.js.
const DISCORD_FREE = [...CORE, ...SIDE];

// Edges that break the table, each kept only until the change that removes it lands (none today:
// search → answer went with the answer-decision stage, bot → commands with src/main). A row names the
// importing file, so a new file repeating the mistake still fails; a row whose import has gone fails too.
const KNOWN_EXCEPTIONS: { file: string; to: string; why: string }[] = [];

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/** The folder a repository path belongs to in the table above, or undefined outside it. */
function folderOf(file: string): string | undefined {
  const [top, sub] = file.split(/[\\/]/);
  if (top === 'src') return sub?.endsWith('.ts') ? undefined : sub;
  if (top === 'commands' || top === 'tests') return top;
  return undefined;
}

/** Every module a file imports (static, type-only, re-exports, dynamic `import()`), as TypeScript reads them. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

type Edge = { file: string; to: string; spec: string };

async function edges(): Promise<Edge[]> {
  const out: Edge[] = [];
  for (const file of [...(await tsFiles('src')), ...(await tsFiles('commands'))]) {
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      const to = spec.startsWith('.') ? folderOf(path.relative('.', path.join(path.dirname(file), spec))) : `package:${spec}`;
      out.push({ file: file.split(path.sep).join('/'), to: to ?? `outside:${spec}`, spec });
    }
  }
  return out;
}

describe('architecture: allowed imports between folders', () => {
  it('reads the imports it checks (the table is not vacuous)', async () => {
    const all = await edges();
    expect(importsOf("import type { A } from './a';\nexport { b } from '../b';\nconst c = await import('./c');")).toEqual(['./a', '../b', './c']);
    expect(all.some((e) => e.file.startsWith('src/answer/') && e.to === 'search')).toBe(true);
    expect(all.some((e) => e.file.startsWith('commands/') && e.to === 'bot')).toBe(true);
  });

  it('every folder imports only the folders the table allows', async () => {
    const offenders: string[] = [];
    for (const { file, to, spec } of await edges()) {
      const from = folderOf(file);
      if (to.startsWith('package:') || from === to) continue;
      if (!from || to.startsWith('outside:')) {
        offenders.push(`${file} → ${spec} (outside the table)`);
        continue;
      }
      if (ALLOWED[from] === undefined) offenders.push(`${file}: folder src/${from} is not in the table`);
      else if (!ALLOWED[from].includes(to) && !KNOWN_EXCEPTIONS.some((x) => x.file === file && x.to === to)) offenders.push(`${file} → ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('nothing under src/ or commands/ imports tests/', async () => {
    const offenders = (await edges()).filter((e) => e.to === 'tests').map((e) => `${e.file} → ${e.spec}`);
    expect(offenders).toEqual([]);
  });

  it('every known exception still happens (delete the row once its import is gone)', async () => {
    const all = await edges();
    const stale = KNOWN_EXCEPTIONS.filter((x) => !all.some((e) => e.file === x.file && e.to === x.to)).map((x) => `${x.file} → ${x.to}`);
    expect(stale).toEqual([]);
  });
});

describe('core boundary', () => {
  it('no Discord-free module imports discord.js (or the bot or the commands)', async () => {
    const offenders: string[] = [];
    for (const { file, to, spec } of await edges()) {
      const from = folderOf(file);
      if (!from || !DISCORD_FREE.includes(from)) continue;
      if (/^package:(discord\.js|@discordjs\/)/.test(to) || to === 'bot' || to === 'commands') offenders.push(`${file} → ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('dependencies', () => {
  it('only the benchmarks and the data generators import a devDependency (fuse.js and MiniSearch are baselines, wink-lexicon a generator input, never on the reply path)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const dev = Object.keys(pkg.devDependencies).filter((name) => !name.startsWith('@types/'));
    const isBench = (file: string) => file.startsWith(path.join('src', 'bench')) || /^src[\\/]cli[\\/]bench[^\\/]*\.ts$/.test(file);
    // A generator (`npm run gen:…`) writes a data file the bot reads; the bot never runs it.
    const isGenerator = (file: string) => /^src[\\/]cli[\\/]gen-[^\\/]*\.ts$/.test(file);
    const offenders: string[] = [];
    for (const file of [...(await tsFiles('src')), ...(await tsFiles('commands'))]) {
      if (isBench(file) || isGenerator(file)) continue;
      const text = await readFile(file, 'utf8');
      for (const name of dev)
        if (new RegExp(`from\\s+['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"]*)?['"]`).test(text)) offenders.push(`${file}: ${name}`);
    }
    expect(dev).toContain('minisearch');
    expect(offenders).toEqual([]);
  });
});
