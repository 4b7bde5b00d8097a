import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

// The discord.js client: Guilds intent only (slash commands need nothing more), no mention parsed
// by default on anything it sends, and the REST base from DISCORD_API_URL (a proxy or a stand-in).

export function createClient(apiUrl: string, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    // discord.js caches every user who interacts and never sweeps them: memory would grow with each
    // distinct asker (the load bench saw ~600 bytes each). The bot looks none of them up, so keep few.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user?.id },
    }),
    ...extra,
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { timeout: 10_000, ...extra.rest, api: apiUrl },
  });
}

/** Gateway close codes after which discord.js does not reconnect: the bot cannot run as configured. */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [
    4004,
    'DISCORD_TOKEN was rejected by Discord (gateway close 4004, authentication failed). Copy the token again from the Developer Portal → your application → Bot → Reset Token',
  ],
  [4010, 'Discord rejected the shard settings (gateway close 4010, invalid shard)'],
  [4011, 'Discord requires sharding for this bot (gateway close 4011); run `npm start -- --shards auto`'],
  [4012, 'Discord rejected the gateway API version (gateway close 4012)'],
  [4013, 'Discord rejected the gateway intents (gateway close 4013, invalid intents)'],
  [4014, 'Discord refused an intent this bot asked for (gateway close 4014, disallowed intents)'],
]);

/** The one-paragraph message printed before exiting with code 1. */
export function fatalMessage(problem: string): string {
  return [
    `Hotline cannot connect: ${problem}.`,
    'Every setting is described in .env.example.',
    'To try the answers without Discord, run `npm run ask -- "your question"`.',
  ].join('\n');
}
