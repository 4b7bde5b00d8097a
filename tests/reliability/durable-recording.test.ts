import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpProcesses, registerCommands, run, startStandIn, tempDir, TSX } from '../support/bot-process';
import { fixtureFiles } from '../support/fixture-knowledge';

// Nothing acknowledged is lost: every question whose reply reached Discord is in the database even
// when the bot is killed with SIGKILL (no chance to flush) right after the last reply.

afterEach(cleanUpProcesses);

describe('SIGKILL right after a burst of answers', () => {
  it('every answered question is in the database after the kill', async () => {
    const standIn = await startStandIn();
    registerCommands(standIn);
    const dir = await tempDir('hotline-durable-');
    const knowledge = path.join(dir, 'knowledge');
    await mkdir(knowledge);
    for (const [file, text] of Object.entries(fixtureFiles())) await writeFile(path.join(knowledge, file), text);
    const database = path.join(dir, 'data', 'hotline.db');
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      KNOWLEDGE_DIR: knowledge,
      DATABASE_PATH: database,
      INSIGHT_SALT: 'a-test-salt-of-16+chars',
      ASK_COOLDOWN_USES: '100',
      LOG_LEVEL: 'warn',
      HOME: dir,
    };
    const bot = run(TSX, ['src/main/main.ts'], env);
    await standIn.ready(30_000).catch((e) => {
      throw new Error(`${e.message}\n${bot.output()}`);
    });
    const count = 80;
    const asked = Array.from({ length: count }, (_, i) =>
      standIn.slash('ask', { question: `When was the Exampleland link agreed? #${i}` }, { user: { id: `7${String(i).padStart(17, '0')}` } }),
    );
    await standIn.waitFor(() => asked.every((a) => a.callbacks.length > 0), 20_000, 'every question to be answered');
    bot.kill('SIGKILL');
    await bot.code;
    const db = new Database(database, { readonly: true });
    try {
      const rows = db.prepare('SELECT question FROM questions').all() as Array<{ question: string }>;
      const recorded = new Set(rows.map((r) => r.question));
      const missing = asked.map((_, i) => `When was the Exampleland link agreed? #${i}`).filter((q) => !recorded.has(q));
      expect(missing).toEqual([]);
    } finally {
      db.close();
    }
  });
});
