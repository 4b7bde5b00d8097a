import { existsSync } from 'node:fs';
import { z } from 'zod';

// Settings come from the environment (and `.env` when present). Every problem is reported as one
// plain sentence naming the setting, because the person reading it is setting the bot up for the
// first time, not debugging it.

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits; in Discord: Developer Mode → right-click → Copy ID)');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const DISCORD_API_DEFAULT = 'https://discord.com/api';

const common = {
  DISCORD_TOKEN: z
    .string({ error: 'is missing' })
    .trim()
    .min(1, 'is missing')
    .refine((v) => !/\s/.test(v), 'must be the bot token alone, without spaces or a "Bot " prefix'),
  DISCORD_CLIENT_ID: snowflake.describe('the application id'),
  /** REST base URL: Discord's own, a REST proxy such as @discordjs/proxy, or a test stand-in. */
  DISCORD_API_URL: z
    .preprocess(
      (v) => (v === '' || v === undefined ? DISCORD_API_DEFAULT : v),
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }),
    )
    .transform((v) => v.replace(/\/+$/, '')),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' || v === undefined ? 'info' : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
  ),
};

const intWithDefault = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? fallback : Number(v)),
    z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
  );

export const botConfigSchema = z.object({
  ...common,
  DEV_GUILD_ID: optional(snowflake),
  KNOWLEDGE_DIR: z.preprocess((v) => (v === '' || v === undefined ? 'knowledge' : v), z.string()),
  DATABASE_PATH: z.preprocess((v) => (v === '' || v === undefined ? 'data/hotline.db' : v), z.string()),
  MOD_LOG_CHANNEL_ID: optional(snowflake),
  /** /ask uses allowed per user within ASK_COOLDOWN_SECONDS. */
  ASK_COOLDOWN_USES: intWithDefault(3, 1, 100),
  ASK_COOLDOWN_SECONDS: intWithDefault(15, 0, 3600),
  /** Days the moderator-insight database keeps questions and feedback. */
  INSIGHT_RETENTION_DAYS: intWithDefault(90, 1, 3650),
  /** Salt for hashing user ids in the insight database; by default one is generated next to the database. */
  INSIGHT_SALT: optional(z.string().min(16, 'must be at least 16 characters')),
});

export const deployConfigSchema = z.object({
  DISCORD_TOKEN: common.DISCORD_TOKEN,
  DISCORD_CLIENT_ID: common.DISCORD_CLIENT_ID,
  DISCORD_API_URL: common.DISCORD_API_URL,
  DEV_GUILD_ID: optional(snowflake),
});

export type BotConfig = z.infer<typeof botConfigSchema>;
export type DeployConfig = z.infer<typeof deployConfigSchema>;

/** A setting is missing or malformed: printed as is, then the process exits with code 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        ...problems.map((p) => `Configuration error: ${p}.`),
        'Every setting is described in .env.example (copy it to .env and fill it in).',
        'To try the answers without Discord, run `npm run ask -- "your question"`.',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'a setting');
    const value = env[name];
    if (value === undefined || value === '') return `${name} is missing`;
    return `${name} ${issue.message}`;
  });
  throw new ConfigError([...new Set(problems)]);
}

export const loadBotConfig = (env: Record<string, string | undefined> = process.env): BotConfig => parseConfig(botConfigSchema, env);
export const loadDeployConfig = (env: Record<string, string | undefined> = process.env): DeployConfig => parseConfig(deployConfigSchema, env);

/** Reads `.env` into process.env (without overriding what the environment already sets). */
export function loadDotEnv(file = '.env'): void {
  if (!existsSync(file)) return;
  process.loadEnvFile(file);
}
