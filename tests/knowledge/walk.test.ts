import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLDER_LIMITS, walkKnowledgeFolder, walkSignature } from '../../src/knowledge/walk';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hotline-walk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refusals = async () => (await walkKnowledgeFolder(dir)).diagnostics.map((d) => `${d.file}: ${d.message}`);

describe('walkKnowledgeFolder', () => {
  it('finds .yaml/.yml files in name order, depth first, skipping README.md, schema.json, dot-files and other files', async () => {
    await mkdir(path.join(dir, 'a'));
    await mkdir(path.join(dir, '.git'));
    for (const f of ['a/x.yaml', 'a.yaml', 'b.yml', 'README.md', 'schema.json', '.hidden.yaml', '.git/config.yaml', 'notes.txt']) await writeFile(path.join(dir, f), 'x');
    const walk = await walkKnowledgeFolder(dir);
    expect(walk.files.map((f) => f.relative)).toEqual(['a/x.yaml', 'a.yaml', 'b.yml']);
    expect(walk.diagnostics).toEqual([]);
  });

  it('follows no link, not even one to a file inside the folder', async () => {
    await writeFile(path.join(dir, 'real.yaml'), 'x');
    await symlink('real.yaml', path.join(dir, 'copy.yaml'));
    await symlink('/', path.join(dir, 'root'));
    await symlink('nowhere', path.join(dir, 'dangling.yaml'));
    expect(await refusals()).toEqual([
      'copy.yaml: file is a link to another place in the knowledge folder: Hotline does not follow links — replace it with the file itself, or delete it',
      'dangling.yaml: file is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself',
      'root: file is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself',
    ]);
  });

  it(`stops at ${FOLDER_LIMITS.files} knowledge files, naming the first one too many`, async () => {
    await Promise.all(Array.from({ length: FOLDER_LIMITS.files + 5 }, (_, i) => writeFile(path.join(dir, `f${String(i).padStart(5, '0')}.yaml`), 'x')));
    const walk = await walkKnowledgeFolder(dir);
    expect(walk.files).toHaveLength(FOLDER_LIMITS.files);
    expect(walk.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      `f0${FOLDER_LIMITS.files}.yaml: file is one file too many: the knowledge folder may hold at most 2,000 knowledge files — merge small files`,
    ]);
  });

  it('refuses files over the size limit from their size alone', async () => {
    await writeFile(path.join(dir, 'big.yaml'), Buffer.alloc(FOLDER_LIMITS.fileBytes + 1, 'a'));
    expect(await refusals()).toEqual(['big.yaml: file is too large (1.0 MB; the limit is 1 MB): split it into smaller files by subject']);
  });

  it('says plainly when the folder is missing or is a file', async () => {
    expect((await walkKnowledgeFolder(path.join(dir, 'nope'))).diagnostics.map((d) => d.message)).toEqual(['knowledge folder does not exist']);
    await writeFile(path.join(dir, 'file'), 'x');
    expect((await walkKnowledgeFolder(path.join(dir, 'file'))).diagnostics.map((d) => d.message)).toEqual(['knowledge folder is not a folder']);
  });

  it('gives a signature that changes with a file’s size and with what is refused', async () => {
    await writeFile(path.join(dir, 'a.yaml'), 'x');
    const first = walkSignature(await walkKnowledgeFolder(dir));
    await writeFile(path.join(dir, 'a.yaml'), 'xy');
    const second = walkSignature(await walkKnowledgeFolder(dir));
    await symlink('/', path.join(dir, 'root'));
    const third = walkSignature(await walkKnowledgeFolder(dir));
    expect(new Set([first, second, third]).size).toBe(3);
  });
});
