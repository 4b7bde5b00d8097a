import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The core must stay usable without Discord (CLI, eval, bench): it never imports discord.js.
const CORE = ['src/knowledge', 'src/search', 'src/answer', 'src/render', 'src/eval', 'src/text'];

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

describe('core boundary', () => {
  it('no core module imports discord.js or the bot', async () => {
    const offenders: string[] = [];
    for (const dir of CORE) {
      for (const file of await tsFiles(dir)) {
        const text = await readFile(file, 'utf8');
        if (/from\s+['"](discord\.js|@discordjs\/[^'"]+)['"]|from\s+['"][./]*(bot|commands)\//.test(text)) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('dependencies', () => {
  it('only the benchmarks import a devDependency (fuse.js and MiniSearch are baselines, never on the reply path)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const dev = Object.keys(pkg.devDependencies).filter((name) => !name.startsWith('@types/'));
    const isBench = (file: string) => file.startsWith(path.join('src', 'bench')) || /^src[\\/]cli[\\/]bench[^\\/]*\.ts$/.test(file);
    const offenders: string[] = [];
    for (const file of [...(await tsFiles('src')), ...(await tsFiles('commands'))]) {
      if (isBench(file)) continue;
      const text = await readFile(file, 'utf8');
      for (const name of dev) if (new RegExp(`from\\s+['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"]*)?['"]`).test(text)) offenders.push(`${file}: ${name}`);
    }
    expect(dev).toContain('minisearch');
    expect(offenders).toEqual([]);
  });
});
