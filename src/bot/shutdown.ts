import type { Logger } from './logger';

// SIGINT/SIGTERM: stop taking interactions, finish those in flight, close the gateway, the
// knowledge watcher and the database, exit 0. A second signal exits at once.

/** What shutdown needs of the running app (src/main/app.ts): a stop that drains and closes everything. */
export type Stoppable = { stop(): Promise<void> };

export function installShutdown(app: Stoppable, logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing interactions in flight');
    app
      .stop()
      .then(() => {
        logger.info('shut down cleanly');
        exit(0);
      })
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
