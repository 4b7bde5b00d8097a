import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientOptions } from 'discord.js';
import { createNullInsight, type FeedbackRecord, type Insight, type QuestionRecord } from '../../src/insight/api';
import { createApp, type App } from '../../src/main/app';
import { loadBotConfig, type BotConfig } from '../../src/bot/config';
import { createLogger } from '../../src/bot/logger';
import { memoryDestination } from './memory-log';
import { deployCommands } from '../../src/main/deploy';
import type { Command } from '../../src/bot/command';
import { commands as registry } from '../../commands/index';
import { DiscordStandIn, MANAGE_GUILD, type StandInOptions } from './discord-stand-in';
import { fixtureFiles } from './fixture-knowledge';

// The bot as `npm start` wires it (createApp), in-process, against the Discord stand-in, serving a
// fixture knowledge folder in a temporary directory. Everything is torn down by close().

export type RecordingInsight = Insight & { questions: QuestionRecord[]; feedbacks: FeedbackRecord[] };

export function recordingInsight(): RecordingInsight {
  const questions: QuestionRecord[] = [];
  const feedbacks: FeedbackRecord[] = [];
  return { ...createNullInsight(), questions, feedbacks, recordQuestion: (r) => void questions.push(r), recordFeedback: (r) => void feedbacks.push(r) };
}

export type Harness = {
  standIn: DiscordStandIn;
  app: App;
  dir: string;
  config: BotConfig;
  /** What the bot recorded (empty when `options.insight` replaced it). */
  insight: RecordingInsight;
  logs: ReturnType<typeof memoryDestination>;
  write(file: string, text: string | Buffer): Promise<void>;
  close(): Promise<void>;
};

export const MODERATOR = { user: { id: '200000000000000002', username: 'mod' }, permissions: MANAGE_GUILD };
export const MEMBER = { user: { id: '300000000000000003', username: 'member' }, permissions: 0n };

export type HarnessOptions = {
  files?: Record<string, string>;
  env?: Record<string, string>;
  standIn?: StandInOptions;
  autoDeferMs?: number;
  /** Extra commands (test-only), registered with the stand-in and routed like the real ones. */
  extraCommands?: Command[];
  /** Replaces the recording insight (e.g. a real openInsight on a temporary database). */
  insight?: Insight;
  /** Replaces the client options below (fast REST retries, no identify wait) as a whole. */
  clientOptions?: Partial<ClientOptions>;
  pollMs?: number;
  logLevel?: string;
};

/** The identify throttle waits ~5 s after a fresh session; tests do not need it. */
export const noIdentifyWait = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await new DiscordStandIn(options.standIn).start();
  const dir = await mkdtemp(path.join(tmpdir(), 'hotline-bot-'));
  const write = async (file: string, text: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  };
  for (const [file, text] of Object.entries(options.files ?? fixtureFiles())) await write(file, text);
  const config = loadBotConfig({
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    KNOWLEDGE_DIR: dir,
    DATABASE_PATH: path.join(dir, 'unused.db'),
    LOG_LEVEL: options.logLevel ?? 'debug',
    ASK_COOLDOWN_USES: '100',
    ...options.env,
  });
  await deployCommands(config, {});
  if (options.extraCommands?.length) {
    const extra = options.extraCommands.map((c, i) => ({ ...c.data.toJSON(), id: `9${String(i).padStart(17, '0')}` }));
    standIn.commands.set('global', [...(standIn.commands.get('global') ?? []), ...(extra as never[])]);
  }
  const logs = memoryDestination();
  const logger = createLogger({ level: options.logLevel ?? 'debug', destination: logs, secrets: [config.DISCORD_TOKEN] });
  const recording = recordingInsight();
  const insight = options.insight ?? recording;
  let app: App | undefined;
  try {
    app = await createApp(config, {
      logger,
      insight,
      pollMs: options.pollMs ?? 100,
      autoDeferMs: options.autoDeferMs,
      ...(options.extraCommands ? { commands: [...registry, ...options.extraCommands] } : {}),
      clientOptions: options.clientOptions ?? { rest: { retries: 1, timeout: 5000 }, ws: noIdentifyWait },
    });
    await app.bot.start();
    await standIn.ready();
  } catch (error) {
    await app?.stop();
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const started = app;
  return {
    standIn,
    app: started,
    dir,
    config,
    insight: recording,
    logs,
    write,
    async close() {
      await started.stop();
      await standIn.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
