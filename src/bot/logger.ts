import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// The bot token must never reach a log line. Redacting known paths covers structured fields; the
// destination also scrubs the literal token, which catches it inside error messages and URLs.

const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'config.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'interaction.token',
];

export type LoggerOptions = {
  level?: string;
  /** Secrets to scrub from every line, whatever field they turn up in. */
  secrets?: Array<string | undefined>;
  /** Where lines go; stdout by default. Tests pass a collecting stream. */
  destination?: DestinationStream;
};

/** Levels at which request bodies (which hold members' questions) may appear in error lines. */
const VERBOSE_LEVELS = new Set(['debug', 'trace']);

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const target: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: true });
  // Every line is scrubbed: the literal secrets, and interaction tokens wherever a URL carries them.
  const destination: DestinationStream = { write: (line: string) => target.write(scrub(line, secrets)) };
  const verbose = VERBOSE_LEVELS.has(level);
  return pino(
    {
      level,
      base: { app: 'hotline' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: (err: Error) => serializeError(err, verbose) },
    },
    destination,
  );
}

/**
 * pino's error serializer, less what a log must not hold: discord.js puts the request body (a reply,
 * so a member's question and answer) on its errors as `requestBody`; it is kept only at debug level.
 */
export function serializeError(err: Error, verbose: boolean): Record<string, unknown> {
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  if (!verbose && 'requestBody' in out) out.requestBody = '[omitted below LOG_LEVEL=debug]';
  return out;
}

/**
 * An interaction token lets its holder post as the bot for 15 minutes. It travels in the path of
 * interaction callbacks and webhook calls (`/interactions/<id>/<token>/callback`,
 * `/webhooks/<application id>/<token>/…`), so any such path in a line loses its token.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"'\\]+/g;

export function scrub(line: string, secrets: readonly string[]): string {
  let out = line.replace(INTERACTION_TOKEN_IN_PATH, '$1[redacted]');
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}
