import { KnowledgeLoadError } from '../knowledge/store';
import { createApp, type App } from './app';
import { FatalGatewayError } from '../bot/bot';
import { fatalMessage } from '../bot/client';
import { ConfigError, loadBotConfig, loadDotEnv } from '../bot/config';
import { createLogger } from '../bot/logger';
import { installShutdown } from '../bot/shutdown';
import { reportSignalsToManager, runShardManager, shardsFlag, type ShardCount } from '../bot/sharding';

// `npm start`: configuration from the environment (and .env), knowledge loaded and watched, the
// bot logged in. Anything a person must fix (a setting, the token, the knowledge) is one clear
// message and exit code 1 — never a stack trace.

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  let shards: ShardCount | undefined;
  try {
    config = loadBotConfig();
    shards = process.env.SHARDING_MANAGER ? undefined : shardsFlag(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (caught; the bot carries on)'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception (caught; the bot carries on)'));
  if (shards !== undefined) return runShardManager({ config, count: shards, logger });
  if (process.env.SHARDING_MANAGER) reportSignalsToManager();

  let app: App;
  try {
    app = await createApp(config, { logger });
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      console.error(
        `Hotline cannot start: ${error.message}\nFix these (\`npm run kb:check\` shows them too), then start again. KNOWLEDGE_DIR is ${config.KNOWLEDGE_DIR}.`,
      );
      process.exit(1);
    }
    throw error;
  }
  installShutdown(app, logger);

  const fail = async (error: unknown) => {
    const problem =
      error instanceof FatalGatewayError
        ? (error as FatalGatewayError).message
        : (error as { code?: string })?.code === 'TokenInvalid'
          ? 'DISCORD_TOKEN was rejected by Discord (401 Unauthorized). Copy the token again from the Developer Portal → your application → Bot → Reset Token'
          : undefined;
    if (!problem) throw error;
    console.error(fatalMessage(problem));
    await app.stop();
    process.exit(1);
  };
  try {
    await app.bot.start();
  } catch (error) {
    await fail(error);
  }
  app.bot.fatal.catch(fail);
}

main().catch((error) => {
  console.error('Hotline failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
