import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commandDefinitions } from '../../commands/index';
import { DiscordStandIn, type StandInOptions } from './discord-stand-in';

// The bot as a child process, configured by environment variables only, against the Discord
// stand-in. Everything started here is tracked so that one afterEach(cleanUpProcesses) ends it all.

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type Run = {
  pid: number;
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  output: () => string;
  kill(signal: NodeJS.Signals): void;
};

const children: number[] = [];
const standIns: DiscordStandIn[] = [];
const dirs: string[] = [];

export function run(command: string, args: string[], env: Record<string, string>, user?: number, cwd = ROOT): Run {
  // Only what npm itself needs from the parent environment, plus the bot's settings. Detached, so the
  // whole process group (npm, tsx, the bot, its shards) can be killed afterwards.
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(user !== undefined ? { uid: user, gid: user } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    // Could not start at all (EACCES, ENOENT): a result to assert on, never an unhandled 'error' event.
    child.on('error', (error) => {
      stderr += `could not start ${command}: ${error.message}\n`;
      resolve(null);
    });
  });
  if (child.pid !== undefined) children.push(child.pid);
  return { pid: child.pid ?? -1, code, stdout: () => stdout, stderr: () => stderr, output: () => stdout + stderr, kill: (signal) => child.kill(signal) };
}

export async function startStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const standIn = await new DiscordStandIn(options).start();
  standIns.push(standIn);
  return standIn;
}

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** What `npm run deploy` would have registered, so that the stand-in can send the bot interactions. */
export function registerCommands(standIn: DiscordStandIn): void {
  standIn.commands.set('global', commandDefinitions().map((c, i) => ({ ...c, id: `8${String(i).padStart(17, '0')}` })) as never);
}

export async function cleanUpProcesses(): Promise<void> {
  for (const pid of children.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const standIn of standIns.splice(0)) await standIn.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
}
