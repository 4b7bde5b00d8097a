import { noIdentifyWait, startHarness, type Harness, type HarnessOptions } from '../support/bot-harness';

// The bot harness of tests/support, but the client keeps the bot's own REST settings (timeout and
// retries from createClient) unless a test overrides them, because the fault tests are about
// exactly those settings. Only the identify throttle is removed (it waits ~5 s after a fresh session).

export type ReliabilityHarness = Harness;

export type ReliabilityOptions = Omit<HarnessOptions, 'autoDeferMs' | 'extraCommands'>;

export function startBot(options: ReliabilityOptions = {}): Promise<ReliabilityHarness> {
  return startHarness({ ...options, clientOptions: { ws: noIdentifyWait, ...options.clientOptions } });
}

/** Collects unhandled rejections and uncaught exceptions while a test runs: there must be none. */
export function watchCrashes(): { problems: unknown[]; stop(): void } {
  const problems: unknown[] = [];
  const onProblem = (reason: unknown) => problems.push(reason);
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtExceptionMonitor', onProblem);
  return {
    problems,
    stop() {
      process.off('unhandledRejection', onProblem);
      process.off('uncaughtExceptionMonitor', onProblem);
    },
  };
}

export const ASKER = { user: { id: '310000000000000031', username: 'asker' }, permissions: 0n };
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
