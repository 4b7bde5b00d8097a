import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANAGE_GUILD } from '../support/discord-stand-in';
import { MODERATOR } from '../support/bot-harness';
import { FACTS } from '../support/fixture-knowledge';
import { ASKER, startBot, type ReliabilityHarness } from './harness';

// Security promises, checked against the running bot: moderator commands are refused at run time
// to members without Manage Server (the stand-in, like a server that overrode the command's
// default permissions, dispatches them anyway); the token never reaches a log line over a full
// session with its error paths; .env is git-ignored.

const ROOT = path.resolve(__dirname, '../..');
let h: ReliabilityHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ADMINISTRATOR = 1n << 3n;
const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_MESSAGES = 1n << 13n;
const MANAGE_ROLES = 1n << 28n;
const BAN_MEMBERS = 1n << 2n;

const NEW_FACT = `  - id: link-upgraded
    text: The Exampleland link was upgraded to a video line in 2005.
    date: 2005
    topics: [exampleland-link]
    sources: [example-gazette]
`;

describe('moderator commands at run time', () => {
  it('are refused to members without Manage Server, whatever else they hold, and do nothing', async () => {
    h = await startBot({ pollMs: 3_600_000 });
    const version = h.app.store.current.base.version;
    await h.write('facts.yaml', FACTS + NEW_FACT); // a pending edit a refused reload must not load
    const nonModerators = [0n, MANAGE_CHANNELS | MANAGE_MESSAGES | MANAGE_ROLES | BAN_MEMBERS];
    for (const permissions of nonModerators) {
      for (const sub of ['reload', 'check', 'stats', 'gaps', 'feedback']) {
        const interaction = h.standIn.slash(`kb ${sub}`, {}, { user: { id: '300000000000000003' }, permissions });
        const callback = await interaction.callback();
        expect(callback.type).toBe(4);
        expect(callback.data.flags & 64).toBe(64);
        expect(callback.data.content).toContain('This command is for moderators');
        expect(callback.data.embeds ?? []).toEqual([]);
      }
    }
    expect(h.app.store.current.base.version).toBe(version);
    expect(h.logs.records().filter((r) => r.msg === 'moderator command refused')).toHaveLength(10);

    // Outside a server (a DM), nobody is a moderator.
    const dm = await h.standIn.slash('kb reload', {}, { user: { id: '300000000000000003' }, permissions: MANAGE_GUILD, guildId: null }).callback();
    expect(dm.data.content).toContain('This command is for moderators');
    expect(h.app.store.current.base.version).toBe(version);
  });

  it('are allowed to Manage Server and to Administrator', async () => {
    h = await startBot({ pollMs: 3_600_000 });
    const version = h.app.store.current.base.version;
    await h.write('facts.yaml', FACTS + NEW_FACT);
    const admin = await h.standIn.slash('kb stats', {}, { user: { id: '300000000000000009' }, permissions: ADMINISTRATOR }).response();
    expect(admin.embeds.length).toBeGreaterThan(0);
    const reload = await h.standIn.slash('kb reload', {}, MODERATOR).response();
    expect(reload.embeds[0].title).not.toBe('Reload refused');
    expect(h.app.store.current.base.version).not.toBe(version);
  });
});

describe('text from knowledge files never pings', () => {
  it('a file named with mentions, holding mentions: the refused reload and the moderators-channel post ping nobody', async () => {
    h = await startBot({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    // A backtick in the name tries to end the code span the errors are shown in.
    const name = '@everyone ` <@&123456789012345678> @here.yaml';
    await h.write(name, 'facts:\n  - id: "@everyone"\n    text: <@123456789012345678> @here [x](https://evil.example)\n');
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 0, 5000, 'a post to the moderators channel');
    const post = h.standIn.channelMessages[0]!;
    const reload = h.standIn.slash('kb reload', {}, MODERATOR);
    const reply = await reload.response();
    expect(reply.embeds[0].title).toBe('Reload refused');
    const edit = reload.edits[0]?.body ?? reload.callbacks[0]!.data;
    for (const [message, sent] of [
      [post, post],
      [reply, edit],
    ] as const) {
      expect(sent.allowed_mentions).toEqual({ parse: [] });
      // Discord shows mentions inside code spans as plain text; outside them there must be none.
      const text = message.embeds.map((e: any) => [e.title, e.description, ...(e.fields ?? []).map((f: any) => `${f.name}\n${f.value}`)].join('\n')).join('\n');
      expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>/);
      expect(text).toContain('@everyone'); // it is shown, as typed, inside a code span
    }
  });
});

describe('the token never reaches a log line', () => {
  // Shaped like a real token (base64 id . timestamp . HMAC) and easy to spot.
  const appId = '123456789012345678';
  const TOKEN = `${Buffer.from(appId).toString('base64')}.GhOtLn.SECRET_fake-token-for-log-scan_0123456789`;
  const needles = [
    TOKEN,
    ...TOKEN.split('.'),
    Buffer.from(TOKEN).toString('base64'),
    Buffer.from(TOKEN).toString('base64url'),
    Buffer.from(`Bot ${TOKEN}`).toString('base64'),
    encodeURIComponent(TOKEN),
  ];

  it('over a full session: start, commands, error paths, resume, invalid knowledge, shutdown', async () => {
    const captured: string[] = [];
    let structured: string[] = [];
    const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    const tap = (original: typeof process.stdout.write) =>
      ((chunk: any, ...rest: any[]) => {
        captured.push(String(chunk));
        return original(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = tap(originals.out);
    process.stderr.write = tap(originals.err);
    try {
      h = await startBot({ standIn: { token: TOKEN, applicationId: appId }, logLevel: 'trace', env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
      const s = h.standIn;
      structured = h.logs.lines;
      await s.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response();
      await s.autocomplete('ask', { question: 'ex' }, 'question', ASKER).callback();
      await s.slash('about', {}, ASKER).response();
      await s.slash('kb stats', {}, MODERATOR).response();
      await s.slash('kb reload', {}, ASKER).callback(); // refused
      // Error paths: a failing callback, a failing post with the bot token, a resume (which sends the token).
      s.faults.push({ match: (m, p) => p.includes('/callback'), status: 500, times: 1000 });
      const failed = s.slash('ask', { question: 'telephone link' }, ASKER);
      await s.waitFor(() => h!.logs.records().some((r) => r.interaction === failed.id && r.msg === 'interaction handler failed'), 10_000);
      s.faults.length = 0;
      s.faults.push({ match: (m, p) => p.includes('/channels/'), status: 401, body: { message: '401: Unauthorized', code: 0 }, times: 5 });
      await h.app.bot.postToModerators('test', 'a post that fails');
      s.closeGateway(4000);
      await s.slash('ask', { question: 'telephone link' }, ASKER).response(10_000);
      await h.write('facts.yaml', 'facts: [ broken');
      await s.waitFor(() => h!.logs.records().some((r) => r.msg?.includes('knowledge edit is invalid')), 5000);
      await h.close();
      h = undefined;
    } finally {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    }
    // The memory destination holds every structured line; the taps hold anything printed directly.
    const all = `${captured.join('')}\n${structured.join('')}`;
    expect(all).toContain('"msg":"Hotline is online"');
    expect(all).toContain('interaction handler failed');
    expect(all).toContain('gateway resumed');
    for (const needle of needles) expect(all, `log output contains ${needle}`).not.toContain(needle);
  });
});

describe('logs hold no secrets and no raw identities', () => {
  it('a failing reply: no interaction token, no question text, no raw user id at info level; the user appears pseudonymously', async () => {
    h = await startBot({ logLevel: 'info' });
    const s = h.standIn;
    // Both ways a reply can fail: the callback (slash reply) and the webhook edit of a deferred one.
    s.faults.push({ match: (m, p) => p.includes('/callback') || p.includes('/webhooks/'), status: 500, times: 1000 });
    const question = 'When was the Exampleland link agreed? zebra-marker-7731';
    const failed = s.slash('ask', { question }, ASKER);
    await s.waitFor(() => h!.logs.records().some((r) => r.interaction === failed.id && r.msg === 'interaction handler failed'), 10_000);
    s.faults.length = 0;
    const all = h.logs.lines.join('');
    const token = failed.payload.token as string;
    expect(token.length).toBeGreaterThan(8);
    expect(all).not.toContain(token);
    expect(all).toContain('[redacted]'); // the URL of the failed call is still logged, without its token
    expect(all).not.toContain('zebra-marker-7731');
    expect(all).not.toContain(ASKER.user.id);
    const lines = h.logs.records().filter((r) => r.interaction === failed.id);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((r) => typeof r.user === 'string' && /^[0-9a-f]{32}$/.test(r.user))).toBe(true);
  });
});

describe('repository hygiene', () => {
  it('.env is git-ignored and .env.example is not', () => {
    expect(spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: ROOT }).status).toBe(0);
    expect(spawnSync('git', ['check-ignore', '-q', '.env.example'], { cwd: ROOT }).status).toBe(1);
    expect(execFileSync('git', ['ls-files', '.env'], { cwd: ROOT, encoding: 'utf8' })).toBe('');
  });
});
