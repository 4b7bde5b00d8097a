import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index';
import { cleanUpProcesses, registerCommands, run, startStandIn, tempDir, TSX } from '../support/bot-process';
import type { DiscordStandIn, StandInOptions } from '../support/discord-stand-in';
import { fixtureFiles } from '../support/fixture-knowledge';

// `npm start` and `npm run deploy` as a person runs them: child processes configured by
// environment variables only, against the Discord stand-in.

afterEach(cleanUpProcesses);

let standIn: DiscordStandIn | undefined;
let dir: string | undefined;

async function setup(options: StandInOptions = {}) {
  standIn = await startStandIn(options);
  dir = await tempDir('hotline-proc-');
  for (const [file, text] of Object.entries(fixtureFiles())) await writeFile(path.join(dir, file), text);
  return {
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    KNOWLEDGE_DIR: dir,
    DATABASE_PATH: path.join(dir, 'data', 'hotline.db'),
    LOG_LEVEL: 'info',
  };
}

describe('npm start', () => {
  it('answers /ask with only environment variables', async () => {
    const env = await setup();
    registerCommands(standIn!);
    const bot = run('npm', ['start'], env);
    await standIn!.ready(20_000).catch((e) => {
      throw new Error(`${e.message}\nstdout: ${bot.stdout()}\nstderr: ${bot.stderr()}`);
    });
    const reply = await standIn!.slash('ask', { question: 'When was the Exampleland link agreed?' }).response(10_000);
    expect(reply.embeds[0].description).toContain('spring of 2001');
    expect(reply.embeds[0].fields.find((f: any) => f.name === 'Sources').value).toContain('[1]');
    expect(bot.stdout()).toContain('Hotline is online');
    expect(bot.stdout() + bot.stderr()).not.toContain(standIn!.token);
  }, 30_000);

  it('shuts down on SIGTERM: finishes the interaction in flight, then exits 0', async () => {
    const env = await setup();
    registerCommands(standIn!);
    // npm itself exits at once on SIGTERM without waiting for its script, so a process manager should
    // run the script directly; this is the command behind `npm start`.
    const script = (await import('../../package.json', { with: { type: 'json' } })).default.scripts.start.split(' ');
    expect(script[0]).toBe('tsx');
    const bot = run(TSX, script.slice(1), env);
    await standIn!.ready(20_000);
    // The answer to this /ask is still on its way (Discord is slow to take it) when the signal arrives.
    standIn!.faults.push({ match: (method, p) => method === 'POST' && p.endsWith('/callback'), status: 204, delayMs: 800 });
    const ask = standIn!.slash('ask', { question: 'When was the Exampleland link agreed?' });
    await standIn!.waitFor(() => standIn!.requests.some((r) => r.path.endsWith(`${ask.id}/${ask.token}/callback`)));
    bot.kill('SIGTERM');
    const exited = bot.code.then((code) => ({ code, at: Date.now() }));
    await standIn!.waitFor(() => standIn!.requests.some((r) => r.path.endsWith('/callback') && r.status === 204), 5000);
    const answeredAt = Date.now();
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at).toBeGreaterThanOrEqual(answeredAt);
    const out = bot.stdout();
    expect(out).toContain('shut down cleanly');
    expect(out).not.toContain(standIn!.token);
  }, 30_000);

  it('names a missing setting, points at .env.example and npm run ask, and exits 1', async () => {
    const env = await setup();
    const bot = run('npm', ['start'], { ...env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: 'abc' });
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN is missing');
    expect(bot.stderr()).toContain('DISCORD_CLIENT_ID must be a Discord id');
    expect(bot.stderr()).toContain('.env.example');
    expect(bot.stderr()).toContain('npm run ask');
    expect(bot.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);

  it('explains a token rejected by the gateway (close 4004) and exits 1', async () => {
    const env = await setup({ rejectIdentify: true });
    const bot = run('npm', ['start'], env);
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toContain('DISCORD_TOKEN was rejected');
    expect(bot.stderr()).toContain('4004');
    expect(bot.stderr()).toContain('.env.example');
    expect(bot.stdout() + bot.stderr()).not.toContain(standIn!.token);
  }, 30_000);

  it('refuses to start on invalid knowledge, pointing at the file and line, exit 1', async () => {
    const env = await setup();
    await writeFile(path.join(dir!, 'facts.yaml'), 'facts: [');
    const bot = run('npm', ['start'], env);
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toMatch(/Hotline cannot start: .*\n.*facts\.yaml:\d+:\d+: error/);
    expect(bot.stderr()).toContain('npm run kb:check');
  }, 30_000);
});

describe('npm run deploy', () => {
  it('registers every command of the registry in one guild', async () => {
    const env = await setup();
    const deploy = run('npm', ['run', 'deploy', '--', '--guild', standIn!.guildId], env);
    expect(await deploy.code).toBe(0);
    const put = standIn!.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/api/v10/applications/${standIn!.applicationId}/guilds/${standIn!.guildId}/commands`);
    const names = (standIn!.commands.get(standIn!.guildId) ?? []).map((c) => c.name).sort();
    expect(names).toEqual(
      commandDefinitions()
        .map((c) => c.name)
        .sort(),
    );
    expect(deploy.stdout()).toContain(`Registered ${names.length} commands`);
  }, 30_000);
});
