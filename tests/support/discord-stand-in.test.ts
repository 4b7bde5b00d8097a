import { Client, GatewayIntentBits, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordStandIn } from './discord-stand-in';

// The stand-in itself, driven by a bare discord.js client: if these fail, every e2e test would.

let standIn: DiscordStandIn;
let client: Client | undefined;

const echo = new SlashCommandBuilder()
  .setName('echo')
  .setDescription('Echo')
  .addStringOption((o) => o.setName('text').setDescription('Text').setRequired(true));

async function connect(handler: (i: any) => Promise<void>): Promise<Client> {
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.apiUrl, retries: 1 },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as any,
  });
  c.on('interactionCreate', (i) => void handler(i).catch(() => undefined));
  await c.login(standIn.token);
  await standIn.ready();
  return c;
}

beforeEach(async () => {
  standIn = await new DiscordStandIn().start();
  standIn.commands.set('global', [{ ...echo.toJSON(), id: '1' } as any]);
});
afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await standIn.close();
});

describe('Discord stand-in', () => {
  it('delivers a slash command to discord.js and captures the reply', async () => {
    client = await connect(async (i) => i.reply({ content: `you said ${i.options.getString('text')}`, flags: MessageFlags.Ephemeral }));
    const interaction = standIn.slash('echo', { text: 'hi' });
    const message = await interaction.response();
    expect(message.content).toBe('you said hi');
    expect(message.flags & 64).toBe(64);
  });

  it('answers a late first acknowledgement with 10062 and a second one with 40060', async () => {
    client = await connect(async (i) => {
      await new Promise((r) => setTimeout(r, 150));
      await i.reply('one');
    });
    standIn.ackWindowMs = 100;
    const late = standIn.slash('echo', { text: 'late' });
    await standIn.waitFor(() => late.rejections.length > 0);
    expect(late.rejections[0]!.code).toBe(10062);
    standIn.ackWindowMs = 3000;
    const twice = standIn.slash('echo', { text: 'twice' });
    await twice.callback();
    // discord.js refuses a second reply itself, so acknowledge again the way a second process would.
    const again = await fetch(`${standIn.apiUrl}/v10/interactions/${twice.id}/${twice.token}/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'two' } }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);
  });

  it('resumes after close 4000 and replays an interaction dispatched while away', async () => {
    client = await connect(async (i) => i.reply('back'));
    standIn.closeGateway(4000);
    const interaction = standIn.slash('echo', { text: 'while away' });
    expect((await interaction.response()).content).toBe('back');
    expect(standIn.resumes.length).toBeGreaterThan(0);
  });

  it('refuses a wrong token', async () => {
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });
    await expect(c.login('wrong')).rejects.toThrow();
    await c.destroy();
  });

  it('serves two shards, each identifying with [i, 2], and routes a guild to its shard', async () => {
    await standIn.close();
    standIn = await new DiscordStandIn({ shards: 2 }).start();
    standIn.commands.set('global', [{ ...echo.toJSON(), id: '1' } as any]);
    const c = new Client({
      intents: [GatewayIntentBits.Guilds],
      shards: 'auto',
      rest: { api: standIn.apiUrl },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as any,
    });
    client = c;
    const seen: number[] = [];
    c.on('interactionCreate', (i: any) => {
      seen.push(i.guild?.shardId ?? c.ws.shards.first()!.id);
      void i.reply('ok');
    });
    await c.login(standIn.token);
    await standIn.ready();
    expect(standIn.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const reply = await standIn.slash('echo', { text: 'x' }).response();
    expect(reply.content).toBe('ok');
  });

  it('identifies afresh after a non-resumable close (4007) and is ready again', async () => {
    client = await connect(async (i) => i.reply('again'));
    standIn.closeGateway(4007); // invalid seq: not resumable, fresh IDENTIFY
    await standIn.waitFor(() => standIn.identifies.length === 2);
    await standIn.ready();
    expect((await standIn.slash('echo', { text: 'x' }).response()).content).toBe('again');
  });
});
