import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, unlinkSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { shardsFlag } from '../../src/bot/sharding';
import { MODERATOR } from '../support/bot-harness';
import { cleanUpProcesses, registerCommands, run, startStandIn, tempDir, TSX, type Run } from '../support/bot-process';
import { checkoutFor, NOBODY } from '../support/other-user';
import type { DiscordStandIn, StandInOptions } from '../support/discord-stand-in';
import { fixtureFiles } from '../support/fixture-knowledge';

// The bot as a process, configured by environment variables only, against the stand-in: fatal
// gateway closes exit 1 with one clear message; SIGTERM with 50 interactions in flight answers all
// of them, then exits 0; the database made read-only and deleted under a bot running as an
// unprivileged user; and `--shards` running one process per shard through ShardingManager.

afterEach(cleanUpProcesses);

let standIn: DiscordStandIn | undefined;
let dir: string | undefined;

async function setup(options: StandInOptions = {}, owner?: number) {
  standIn = await startStandIn(options);
  registerCommands(standIn);
  dir = await tempDir('hotline-relproc-');
  const knowledge = path.join(dir, 'knowledge');
  await mkdir(knowledge);
  await mkdir(path.join(dir, 'data'));
  for (const [file, text] of Object.entries(fixtureFiles())) await writeFile(path.join(knowledge, file), text);
  if (owner !== undefined)
    for (const p of [dir, knowledge, path.join(dir, 'data'), ...Object.keys(fixtureFiles()).map((f) => path.join(knowledge, f))]) chownSync(p, owner, owner);
  return {
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    KNOWLEDGE_DIR: knowledge,
    DATABASE_PATH: path.join(dir, 'data', 'hotline.db'),
    INSIGHT_SALT: 'a-test-salt-of-16+chars',
    LOG_LEVEL: 'info',
    HOME: dir,
  };
}

async function ready(bot: Run, timeoutMs = 30_000) {
  await standIn!.ready(timeoutMs).catch((e) => {
    throw new Error(`${e.message}\n${bot.output()}`);
  });
}

const noStackTrace = /\n\s+at /;

describe('fatal gateway closes end to end', () => {
  for (const [code, expected] of [
    [4004, 'DISCORD_TOKEN was rejected'],
    [4013, 'invalid intents'],
  ] as const) {
    it(`close ${code} on IDENTIFY: \`npm start\` prints one clear message and exits 1`, async () => {
      const env = await setup(code === 4004 ? { rejectIdentify: true } : { identifyCloseCode: code });
      const bot = run('npm', ['start'], env);
      expect(await bot.code).toBe(1);
      expect(bot.stderr()).toContain(expected);
      expect(bot.stderr()).toContain(String(code));
      expect(bot.stderr()).toContain('.env.example');
      expect(bot.stderr()).not.toMatch(noStackTrace);
      expect(bot.output()).not.toContain(standIn!.token);
    });
  }
});

describe('graceful shutdown under load', () => {
  it('SIGTERM while 50 interactions are in flight: all 50 answered, then exit 0', async () => {
    const env = await setup();
    const bot = run(TSX, ['src/main/main.ts'], { ...env, ASK_COOLDOWN_USES: '100' });
    await ready(bot);
    // Discord is slow to take the replies, so all 50 are still in flight when the signal arrives.
    standIn!.restLatency = (method, p) => (method === 'POST' && p.endsWith('/callback') ? 1000 : 0);
    const questions = ['When was the Exampleland link agreed?', 'How often were the test talks held?', 'When was the Exampleland link first tested?'];
    const interactions = Array.from({ length: 50 }, (_, i) =>
      standIn!.slash('ask', { question: questions[i % 3]! }, { user: { id: `9${String(i).padStart(17, '0')}` } }),
    );
    const callbackPosts = () => standIn!.requests.filter((r) => r.path.endsWith('/callback')).length;
    await standIn!.waitFor(() => callbackPosts() >= 50, 15_000, 'the bot to be answering all 50');
    expect(interactions.every((i) => i.callbacks.length === 0)).toBe(true); // none delivered yet
    bot.kill('SIGTERM');
    // One more arrives while the bot drains: it is told, privately, to ask again shortly.
    await standIn!.waitFor(() => bot.output().includes('shutting down'), 10_000, 'the bot to start shutting down');
    // Its reply is slower still, so it is in flight after the 50 have finished.
    let lateId = '';
    standIn!.restLatency = (method, p) => (method === 'POST' && p.endsWith('/callback') ? (p.includes(lateId) && lateId ? 1500 : 1000) : 0);
    const late = standIn!.slash('ask', { question: questions[0]! }, { user: { id: '990000000000000099' } });
    lateId = late.id;
    expect(await bot.code).toBe(0);
    expect(late.callbacks[0]?.data.content).toContain('Hotline is restarting');
    expect(late.callbacks[0]?.data.flags & 64).toBe(64);
    for (const [i, interaction] of interactions.entries()) {
      expect(interaction.callbacks).toHaveLength(1);
      expect(interaction.callbacks[0]!.type).toBe(4);
      expect(interaction.callbacks[0]!.data.embeds[0].description).toContain(['spring of 2001', 'every year from 2003', 'first test call in 2002'][i % 3]);
      expect(interaction.rejections).toEqual([]);
    }
    expect(bot.output()).toContain('shut down cleanly');
  });
});

describe('the database made read-only, then deleted, under a bot run by an unprivileged user', () => {
  it('answers continue; reports say the database is unavailable; recording resumes once it is writable', async (ctx) => {
    const checkout = await checkoutFor(NOBODY);
    if ('skip' in checkout) return ctx.skip(checkout.skip);
    ctx.onTestFinished(() => checkout.cleanup());
    const env = await setup({}, NOBODY);
    const data = path.dirname(env.DATABASE_PATH);
    const bot = run(path.join(checkout.root, 'node_modules/.bin/tsx'), ['src/main/main.ts'], env, NOBODY, checkout.root);
    await ready(bot);
    let asker = 0;
    const ask = async (question: string) => {
      const reply = await standIn!.slash('ask', { question }, { user: { id: `31000000000000003${asker++}` } }).response(10_000);
      expect(reply.embeds[0].description).toContain('nothing in my knowledge base');
    };
    const gapsText = async () => {
      const reply = await standIn!.slash('kb gaps', { days: 1 }, MODERATOR).response(10_000);
      return `${reply.content}\n${JSON.stringify(reply.embeds)}`;
    };
    // A question is recorded just after its reply is sent: look again until it shows.
    const gapsShowing = async (...wanted: string[]) => {
      let text = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        text = await gapsText();
        if (wanted.every((w) => text.includes(w))) return text;
        await new Promise((r) => setTimeout(r, 100));
      }
      return text;
    };
    await ask('pizza recipes while writable');
    expect(await gapsShowing('pizza recipes while writable')).toContain('pizza recipes while writable');

    // Read-only: the folder and the files. The open connection keeps working, and so does the bot.
    chmodSync(data, 0o555);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(env.DATABASE_PATH + suffix)) chmodSync(env.DATABASE_PATH + suffix, 0o444);
    await ask('opera tickets while read-only');

    // Deleted while the folder is read-only: it cannot be created again.
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(env.DATABASE_PATH + suffix)) unlinkSync(env.DATABASE_PATH + suffix);
    await ask('garden furniture after the deletion');
    await ask('bicycle repairs after the deletion');
    expect(await gapsText()).toContain('insight database is unavailable');
    expect(existsSync(env.DATABASE_PATH)).toBe(false);

    // Writable again: a report retries at once, writes the queued questions, and shows them.
    chmodSync(data, 0o755);
    await ask('chess openings once writable');
    const gaps = await gapsShowing('garden furniture after the deletion', 'bicycle repairs after the deletion', 'chess openings once writable');
    for (const q of ['garden furniture after the deletion', 'bicycle repairs after the deletion', 'chess openings once writable']) expect(gaps).toContain(q);
    expect(bot.output()).toContain('insight database unavailable');
    expect(bot.output()).not.toContain('"level":60'); // nothing fatal

    bot.kill('SIGTERM');
    expect(await bot.code).toBe(0);
  });
});

describe('sharding', () => {
  it('parses --shards', () => {
    expect(shardsFlag([])).toBeUndefined();
    expect(shardsFlag(['--shards', 'auto'])).toBe('auto');
    expect(shardsFlag(['--shards', '3'])).toBe(3);
    expect(shardsFlag(['--shards=2'])).toBe(2);
    for (const bad of [['--shards'], ['--shards', '0'], ['--shards', 'two'], ['--shards=-1']])
      expect(() => shardsFlag(bad)).toThrow(/--shards must be "auto" or a whole number/);
  });

  it('`--shards auto` with a stand-in asking for 2: one process per shard, each identifies with [i, 2] and answers on its own connection; SQLite shared; a killed shard restarted alone; group SIGTERM drains both', async () => {
    const env = await setup({ shards: 2, maxConcurrency: 16 });
    // As the systemd unit in the deployment notes runs it: node itself, no tsx wrapper process.
    const bot = run(process.execPath, ['--import', 'tsx', 'src/main/main.ts', '--shards', 'auto'], env);
    await ready(bot, 60_000);
    expect(standIn!.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const shard of [0, 1]) {
      const guildId = standIn!.guildOnShard(shard);
      const reply = await standIn!
        .slash('ask', { question: `pizza recipes from shard ${shard}` }, { guildId, user: { id: `31000000000000003${shard}` } })
        .response(10_000);
      expect(reply.embeds[0].description).toContain('nothing in my knowledge base');
      const known = await standIn!
        .slash('ask', { question: 'When was the Exampleland link agreed?' }, { guildId, user: { id: `32000000000000003${shard}` } })
        .response(10_000);
      expect(known.embeds[0].description).toContain('spring of 2001');
    }
    expect(bot.output()).toContain('every shard is online');

    // Both shard processes write to the one database, in WAL mode.
    const recorded = () => {
      const db = new Database(env.DATABASE_PATH, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        return (db.prepare('SELECT question FROM questions').all() as Array<{ question: string }>).map((r) => r.question);
      } finally {
        db.close();
      }
    };
    await standIn!.waitFor(
      () => ['pizza recipes from shard 0', 'pizza recipes from shard 1'].every((q) => recorded().includes(q)),
      10_000,
      'both shards to record their question',
    );

    // A shard process killed outright: the manager starts it again; the other shard keeps its session.
    const shardPids = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(bot.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('main.ts')) // not the esbuild service tsx starts
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(shardPids).toHaveLength(2);
    process.kill(shardPids[0]!, 'SIGKILL');
    await standIn!.waitFor(() => standIn!.identifies.length === 3, 30_000, 'the killed shard to identify again');
    await ready(bot);
    const reidentified = standIn!.identifies[2].shard;
    expect(reidentified[1]).toBe(2);
    expect(standIn!.identifies.slice(0, 2).map((d) => d.shard)).toContainEqual(reidentified);
    for (const shard of [0, 1]) {
      const again = await standIn!
        .slash(
          'ask',
          { question: 'When was the Exampleland link agreed?' },
          { guildId: standIn!.guildOnShard(shard), user: { id: `34000000000000003${shard}` } },
        )
        .response(10_000);
      expect(again.embeds[0].description).toContain('spring of 2001');
    }
    expect(bot.output()).toContain('a shard died; starting it again');

    // SIGTERM to the whole process group (what systemd does by default, and Ctrl-C in a terminal)
    // while each shard has an interaction in flight: both answered, then exit 0.
    standIn!.restLatency = (method, p) => (method === 'POST' && p.endsWith('/callback') ? 800 : 0);
    const inFlight = [0, 1].map((shard) =>
      standIn!.slash(
        'ask',
        { question: 'How often were the test talks held?' },
        { guildId: standIn!.guildOnShard(shard), user: { id: `33000000000000003${shard}` } },
      ),
    );
    const callbackPosts = () => standIn!.requests.filter((r) => r.path.endsWith('/callback')).length;
    const posted = callbackPosts();
    await standIn!.waitFor(() => callbackPosts() >= posted + 2, 10_000, 'both shards to be answering');
    process.kill(-bot.pid, 'SIGTERM');
    expect(await bot.code, bot.output()).toBe(0);
    for (const interaction of inFlight) expect(interaction.callbacks[0]?.data.embeds[0].description).toContain('every year from 2003');
    expect(bot.output()).toContain('all shards shut down cleanly');
    expect(bot.output()).not.toContain(standIn!.token);

    expect(recorded().length).toBeGreaterThanOrEqual(8); // and kept writing after the restart
  });

  it('`--shards 2` with a token the gateway rejects: the shard’s clear message, and the manager exits 1', async () => {
    const env = await setup({ shards: 2, maxConcurrency: 16, rejectIdentify: true });
    const bot = run(TSX, ['src/main/main.ts', '--shards', '2'], env);
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN was rejected');
    expect(bot.output()).not.toContain(standIn!.token);
  });
});
