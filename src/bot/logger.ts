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

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const target: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: true });
  const destination: DestinationStream = secrets.length === 0 ? target : { write: (line: string) => target.write(scrub(line, secrets)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'hotline' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

/** A collecting destination for tests: every line written, parsed. */
export function memoryDestination(): DestinationStream & { lines: string[]; records: () => any[] } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    records: () => lines.map((l) => JSON.parse(l)),
  };
}
