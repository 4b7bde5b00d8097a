import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientOptions } from 'discord.js';
import { createApp, type App } from '../../src/bot/app';
import { loadBotConfig, type BotConfig } from '../../src/bot/config';
import { deployCommands } from '../../src/bot/deploy';
import { createLogger, memoryDestination } from '../../src/bot/logger';
import type { Insight } from '../../src/insight/api';
import { recordingInsight, type RecordingInsight } from '../support/bot-harness';
import { DiscordStandIn, type StandInOptions } from '../support/discord-stand-in';
import { fixtureFiles } from '../support/fixture-knowledge';

// Like tests/support/bot-harness, but the client keeps the bot's own REST settings (timeout and
// retries from createClient) unless a test overrides them, because the fault tests are about
// exactly those settings. Only the identify throttle is removed (it waits ~5 s after a fresh session).

export type ReliabilityHarness = {
  standIn: DiscordStandIn;
  app: App;
  dir: string;
  config: BotConfig;
  insight: RecordingInsight;
  logs: ReturnType<typeof memoryDestination>;
  write(file: string, text: string | Buffer): Promise<void>;
  close(): Promise<void>;
};

export type ReliabilityOptions = {
  files?: Record<string, string>;
  env?: Record<string, string>;
  standIn?: StandInOptions;
  insight?: Insight;
  clientOptions?: Partial<ClientOptions>;
  pollMs?: number;
  logLevel?: string;
};

export const noIdentifyWait = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never;

export async function startBot(options: ReliabilityOptions = {}): Promise<ReliabilityHarness> {
  const standIn = await new DiscordStandIn(options.standIn).start();
  const dir = await mkdtemp(path.join(tmpdir(), 'hotline-rel-'));
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
  const logs = memoryDestination();
  const logger = createLogger({ level: options.logLevel ?? 'debug', destination: logs, secrets: [config.DISCORD_TOKEN] });
  const recording = recordingInsight();
  let app: App | undefined;
  try {
    app = await createApp(config, {
      logger,
      insight: options.insight ?? recording,
      pollMs: options.pollMs ?? 100,
      clientOptions: { ws: noIdentifyWait, ...options.clientOptions },
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

/** Collects unhandled rejections and uncaught exceptions while a test runs: there must be none. */
export function watchCrashes(): { problems: unknown[]; stop(): void } {
  const problems: unknown[] = [];
  const onProblem = (reason: unknown) => problems.push(reason);
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtExceptionMonitor', onProblem);
  return {
    problems,
    stop() {
      process.off('unhandledRejection', onProblem);
      process.off('uncaughtExceptionMonitor', onProblem);
    },
  };
}

export const ASKER = { user: { id: '310000000000000031', username: 'asker' }, permissions: 0n };
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
