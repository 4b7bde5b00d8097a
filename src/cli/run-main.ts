/**
 * Runs a command line script's main and sets the exit code from it; a crash prints its stack,
 * named after the script, and exits 1. process.exitCode rather than process.exit(), so that output
 * still being written to a pipe is not cut off.
 */
export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
