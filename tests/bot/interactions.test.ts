import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../src/bot/command';
import { notice } from '../../src/bot/render';
import { MEMBER, startHarness, type Harness } from '../support/bot-harness';
import { FACTS, fixtureFiles } from '../support/fixture-knowledge';

// The router's promises: a throwing handler is logged with context and the user told privately;
// slow work is deferred then edited; an expired interaction (10062) is logged once and dropped;
// /ask has a per-user cooldown; and nothing ever becomes an unhandled rejection.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const boom: ChatCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder().setName('boom').setDescription('throws'),
  async execute() {
    throw new Error('handler exploded');
  },
};

const slow: ChatCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder().setName('slow').setDescription('takes a while'),
  ephemeral: () => true,
  async execute(_i, ctx) {
    await new Promise((r) => setTimeout(r, 300));
    await ctx.respond.send(notice('done at last'));
  },
};

const sleepy: ChatCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder().setName('sleepy').setDescription('answers after the window'),
  async execute(_i, ctx) {
    await new Promise((r) => setTimeout(r, 150));
    await ctx.respond.send(notice('too late'));
  },
};

describe('interaction routing', () => {
  it('catches a throwing handler, logs it with context, and tells the user privately', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      h = await startHarness({ extraCommands: [boom] });
      const interaction = h.standIn.slash('boom', {}, MEMBER);
      const callback = await interaction.callback();
      expect(callback.data.flags & 64).toBe(64);
      expect(callback.data.content).toContain('Something went wrong');
      const logged = h.logs.records().find((r) => r.msg === 'interaction handler failed');
      expect(logged).toMatchObject({
        command: 'boom',
        interaction: interaction.id,
        user: h.insight.userKey(MEMBER.user.id),
        err: { message: 'handler exploded' },
      });
      // Still serving.
      const reply = await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).response();
      expect(reply.embeds[0].description).toContain('telephone link');
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('defers work that takes long, then edits the reply', async () => {
    h = await startHarness({ extraCommands: [slow], autoDeferMs: 50 });
    const interaction = h.standIn.slash('slow', {}, MEMBER);
    const first = await interaction.callback();
    expect(first.type).toBe(5);
    expect(first.data.flags & 64).toBe(64);
    const final = await interaction.response();
    expect(final.content).toBe('done at last');
    expect(interaction.rejections).toEqual([]);
  });

  it('logs an expired interaction (10062) once and drops it', async () => {
    h = await startHarness({ extraCommands: [sleepy], autoDeferMs: 10_000 });
    h.standIn.ackWindowMs = 50;
    const interaction = h.standIn.slash('sleepy', {}, MEMBER);
    await h.standIn.waitFor(() => interaction.rejections.length > 0);
    await h.standIn.waitFor(() => h!.app.bot.router.inFlight === 0);
    expect(interaction.rejections.map((r) => r.code)).toEqual([10062]);
    const lines = h.logs.records().filter((r) => r.interaction === interaction.id && r.level >= 40);
    expect(lines).toHaveLength(1);
    expect(lines[0].msg).toContain('10062');
    h.standIn.ackWindowMs = 3000;
    expect((await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback()).type).toBe(4);
  });

  it('limits /ask per user with a friendly private message', async () => {
    h = await startHarness({ env: { ASK_COOLDOWN_USES: '2', ASK_COOLDOWN_SECONDS: '60' } });
    for (let i = 0; i < 2; i++) expect((await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback()).data.flags ?? 0).toBe(0);
    const third = await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback();
    expect(third.data.flags & 64).toBe(64);
    // A Discord relative timestamp ("in a minute", counted down live), about 60 s ahead.
    const at = Number(/<t:(\d+):R>/.exec(third.data.content)?.[1]);
    expect(at * 1000).toBeGreaterThan(Date.now() + 50_000);
    expect(at * 1000).toBeLessThan(Date.now() + 62_000);
    const other = await h.standIn.slash('ask', { question: 'telephone link' }, { user: { id: '600000000000000006' } }).callback();
    expect(other.data.embeds).toHaveLength(1);
  });

  it('pages long results with buttons, within every limit', async () => {
    const meetings = Array.from(
      { length: 14 },
      (_, i) => `  - id: meeting-${i + 1}
    text: Test meeting number ${i + 1} of the fictional Exampleland talks took place. It covered the agenda item ${i + 1} at length, and both delegations signed the minutes.
    date: ${2004 + i}
    topics: [test-talks]
    sources: [example-archive]`,
    ).join('\n');
    h = await startHarness({ files: { ...fixtureFiles(), 'facts.yaml': `${FACTS}${meetings}\n` } });
    const reply = await h.standIn.slash('timeline', { topic: 'test-talks' }, MEMBER).response();
    expect(reply.embeds[0].footer.text).toMatch(/page 1 of 2/);
    const next = reply.components[0].components.find((c: any) => c.label === 'More results');
    expect(next.disabled).toBe(false);
    const click = h.standIn.click(reply, next.custom_id, MEMBER);
    const callback = await click.callback();
    expect(callback.type).toBe(7);
    expect(callback.data.embeds[0].footer.text).toMatch(/page 2 of 2/);
    expect(callback.data.embeds[0].fields.map((f: any) => f.name).join(' ')).toContain('2017');

    const ask = await h.standIn.slash('ask', { question: 'test meeting agenda minutes' }, MEMBER).response();
    const more = ask.components[0].components.find((c: any) => c.label === 'More results');
    expect(more).toBeDefined();
    const page2 = await h.standIn.click(ask, more.custom_id, MEMBER).callback();
    expect(page2.type).toBe(7);
    expect(page2.data.embeds[0].footer.text).toMatch(/page 2 of/);
    // Someone else paging gets a private copy instead of changing the shared message.
    const stranger = await h.standIn.click(ask, more.custom_id, { user: { id: '700000000000000007' } }).callback();
    expect(stranger.type).toBe(4);
    expect(stranger.data.flags & 64).toBe(64);
  });
});

describe('moderator reports and gateway resume', () => {
  it('/kb gaps and /kb feedback render the insight rows, escaped', async () => {
    const { createNullInsight } = await import('../../src/insight/api');
    const insight = {
      ...createNullInsight(),
      gaps: () => [
        {
          question: '@everyone how do **ships** talk?',
          count: 4,
          lastAsked: '2026-11-20T10:00:00Z',
          status: 'unknown',
          examples: ['<@123456789012345678> ships'],
        },
      ],
      feedback: () => [{ entryId: 'link-agreed', down: 2, up: 1, reasons: ['The year is `wrong`'] }],
    };
    h = await startHarness({ insight });
    const { MODERATOR } = await import('../support/bot-harness');
    const gaps = await h.standIn.slash('kb gaps', { days: 7 }, MODERATOR).response();
    expect(gaps.flags & 64).toBe(64);
    expect(gaps.embeds[0].title).toBe('Gaps, last 7 days');
    expect(gaps.embeds[0].description).toContain('**1.** “@\u200beveryone how do \\*\\*ships\\*\\* talk?” — 4×, unanswered');
    expect(gaps.embeds[0].description).not.toMatch(/<@\d/);
    const feedback = await h.standIn.slash('kb feedback', {}, MODERATOR).response();
    expect(feedback.embeds[0].fields[0].name).toBe('link-agreed — 👎 2 · 👍 1');
    expect(feedback.embeds[0].fields[0].value).toContain('The year is \\`wrong\\`');
  });

  it('resumes after the gateway drops and answers an interaction sent meanwhile', async () => {
    h = await startHarness();
    h.standIn.closeGateway(4000);
    const reply = await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).response(5000);
    expect(reply.embeds[0].description).toContain('telephone link');
    expect(h.standIn.resumes.length).toBeGreaterThan(0);
  });
});

describe('with the SQLite insight', () => {
  it('records an unanswered /ask so /kb gaps shows it', async () => {
    const { openInsight } = await import('../../src/insight/index');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dbDir = await mkdtemp(path.join(tmpdir(), 'hotline-insight-'));
    const insight = openInsight({ path: path.join(dbDir, 'hotline.db'), salt: 'a-test-salt-of-16+chars' });
    try {
      h = await startHarness({ insight });
      const { MODERATOR } = await import('../support/bot-harness');
      await h.standIn.slash('ask', { question: 'pizza recipes please' }, MEMBER).response();
      await h.standIn.waitFor(() => insight.gaps({ days: 1 }).length > 0, 5000, 'the question to be recorded');
      const gaps = await h.standIn.slash('kb gaps', { days: 1 }, MODERATOR).response();
      expect(gaps.embeds[0].description).toContain('pizza recipes please');
    } finally {
      await h?.close();
      h = undefined;
      await rm(dbDir, { recursive: true, force: true });
    }
  });
});

describe('edges', () => {
  it('tells the user when the selected message has no text to ask about', async () => {
    h = await startHarness();
    const callback = await h.standIn.messageCommand('Ask Hotline', { content: '   ' }, MEMBER).callback();
    expect(callback.data.flags & 64).toBe(64);
    expect(callback.data.content).toContain('could not find a question');
  });

  it('while shutting down, answers new interactions with a short private note', async () => {
    h = await startHarness();
    await h.app.bot.router.drain(1000);
    const callback = await h.standIn.slash('ask', { question: 'telephone link' }, MEMBER).callback();
    expect(callback.data.flags & 64).toBe(64);
    expect(callback.data.content).toContain('restarting');
    const auto = await h.standIn.autocomplete('ask', { question: 'ex' }, 'question').callback();
    expect(auto.data.choices).toEqual([]);
  });
});
