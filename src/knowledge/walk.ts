import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, opendir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './base';

// The one walk of the knowledge folder, shared by the loader (which reads what it finds) and the
// watcher (which compares what it finds every poll). It looks at names and lstat() only, so it can
// never block: a FIFO, a socket or a device is refused by its type without ever being opened, and
// links are refused rather than followed, so the walk cannot leave the folder or go round in a
// loop. Everything it does is counted against the limits below.

/** What the walk and the reader allow; each limit is far above what a curated knowledge base needs. */
export const FOLDER_LIMITS = {
  /** Knowledge files (.yaml/.yml) in the whole folder. The shipped base has a few dozen. */
  files: 2_000,
  /** Names looked at in the whole folder (files of every kind and sub-folders). */
  entries: 20_000,
  /** Sub-folders inside sub-folders: `us-china/2024/talks.yaml` is depth 2. */
  depth: 8,
  /** One file. Knowledge files are small by design; anything bigger is a mistake, not content. */
  fileBytes: 1_000_000,
  /** All knowledge files together. */
  totalBytes: 20_000_000,
} as const;

const KNOWLEDGE_FILE = /\.ya?ml$/i;
// Files that live in the folder for people and editors, not for the bot (dot-files include .git).
const IGNORED = /^(README\.md|schema\.json|\..*)$/;

export type FoundFile = {
  /** Path relative to the knowledge folder, with `/` separators. */
  relative: string;
  size: number;
  mtimeMs: number;
  ino: number;
};

export type FolderWalk = {
  /** The folder's real path, or undefined when it cannot be used at all (see diagnostics). */
  root?: string;
  files: FoundFile[];
  /** Everything refused, each naming its file or folder. */
  diagnostics: Diagnostic[];
};

/** Walks `dir` (breadth first, in name order) within FOLDER_LIMITS. Never throws, never opens a file. */
export async function walkKnowledgeFolder(dir: string): Promise<FolderWalk> {
  const diagnostics: Diagnostic[] = [];
  const files: FoundFile[] = [];
  let root: string;
  try {
    // The folder itself may be reached through a link (KNOWLEDGE_DIR=/srv/kb -> /data/kb); nothing inside may.
    root = await realpath(dir);
    const info = await lstat(root);
    if (!info.isDirectory()) throw new Error('is not a folder');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as NodeJS.ErrnoException).code ? `cannot be opened (${(error as NodeJS.ErrnoException).code})` : (error as Error).message;
    return { files, diagnostics: [{ severity: 'error', file: dir, line: 1, column: 1, message: `knowledge folder ${reason}` }] };
  }

  const visited = new Set<string>();
  const queue: Array<{ relative: string; depth: number }> = [{ relative: '', depth: 0 }];
  let entries = 0;
  let totalBytes = 0;
  let stopped = false;
  const refuse = (relative: string, message: string) => diagnostics.push(fileProblem(relative, message));
  const refuseFolder = (relative: string, message: string) => diagnostics.push(problemAt(relative, `folder ${message}`));

  while (queue.length > 0 && !stopped) {
    const folder = queue.shift()!;
    const names = await listFolder(root, folder.relative, refuseFolder);
    for (const name of names) {
      if (IGNORED.test(name)) continue;
      if (++entries > FOLDER_LIMITS.entries) {
        refuseFolder(folder.relative || '.', `holds too many files and folders (more than ${FOLDER_LIMITS.entries.toLocaleString('en-US')} in the whole knowledge folder): remove what is not knowledge`);
        stopped = true;
        break;
      }
      const relative = folder.relative ? `${folder.relative}/${name}` : name;
      let info: Stats;
      try {
        info = await lstat(path.join(root, relative));
      } catch {
        continue; // removed while we were listing: the next reload sees the new state
      }
      if (info.isSymbolicLink()) {
        refuse(relative, await linkProblem(root, relative));
      } else if (info.isDirectory()) {
        const key = `${info.dev}:${info.ino}`;
        if (visited.has(key)) refuseFolder(relative, 'is the same folder as one already read (a loop, through a mount): remove it');
        else if (folder.depth + 1 > FOLDER_LIMITS.depth) refuseFolder(relative, `is nested too deeply (more than ${FOLDER_LIMITS.depth} folders inside each other): move its files up`);
        else {
          visited.add(key);
          queue.push({ relative, depth: folder.depth + 1 });
        }
      } else if (!KNOWLEDGE_FILE.test(name)) {
        continue; // not knowledge, and never opened
      } else if (!info.isFile()) {
        refuse(relative, `is ${specialKind(info)}, not a regular file: Hotline reads only plain text files — delete it`);
      } else if (files.length >= FOLDER_LIMITS.files) {
        refuse(relative, `is one file too many: the knowledge folder may hold at most ${FOLDER_LIMITS.files.toLocaleString('en-US')} knowledge files — merge small files`);
        stopped = true;
        break;
      } else if (info.size > FOLDER_LIMITS.fileBytes) {
        refuse(relative, tooLarge(info.size));
      } else if ((totalBytes += info.size) > FOLDER_LIMITS.totalBytes) {
        refuse(relative, `takes the knowledge folder over ${FOLDER_LIMITS.totalBytes / 1e6} MB in all: the base is too big to check and serve`);
        stopped = true;
        break;
      } else {
        files.push({ relative, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
      }
    }
  }
  // The order a depth-first walk in name order gives (a/b.yaml before a.yaml's sibling a-z.yaml…), as before.
  files.sort((a, b) => bySegments(a.relative, b.relative));
  return { root, files, diagnostics };
}

/**
 * Reads one file the walk found, as UTF-8 text, or explains why not. Opened without following a
 * link and without blocking (a file swapped for a FIFO after the walk opens at once and is then
 * refused by its type); never more than the size limit is read.
 */
export async function readFoundFile(root: string, file: FoundFile): Promise<{ text: string } | { problem?: Diagnostic }> {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  let handle;
  try {
    handle = await open(path.join(root, file.relative), flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {}; // deleted mid-load: the next reload sees the new state
    if (code === 'ELOOP') return { problem: fileProblem(file.relative, 'became a link while being read: replace it with the file itself') };
    return { problem: fileProblem(file.relative, `could not be read (${code ?? (error as Error).message})`) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: fileProblem(file.relative, `is ${specialKind(info)}, not a regular file: Hotline reads only plain text files — delete it`) };
    if (info.size > FOLDER_LIMITS.fileBytes) return { problem: fileProblem(file.relative, tooLarge(info.size)) };
    const buffer = Buffer.alloc(Math.min(info.size, FOLDER_LIMITS.fileBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > FOLDER_LIMITS.fileBytes) return { problem: fileProblem(file.relative, tooLarge(length)) };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { problem: fileProblem(file.relative, 'is not UTF-8 text (binary, or saved in another encoding): save it as UTF-8') };
    }
  } catch (error) {
    return { problem: fileProblem(file.relative, `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** What the watcher compares between polls: every file found and every refusal. */
export function walkSignature(walk: FolderWalk): string {
  const parts = walk.files.map((f) => `${f.relative}:${f.size}:${f.mtimeMs}:${f.ino}`);
  for (const d of walk.diagnostics) parts.push(`!${d.file}:${d.message}`);
  return parts.join('|');
}

async function listFolder(root: string, relative: string, refuse: (relative: string, message: string) => void): Promise<string[]> {
  const names: string[] = [];
  try {
    // opendir streams the names: a folder of a million entries is stopped at the limit, not read whole.
    const folder = await opendir(path.join(root, relative));
    for await (const entry of folder as AsyncIterable<Dirent>) {
      names.push(entry.name);
      if (names.length > FOLDER_LIMITS.entries) break; // the caller reports the limit
    }
  } catch (error) {
    refuse(relative || '.', `could not be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return names.sort();
}

async function linkProblem(root: string, relative: string): Promise<string> {
  // realpath only reads links (lstat/readlink); it never opens the target, so it cannot block.
  const target = await realpath(path.join(root, relative)).catch(() => undefined);
  if (target === undefined || !isInside(root, target)) {
    return 'is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself';
  }
  return 'is a link to another place in the knowledge folder: Hotline does not follow links — replace it with the file itself, or delete it';
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}

function tooLarge(size: number): string {
  return `is too large (${(size / 1e6).toFixed(1)} MB; the limit is ${FOLDER_LIMITS.fileBytes / 1e6} MB): split it into smaller files by subject`;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function fileProblem(file: string, message: string): Diagnostic {
  return problemAt(file, `file ${message}`);
}

function problemAt(file: string, message: string): Diagnostic {
  return { severity: 'error', file, line: 1, column: 1, message };
}

function bySegments(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}
