import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { gapDrafts } from '../../src/answer/gap-draft';
import { writeGapDrafts } from '../../src/cli/gap-drafts';
import { openInsight } from '../../src/insight/index';
import { loadKnowledge } from '../../src/knowledge/load';

// `npm run gaps -- --yaml`: the same skeletons as /kb gaps's draft buttons, one file per question,
// outside knowledge/, never overwriting a file a moderator started on.

const KNOWLEDGE = 'tests/cli/fixtures/knowledge';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-gap-drafts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('gap skeletons as files', () => {
  it('writes the skeletons /kb gaps offers, with ids apart from the base and from each other', async () => {
    const gaps = [{ question: 'Who picks up the Beijing end of the hotline?' }, { question: 'who picks up the beijing end of the hotline!' }];
    const out = join(dir, 'drafts');
    const result = await writeGapDrafts(gaps, { outDir: out, knowledgeDir: KNOWLEDGE });
    if ('error' in result) throw new Error(result.error);
    expect(result.written.map((f) => f.slice(out.length + 1))).toEqual(['picks-beijing-end-hotline.yaml', 'picks-beijing-end-hotline-2.yaml']);

    const loaded = await loadKnowledge(KNOWLEDGE);
    if (!loaded.ok) throw new Error('fixture invalid');
    const [first] = gapDrafts(createEngine(loaded.base), gaps);
    const text = readFileSync(result.written[0]!, 'utf8');
    expect(text).toBe(`# yaml-language-server: $schema=${relative(realpathSync(out), resolve(KNOWLEDGE, 'schema.json'))}\n${first!.skeleton}`);
    expect(text).toContain('      - "Who picks up the Beijing end of the hotline?"');

    // A second run keeps what is there.
    writeFileSync(result.written[0]!, 'started by a moderator');
    const again = await writeGapDrafts(gaps, { outDir: out, knowledgeDir: KNOWLEDGE });
    if ('error' in again) throw new Error(again.error);
    expect(again.written).toEqual([]);
    expect(again.kept).toHaveLength(2);
    expect(readFileSync(result.written[0]!, 'utf8')).toBe('started by a moderator');
  });

  it('refuses to write into the knowledge folder', async () => {
    const result = await writeGapDrafts([{ question: 'q' }], { outDir: join(KNOWLEDGE, 'drafts'), knowledgeDir: KNOWLEDGE });
    expect('error' in result && result.error).toMatch(/inside the knowledge folder/);
  });

  it('npm run gaps -- --yaml writes them from the database, answers marked 👎 included', async () => {
    const path = join(dir, 'hotline.db');
    const insight = openInsight({ path });
    insight.recordQuestion({
      at: new Date(),
      guildId: 'g',
      channelId: 'c',
      userId: 'u',
      question: 'Is there a China-India hotline?',
      status: 'unknown',
      handlingMs: 1,
      via: 'slash',
    });
    insight.recordFeedback({ at: new Date(), guildId: 'g', userId: 'v', entryId: 'hotline-1963', question: 'Who answers the hotline?', helpful: false });
    await insight.close();
    const out = join(dir, 'out');
    const r = spawnSync('npx', ['tsx', 'src/cli/gaps.ts', '--yaml', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DATABASE_PATH: path, KNOWLEDGE_DIR: KNOWLEDGE, INSIGHT_SALT: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['answers-hotline.yaml', 'china-india-hotline.yaml']);
    expect(r.stdout).toContain('2 skeletons written to');
  });
});
