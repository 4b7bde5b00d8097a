import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandDefinitions } from '../../commands/index';
import { ConfigError, loadDeployConfig, loadDotEnv, type DeployConfig } from '../bot/config';

// `npm run deploy [-- --guild ID | --global]`: registers every command of the registry. A guild
// registration shows at once (use it while developing); a global one is for production. Without a
// flag, DEV_GUILD_ID is used when set, otherwise the commands are registered globally.

export type DeployTarget = { guildId?: string };

export function parseDeployArgs(argv: readonly string[], config: Pick<DeployConfig, 'DEV_GUILD_ID'>): DeployTarget {
  const guildAt = argv.findIndex((a) => a === '--guild' || a.startsWith('--guild='));
  if (guildAt >= 0) {
    const arg = argv[guildAt]!;
    const id = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[guildAt + 1];
    if (!id || !/^\d{17,20}$/.test(id))
      throw new ConfigError(['--guild needs a server id (17–20 digits), e.g. `npm run deploy -- --guild 123456789012345678`']);
    return { guildId: id };
  }
  if (argv.includes('--global')) return {};
  return config.DEV_GUILD_ID ? { guildId: config.DEV_GUILD_ID } : {};
}

export async function deployCommands(config: DeployConfig, target: DeployTarget): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST({ api: config.DISCORD_API_URL, retries: 2, timeout: 15_000 }).setToken(config.DISCORD_TOKEN);
  const route = target.guildId
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, target.guildId)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  return (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: DeployConfig;
  let target: DeployTarget;
  try {
    config = loadDeployConfig();
    target = parseDeployArgs(process.argv.slice(2), config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  try {
    const registered = await deployCommands(config, target);
    const where = target.guildId ? `server ${target.guildId} (visible at once)` : 'every server (global; may take up to an hour to show)';
    console.log(`Registered ${registered.length} commands for ${where}: ${registered.map((c) => (c.type === 1 ? `/${c.name}` : c.name)).join(', ')}`);
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 401
        ? 'DISCORD_TOKEN was rejected (401). Copy it again from the Developer Portal → Bot.'
        : status === 403 || status === 404
          ? 'Check DISCORD_CLIENT_ID, and that the bot was invited to that server with the applications.commands scope.'
          : '';
    console.error(`Deploy failed: ${error instanceof Error ? error.message : String(error)}${hint ? `\n${hint}` : ''}`);
    process.exit(1);
  }
}

if (process.argv[1] && /deploy\.ts$/.test(process.argv[1])) void main();
