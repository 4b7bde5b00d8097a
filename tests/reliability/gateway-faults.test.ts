import { afterEach, describe, expect, it } from 'vitest';
import { FatalGatewayError } from '../../src/bot/bot';
import { ASKER, startBot, watchCrashes, type ReliabilityHarness } from './harness';

// Gateway faults, through the stand-in and the real discord.js client: a resumable break (close
// 4000, a dropped TCP connection, op 7, heartbeats no longer acknowledged) ends in a RESUME, and an
// interaction dispatched while the bot was away is replayed and answered. A fatal close (4004,
// 4010–4014) is not retried: the bot reports it as one clear message (the process test checks the
// exit code).

let h: ReliabilityHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function awayThenAsk(h: ReliabilityHarness, breakIt: () => void) {
  const identifies = h.standIn.identifies.length;
  const resumes = h.standIn.resumes.length;
  breakIt();
  // Dispatched only once the connection is gone, so it can only arrive by replay.
  await h.standIn.waitFor(() => h.standIn.connections === 0, 10_000, 'the connection to drop');
  const interaction = h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER);
  const reply = await interaction.response(15_000);
  expect(reply.embeds[0].description).toContain('spring of 2001');
  expect(h.standIn.resumes.length).toBe(resumes + 1);
  expect(h.standIn.identifies.length).toBe(identifies); // resumed, not a fresh session
  return interaction;
}

describe('resumable gateway faults', () => {
  it('close 4000: resumes and answers the replayed interaction', async () => {
    const crashes = watchCrashes();
    h = await startBot();
    await awayThenAsk(h, () => h!.standIn.closeGateway(4000, 'Unknown error'));
    expect(h.logs.records().some((r) => r.msg === 'gateway resumed')).toBe(true);
    crashes.stop();
    expect(crashes.problems).toEqual([]);
  });

  it('a dropped TCP connection (no close frame): resumes and answers', async () => {
    h = await startBot();
    await awayThenAsk(h, () => h!.standIn.dropGateway());
  });

  it('op 7 RECONNECT: resumes and answers', async () => {
    h = await startBot();
    await awayThenAsk(h, () => h!.standIn.sendReconnect());
  });

  it('heartbeats no longer acknowledged (zombie connection): detected, resumed, answers', async () => {
    h = await startBot({ standIn: { heartbeatIntervalMs: 250 } });
    h.standIn.ackHeartbeats = false;
    const identifies = h.standIn.identifies.length;
    await h.standIn.waitFor(() => h!.standIn.connections === 0, 10_000, 'the client to give up on the zombie connection');
    h.standIn.ackHeartbeats = true;
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response(15_000);
    expect(reply.embeds[0].description).toContain('spring of 2001');
    expect(h.standIn.resumes.length).toBeGreaterThan(0);
    expect(h.standIn.identifies.length).toBe(identifies);
  });

  it('several breaks in a row, with questions in between: every one answered', async () => {
    h = await startBot();
    for (const breakIt of [() => h!.standIn.closeGateway(4000), () => h!.standIn.dropGateway(), () => h!.standIn.sendReconnect()]) {
      await h.standIn.ready(10_000);
      await awayThenAsk(h, breakIt);
    }
  });
});

describe('non-resumable gateway faults', () => {
  for (const [name, breakIt] of [
    ['close 1000', (h: ReliabilityHarness) => h.standIn.closeGateway(1000)],
    ['close 4007 (invalid seq)', (h: ReliabilityHarness) => h.standIn.closeGateway(4007)],
    ['close 4009 (session timed out; the RESUME is refused with op 9)', (h: ReliabilityHarness) => h.standIn.closeGateway(4009, 'Session timed out', true)],
    ['close 4000 after which the session is gone (RESUME refused with op 9)', (h: ReliabilityHarness) => h.standIn.closeGateway(4000, '', true)],
    ['op 9 invalid session', (h: ReliabilityHarness) => h.standIn.invalidateSessions(false)],
  ] as const) {
    it(`${name}: a fresh IDENTIFY, then questions are answered again`, async () => {
      h = await startBot();
      const identifies = h.standIn.identifies.length;
      breakIt(h);
      await h.standIn.waitFor(() => h!.standIn.identifies.length > identifies, 15_000, 'a fresh identify');
      await h.standIn.ready(10_000);
      const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, ASKER).response(10_000);
      expect(reply.embeds[0].description).toContain('spring of 2001');
    });
  }
});

describe('fatal gateway closes', () => {
  for (const code of [4004, 4010, 4011, 4012, 4013, 4014]) {
    it(`close ${code} after start: the bot reports a clear fatal error and does not reconnect`, async () => {
      h = await startBot();
      const identifies = h.standIn.identifies.length;
      h.standIn.closeGateway(code, 'fatal');
      const error = await h.app.bot.fatal.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FatalGatewayError);
      expect((error as FatalGatewayError).code).toBe(code);
      expect((error as Error).message).toContain(String(code));
      expect((error as Error).message).not.toMatch(/^gateway closed with/); // a sentence a person can act on
      expect(h.logs.records().some((r) => r.msg === 'gateway closed for good' && r.code === code)).toBe(true);
      // No reconnect: neither a resume nor a fresh identify follows.
      await new Promise((r) => setTimeout(r, 700));
      expect(h.standIn.resumes).toHaveLength(0);
      expect(h.standIn.identifies.length).toBe(identifies);
    });
  }
});

describe('a gateway that never lets a session start (identify stalls)', () => {
  it('the real client, paced by the identify governor: backs off between identifies, warns, then connects when the stall clears', async () => {
    const { Client, Events, GatewayIntentBits } = await import('discord.js');
    const { DiscordStandIn } = await import('../support/discord-stand-in');
    const { IdentifyGovernor } = await import('../../src/bot/identify-governor');
    const standIn = await new DiscordStandIn().start();
    standIn.invalidateIdentify = true;
    const warnings: string[] = [];
    let client: InstanceType<typeof Client> | undefined;
    try {
      let manager: any;
      const governor = new IdentifyGovernor({
        spacingMs: 200,
        maxBackoffMs: 5_000,
        warnAfter: 3,
        random: () => 1,
        logger: { warn: (_o, m) => void warnings.push(m), error: () => {} },
        fetchLimit: async () => (await manager.fetchGatewayInformation(true)).session_start_limit,
      });
      client = new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: { api: standIn.apiUrl, retries: 1 },
        ws: { buildIdentifyThrottler: (m: any) => ((manager = m), governor) } as any,
      });
      client.on(Events.ShardReady, () => governor.ready());
      void client.login(standIn.token).catch(() => undefined);
      await standIn.waitFor(() => standIn.identifies.length >= 5, 20_000, 'five identifies');
      expect(warnings.some((w) => w.includes('failing to reach READY'))).toBe(true);
      // The gaps between identifies grow (200, 400, 800, 1600 ms of backoff; discord.js's own reconnect
      // takes a few hundred ms, which counts toward the first ones).
      const times = standIn.identifyTimes.slice(0, 5);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]! - 50);
      expect(gaps[3]!).toBeGreaterThanOrEqual(1_500);
      expect(gaps[3]!).toBeGreaterThan(2 * gaps[0]!);
      standIn.invalidateIdentify = false;
      const ready = new Promise((resolve) => client!.once(Events.ClientReady, resolve));
      await ready; // connected once the stall clears (destroying mid-connect would leave discord.js waiting)
    } finally {
      await client?.destroy();
      await standIn.close();
    }
  });
});
