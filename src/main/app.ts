import type { ClientOptions } from 'discord.js';
import { commands as registry } from '../../commands/index';
import { createEngine } from '../answer/engine';
import type { AnswerEngine } from '../answer/engine-api';
import { openInsight } from '../insight/index';
import type { Insight } from '../insight/api';
import { openKnowledgeStore, type KnowledgeStore } from '../knowledge/store';
import { Bot } from '../bot/bot';
import { createClient } from '../bot/client';
import type { Command, KnowledgeSource } from '../bot/command';
import type { BotConfig } from '../bot/config';
import type { Logger } from '../bot/logger';

// Wires the parts together from a validated config. main.ts runs this; the end-to-end tests run
// exactly the same wiring in-process, pointed at the Discord stand-in.

export type App = {
  bot: Bot;
  store: KnowledgeStore<AnswerEngine>;
  insight: Insight;
  /** Graceful: interactions in flight are finished, then the gateway, the watcher and the database close. */
  stop(): Promise<void>;
};

export type AppOptions = {
  logger: Logger;
  clientOptions?: Partial<ClientOptions>;
  /** Replaces the SQLite insight (tests). */
  insight?: Insight;
  commands?: readonly Command[];
  autoDeferMs?: number;
  /** How often the knowledge folder is looked at (default 500 ms). */
  pollMs?: number;
  drainTimeoutMs?: number;
};

/** Opens the knowledge (throws KnowledgeLoadError when invalid) and creates the bot, not yet logged in. */
export async function createApp(config: BotConfig, options: AppOptions): Promise<App> {
  const { logger } = options;
  const store = await openKnowledgeStore({ dir: config.KNOWLEDGE_DIR, build: (base) => createEngine(base), watch: true, pollMs: options.pollMs });
  const insight =
    options.insight ??
    openInsight({
      path: config.DATABASE_PATH,
      retentionDays: config.INSIGHT_RETENTION_DAYS,
      ...(config.INSIGHT_SALT ? { salt: config.INSIGHT_SALT } : {}),
      logger,
    });
  const knowledge: KnowledgeSource & Pick<KnowledgeStore<AnswerEngine>, 'on'> = {
    get current() {
      return store.current;
    },
    reload: () => store.reload(),
    dir: config.KNOWLEDGE_DIR,
    on: store.on.bind(store),
  };
  const bot = new Bot({
    client: createClient(config.DISCORD_API_URL, options.clientOptions),
    token: config.DISCORD_TOKEN,
    commands: options.commands ?? registry,
    knowledge,
    insight,
    logger,
    settings: {
      askCooldown: { uses: config.ASK_COOLDOWN_USES, perMs: config.ASK_COOLDOWN_SECONDS * 1000, bucket: 'ask' },
      ...(config.MOD_LOG_CHANNEL_ID ? { modLogChannelId: config.MOD_LOG_CHANNEL_ID } : {}),
    },
    autoDeferMs: options.autoDeferMs,
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await bot.stop(options.drainTimeoutMs).catch((error) => logger.error({ err: error }, 'stopping the bot failed'));
      await store.close().catch((error) => logger.error({ err: error }, 'closing the knowledge store failed'));
      await insight.close().catch((error) => logger.error({ err: error }, 'closing the insight database failed'));
    })());
  return { bot, store, insight, stop };
}
