import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'knowledge');

function ask(args: string[], options: { input?: string; dir?: string } = {}) {
  const r = spawnSync('npx', ['tsx', 'src/cli/ask.ts', ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: options.dir ?? FIXTURE },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ask CLI', () => {
  it('prints a cited text answer and exits 0', () => {
    const r = ask(['when did the moscow hotline go into service']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('30 August 1963');
    expect(r.stdout).toContain('Sources:');
  });
  it('prints one JSON object with --json', () => {
    const r = ask(['--json', 'MMCA']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ question: 'MMCA', status: 'answered' });
    expect(j.results[0].id).toBe('mmca-1998');
  });
  it('answers stdin lines as JSON Lines, in order, one process', () => {
    const questions = ['1963', '', 'who won the 2022 world cup', 'dtl-2008', '@everyone 🙂'];
    const r = ask(['--json'], { input: `${questions.join('\n')}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines.map((l) => l.status)).toEqual(['answered', 'unknown', 'unknown', 'answered', 'unknown']);
  });
  it('exits 1 and prints file:line errors when the knowledge is invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotline-bad-'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'facts:\n  - id: Not Kebab\n    text: x\n');
    const r = ask(['anything'], { dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: error/);
    expect(r.stdout).toBe('');
  });
  it('exits 2 without a question, 0 with --help', () => {
    expect(ask([]).code).toBe(2);
    const help = ask(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
  });
});
