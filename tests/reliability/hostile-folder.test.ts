import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODERATOR } from '../support/bot-harness';
import { cleanUpProcesses, ROOT, run, startStandIn } from '../support/bot-process';
import { NEW_FACT_FILE, fixtureFiles } from '../support/fixture-knowledge';
import { ASKER, startBot, watchCrashes, type ReliabilityHarness } from './harness';

// Special files and folder links in knowledge/ (attack report F1, F3): a FIFO named *.yaml, a link
// to /, two links to the folder itself. Each is refused by name, quickly, by kb:check, by /kb reload
// and by the watcher of a running bot, which keeps answering, keeps loading later edits once the
// thing is gone, and still shuts down. Before the shared bounded walk, the FIFO hung every one of
// these for good (SIGTERM included), the link to / sent the watcher over the whole filesystem, and
// the two self-links crashed kb:check and left /kb reload unanswered.

let h: ReliabilityHarness | undefined;
const dirs: string[] = [];
const fifos: string[] = [];
afterEach(async () => {
  // Should a reader be stuck in open() on a FIFO (the failure under test), give it a writer so it can go.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting
    }
  }
  await h?.close();
  h = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  await cleanUpProcesses();
});

async function fixtureFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hotline-hostile-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(fixtureFiles())) await writeFile(path.join(dir, file), text);
  return dir;
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
  fifos.push(file);
}

/** `kb:check` as a process, killed outright (it used to ignore SIGTERM) if it runs past the limit. */
function kbCheck(dir: string, timeoutMs = 20_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}`, ms: Date.now() - started };
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms))]);

const nextEvent = (h: ReliabilityHarness, event: 'invalid' | 'reload') =>
  new Promise<any>((resolve) => {
    const off = h.app.store.on(event, (payload: unknown) => {
      off();
      resolve(payload);
    });
  });

describe('a FIFO named pipe.yaml in the knowledge folder (F1)', () => {
  it('kb:check refuses it by name at once and exits 1', async () => {
    const dir = await fixtureFolder();
    mkfifo(path.join(dir, 'pipe.yaml'));
    const r = kbCheck(dir);
    expect(r.signal, `killed after ${r.ms} ms: ${r.out}`).toBeNull();
    expect(r.status).toBe(1);
    expect(r.out).toContain('pipe.yaml:1:1: error: file is a named pipe (FIFO), not a regular file');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('a running bot: /kb reload and /kb check answer, naming it; the watcher reports it; answers go on; the next edit loads once it is gone; shutdown completes', async () => {
    h = await startBot({ pollMs: 100, env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    const crashes = watchCrashes();
    try {
      const good = h.app.store.current.base.version;
      const invalid = nextEvent(h, 'invalid');
      mkfifo(path.join(h.dir, 'pipe.yaml'));
      const outcome = await within(invalid, 10_000, 'the watcher to report the FIFO');
      expect(outcome.errors.map((d: any) => `${d.file}: ${d.message}`).join('\n')).toContain('pipe.yaml: file is a named pipe (FIFO)');
      await h.standIn.waitFor(() => h!.standIn.channelMessages.some((m) => JSON.stringify(m).includes('pipe.yaml')), 5000, 'the moderators to be told');

      for (const command of ['kb reload', 'kb check']) {
        const reply = await h.standIn.slash(command, {}, MODERATOR).response(10_000);
        expect(JSON.stringify(reply.embeds)).toContain('pipe.yaml');
        expect(JSON.stringify(reply.embeds)).toContain('named pipe');
      }
      const answer = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response();
      expect(answer.embeds[0].description).toContain('spring of 2001');
      expect(h.app.store.current.base.version).toBe(good);

      await unlink(path.join(h.dir, 'pipe.yaml'));
      await h.write('addition.yaml', NEW_FACT_FILE);
      await h.standIn.waitFor(() => h!.app.store.current.base.byId.has('link-upgraded'), 10_000, 'the next edit to be loaded');

      mkfifo(path.join(h.dir, 'pipe.yaml'));
      await within(h.app.store.reload(), 10_000, 'a reload with the FIFO back');
      await within(h.app.stop(), 10_000, 'shutdown');
      expect(crashes.problems).toEqual([]);
    } finally {
      crashes.stop();
    }
  });

  it('present at start-up: the bot says which file and exits 1, without connecting', async () => {
    const standIn = await startStandIn();
    const dir = await fixtureFolder();
    mkfifo(path.join(dir, 'pipe.yaml'));
    const home = await mkdtemp(path.join(tmpdir(), 'hotline-home-'));
    dirs.push(home);
    const env = {
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      KNOWLEDGE_DIR: dir,
      DATABASE_PATH: path.join(home, 'hotline.db'),
      INSIGHT_SALT: 'a-test-salt-of-16+chars',
      HOME: home,
    };
    const bot = run(process.execPath, ['--import', 'tsx', 'src/main/main.ts'], env);
    const code = await within(bot.code, 20_000, 'the bot to exit').catch((e) => e.message);
    expect(code, bot.output()).toBe(1);
    expect(bot.stderr()).toContain('Hotline cannot start');
    expect(bot.stderr()).toContain('pipe.yaml:1:1: error: file is a named pipe (FIFO)');
    expect(standIn.identifies).toHaveLength(0);
  });
});

describe('links to folders inside the knowledge folder (F3)', () => {
  it('a link to /: the watcher refuses it by name without walking the filesystem, and loads the next edit once it is gone', async () => {
    h = await startBot({ pollMs: 100 });
    const invalid = nextEvent(h, 'invalid');
    await symlink('/', path.join(h.dir, 'root'));
    await h.write('addition.yaml', NEW_FACT_FILE);
    const outcome = await within(invalid, 5000, 'the watcher to report the link');
    expect(outcome.errors.map((d: any) => `${d.file}: ${d.message}`)).toEqual([
      'root: file is a link to a place outside the knowledge folder (or to nothing): replace it with the file itself',
    ]);
    expect(h.app.store.current.base.byId.has('link-upgraded')).toBe(false);

    await unlink(path.join(h.dir, 'root'));
    await h.standIn.waitFor(() => h!.app.store.current.base.byId.has('link-upgraded'), 5000, 'the edit to be loaded once the link is gone');
  });

  it('two links to the folder itself: /kb reload answers, naming both; kb:check exits 1 at once without a stack trace', async () => {
    h = await startBot({ pollMs: 3_600_000 });
    await symlink('.', path.join(h.dir, 'a'));
    await symlink('.', path.join(h.dir, 'b'));
    const reply = await h.standIn.slash('kb reload', {}, MODERATOR).response(10_000);
    expect(reply.embeds[0].title).toBe('Reload refused');
    const text = JSON.stringify(reply.embeds);
    for (const link of ['a:1:1', 'b:1:1']) expect(text).toContain(link);
    expect(text).toContain('does not follow links');

    const r = kbCheck(h.dir);
    expect(r.signal, `killed after ${r.ms} ms: ${r.out}`).toBeNull();
    expect(r.status).toBe(1);
    expect(r.out).toContain('/a:1:1: error: file is a link to another place in the knowledge folder');
    expect(r.out).toContain('/b:1:1: error: file is a link to another place in the knowledge folder');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('a link to a folder inside, a deep chain of folders and a socket: each refused by name', async () => {
    const dir = await fixtureFolder();
    await mkdir(path.join(dir, 'sub'));
    await symlink('sub', path.join(dir, 'again'));
    await mkdir(path.join(dir, 'd1/d2/d3/d4/d5/d6/d7/d8/d9'), { recursive: true });
    await writeFile(path.join(dir, 'd1/d2/d3/d4/d5/d6/d7/d8/d9/deep.yaml'), NEW_FACT_FILE);
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(dir, 'sock.yaml'), resolve));
    const r = kbCheck(dir);
    socket.close();
    expect(r.status).toBe(1);
    expect(r.out).toContain('/again:1:1: error: file is a link to another place in the knowledge folder');
    expect(r.out).toContain('/d1/d2/d3/d4/d5/d6/d7/d8/d9:1:1: error: folder is nested too deeply (more than 8 folders inside each other)');
    expect(r.out).toContain('/sock.yaml:1:1: error: file is a socket, not a regular file');
  });
});
