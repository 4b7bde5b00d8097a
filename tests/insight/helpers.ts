import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackRecord, QuestionRecord } from '../../src/insight/api';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-insight-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function question(over: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    at: new Date(),
    guildId: 'guild-1',
    channelId: 'channel-1',
    userId: '111111111111111111',
    question: 'Who runs the hotline today?',
    status: 'unknown',
    handlingMs: 12,
    via: 'slash',
    ...over,
  };
}

export function vote(over: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return { at: new Date(), guildId: 'guild-1', userId: '111111111111111111', entryId: 'hotline-1963', helpful: false, ...over };
}

/** A logger that remembers what it was told. */
export function memoryLogger() {
  const errors: Array<{ obj: object; msg: string }> = [];
  const warnings: Array<{ obj: object; msg: string }> = [];
  return {
    errors,
    warnings,
    error: (obj: object, msg: string) => void errors.push({ obj, msg }),
    warn: (obj: object, msg: string) => void warnings.push({ obj, msg }),
  };
}

export const DAY = 86_400_000;
