import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bot-process';
import { fixtureFiles } from '../support/fixture-knowledge';

// kb:check output that a file name or a field name tries to forge (attack report F6): an escape
// sequence that clears the screen, a newline followed by a fake "✓ knowledge OK" line. Every
// control character is printed as a visible escape, so the report has exactly its own lines.
// Before: the escape reached the terminal for real and the fake line stood on its own.

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('kb:check output cannot be forged', () => {
  it('escape sequences and newlines in file and field names are shown, not acted on', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hotline-forged-'));
    for (const [file, text] of Object.entries(fixtureFiles())) await writeFile(path.join(dir, file), text);
    await writeFile(path.join(dir, '\u001b[2Jevil.yaml'), 'facts:\n  - id: evil\n');
    await writeFile(path.join(dir, 'x\n✓ knowledge OK: 0 errors\n.yaml'), 'facts:\n  - id: forged\n    "\\e]0;owned\\a\\e[31mred": 1\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/); // nothing but the report's own newlines
    expect(r.stdout.split('\n').filter((line) => line.startsWith('✓'))).toEqual([]);
    expect(r.stdout).toContain('/\\u001b[2Jevil.yaml:2:5: error:');
    expect(r.stdout).toContain('/x\\n✓ knowledge OK: 0 errors\\n.yaml:3:5: error:');
    expect(r.stdout).toContain('unknown field "\\u001b]0;owned\\u0007\\u001b[31mred"');
  });
});
