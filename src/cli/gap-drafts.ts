import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine } from '../answer/engine';
import { gapDrafts } from '../answer/gap-draft';
import { loadKnowledge } from '../knowledge/load';

// `npm run gaps -- --yaml [--out drafts]`: the skeletons /kb gaps's "draft an entry" buttons open,
// one file per question, for moderators who work in files. They go to a folder outside knowledge/:
// a skeleton is not valid until filled in, and the bot would refuse it there.

export type GapQuestion = { question: string; examples?: readonly string[] };

async function resolved(dir: string): Promise<string> {
  return realpath(dir).catch(() => path.resolve(dir));
}

/** Writes the skeletons; never overwrites a file (a moderator may have started on it). */
export async function writeGapDrafts(
  gaps: readonly GapQuestion[],
  options: { outDir: string; knowledgeDir: string },
): Promise<{ written: string[]; kept: string[] } | { error: string }> {
  const out = await resolved(options.outDir);
  const knowledge = await resolved(options.knowledgeDir);
  const relative = path.relative(knowledge, out);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    return {
      error: `--out ${options.outDir} is inside the knowledge folder: unfinished skeletons there would be refused by the bot. Choose a folder outside it (default: drafts).`,
    };
  }
  const loaded = await loadKnowledge(options.knowledgeDir);
  if (!loaded.ok) return { error: `The knowledge in ${options.knowledgeDir} is invalid (run npm run kb:check); skeletons need it to suggest ids and topics.` };
  const drafts = gapDrafts(createEngine(loaded.base), gaps);
  await mkdir(out, { recursive: true });
  const schema = path.relative(out, path.join(knowledge, 'schema.json')).split(path.sep).join('/');
  const written: string[] = [];
  const kept: string[] = [];
  for (const draft of drafts) {
    const file = path.join(options.outDir, `${draft.id}.yaml`);
    try {
      await writeFile(file, `# yaml-language-server: $schema=${schema}\n${draft.skeleton}`, { flag: 'wx' });
      written.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      kept.push(file);
    }
  }
  return { written, kept };
}
