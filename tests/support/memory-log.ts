import type { DestinationStream } from 'pino';

// Test-only: kept out of src/bot/logger.ts so production code ships no test helpers.

/** A collecting log destination for tests: every line written, and the lines parsed. */
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
