import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig, loadDeployConfig } from '../../src/bot/config';
import { parseDeployArgs } from '../../src/main/deploy';
import { createLogger } from '../../src/bot/logger';
import { memoryDestination } from '../support/memory-log';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const valid = { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_CLIENT_ID: '123456789012345678' };

describe('config', () => {
  it('fills defaults', () => {
    expect(loadBotConfig(valid)).toMatchObject({
      DISCORD_API_URL: 'https://discord.com/api',
      KNOWLEDGE_DIR: 'knowledge',
      DATABASE_PATH: 'data/hotline.db',
      LOG_LEVEL: 'info',
      ASK_COOLDOWN_USES: 3,
    });
  });

  it('names every bad setting in one message pointing at .env.example and npm run ask', () => {
    let error: unknown;
    try {
      loadBotConfig({ DISCORD_CLIENT_ID: '12', DISCORD_API_URL: 'ftp://x', MOD_LOG_CHANNEL_ID: 'general' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'DISCORD_TOKEN is missing',
      'DISCORD_CLIENT_ID must be',
      'DISCORD_API_URL must be',
      'MOD_LOG_CHANNEL_ID must be',
      '.env.example',
      'npm run ask',
    ])
      expect(message).toContain(name);
  });

  it('strips a trailing slash from DISCORD_API_URL and refuses a "Bot " prefix on the token', () => {
    expect(loadDeployConfig({ ...valid, DISCORD_API_URL: 'http://127.0.0.1:9/api/' }).DISCORD_API_URL).toBe('http://127.0.0.1:9/api');
    expect(() => loadBotConfig({ ...valid, DISCORD_TOKEN: 'Bot abc' })).toThrow(/DISCORD_TOKEN must be the bot token alone/);
  });

  it('.env.example documents every setting the schema reads', () => {
    const example = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    for (const name of [
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'DEV_GUILD_ID',
      'DISCORD_API_URL',
      'KNOWLEDGE_DIR',
      'DATABASE_PATH',
      'LOG_LEVEL',
      'MOD_LOG_CHANNEL_ID',
      'ASK_COOLDOWN_USES',
      'ASK_COOLDOWN_SECONDS',
      'INSIGHT_RETENTION_DAYS',
      'INSIGHT_SALT',
    ]) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });
});

describe('deploy arguments', () => {
  it('--guild wins, then DEV_GUILD_ID, else global', () => {
    expect(parseDeployArgs(['--guild', '123456789012345678'], {})).toEqual({ guildId: '123456789012345678' });
    expect(parseDeployArgs(['--guild=123456789012345678'], { DEV_GUILD_ID: '223456789012345678' })).toEqual({ guildId: '123456789012345678' });
    expect(parseDeployArgs([], { DEV_GUILD_ID: '223456789012345678' })).toEqual({ guildId: '223456789012345678' });
    expect(parseDeployArgs(['--global'], { DEV_GUILD_ID: '223456789012345678' })).toEqual({});
    expect(() => parseDeployArgs(['--guild'], {})).toThrow(/--guild needs a server id/);
  });
});

describe('logger', () => {
  it('never writes the token, whatever field or message it is in', () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value';
    const out = memoryDestination();
    const logger = createLogger({ destination: out, secrets: [token] });
    logger.info({ token, config: { DISCORD_TOKEN: token }, headers: { authorization: `Bot ${token}` } }, `login with ${token}`);
    logger.error({ err: new Error(`bad token ${token}`) }, 'failed');
    expect(out.lines.join('')).not.toContain(token);
    expect(out.lines.join('')).toContain('[redacted]');
  });
});
