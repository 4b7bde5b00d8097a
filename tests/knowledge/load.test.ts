import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge, MAX_FILE_BYTES } from '../../src/knowledge/load';
import { formatDiagnostic } from '../../src/knowledge/format';
import { oneFactBase } from './one-fact-base';

const VALID = oneFactBase();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hotline-kb-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function errors() {
  const result = await loadKnowledge(dir);
  return result.ok ? [] : result.errors.map((d) => formatDiagnostic(d));
}

describe('loadKnowledge (files on disk)', () => {
  it('reads .yaml files in nested folders and ignores README.md and schema.json', async () => {
    await mkdir(path.join(dir, 'a/b'), { recursive: true });
    await writeFile(path.join(dir, 'a/b/base.yaml'), VALID);
    await writeFile(path.join(dir, 'README.md'), '# not knowledge');
    await writeFile(path.join(dir, 'schema.json'), '{}');
    const result = await loadKnowledge(dir);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.base.files).toEqual(['a/b/base.yaml']);
  });

  it('refuses a symlink that points outside the knowledge folder', async () => {
    await writeFile(path.join(dir, 'base.yaml'), VALID);
    const outside = await mkdtemp(path.join(tmpdir(), 'hotline-outside-'));
    await writeFile(path.join(outside, 'x.yaml'), VALID.replace(/id: (\w)$/gm, 'id: $1$1'));
    await symlink(path.join(outside, 'x.yaml'), path.join(dir, 'link.yaml'));
    expect(await errors()).toEqual([
      'link.yaml:1:1: error: file is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself',
    ]);
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses a file over the size limit without reading it', async () => {
    await writeFile(path.join(dir, 'base.yaml'), VALID);
    await writeFile(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES + 10)}\n`);
    expect(await errors()).toEqual([
      'huge.yaml:1:1: error: file is too large (1.0 MB; the limit is 1 MB): split it into smaller files by subject',
    ]);
  });

  it('refuses a file that is not UTF-8', async () => {
    await writeFile(path.join(dir, 'base.yaml'), VALID);
    await writeFile(path.join(dir, 'latin1.yaml'), Buffer.from('facts:\n  - text: "caf\xe9"\n', 'latin1'));
    expect(await errors()).toEqual(['latin1.yaml:1:1: error: file is not UTF-8 text (binary, or saved in another encoding): save it as UTF-8']);
  });

  it('says plainly when the folder is missing or holds nothing', async () => {
    const missing = path.join(dir, 'nope');
    const result = await loadKnowledge(missing);
    expect(result.ok ? [] : result.errors.map((d) => d.message)).toEqual(['knowledge folder does not exist']);
    expect(await errors()).toEqual([`${dir}:1:1: error: knowledge folder holds no .yaml files`]);
  });
});
