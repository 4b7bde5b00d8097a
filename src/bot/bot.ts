import { EmbedBuilder, Events, Routes, type Client } from 'discord.js';
import type { Diagnostic } from '../knowledge/base';
import { formatDiagnostic } from '../knowledge/format';
import type { Insight } from '../insight/api';
import { weeklyDigest } from '../insight/digest';
import type { BotSettings, Command, KnowledgeSource } from './command';
import { FATAL_CLOSE_CODES } from './client';
import { IdentifyGovernor, type SessionStartLimit } from './identify-governor';
import { InteractionRouter } from './interactions';
import type { Logger } from './logger';
import { EditWatch } from './edit-watch';
import { COLOR } from './render';
import { truncate } from './discord-text';
import { ViewCache } from './views';

// The running bot: a client, the router, and the knowledge it serves. It reports knowledge that
// became invalid (logs with file:line, and the moderators' channel when set) and can stop
// gracefully: no new interactions, those in flight finished, then the gateway closed.

type StoreEvents = {
  on(event: 'invalid', listener: (outcome: { errors: Diagnostic[]; keptVersion: string }) => void): () => void;
  on(event: 'reload', listener: (state: { base: { version: string } }) => void): () => void;
  on(event: 'valid', listener: (outcome: { changed: boolean }) => void): () => void;
};

export type BotOptions = {
  client: Client;
  token: string;
  commands: readonly Command[];
  knowledge: KnowledgeSource & Partial<StoreEvents>;
  insight: Insight;
  logger: Logger;
  settings: BotSettings;
  autoDeferMs?: number;
  /** Weekly digest to the moderators' channel (when set); 0 turns it off. */
  digestEveryMs?: number;
};

export class FatalGatewayError extends Error {
  constructor(readonly code: number) {
    super(FATAL_CLOSE_CODES.get(code) ?? `gateway closed with ${code}`);
  }
}

export class Bot {
  readonly router: InteractionRouter;
  readonly views = new ViewCache();
  #unsubscribe: Array<() => void> = [];
  #fatal: Promise<never>;
  #rejectFatal!: (error: Error) => void;
  #digestTimer?: NodeJS.Timeout;
  #stopped = false;
  #edits = new EditWatch();

  /** Paces gateway identifies (backoff, daily budget); absent when the client brings its own throttler. */
  readonly identify?: IdentifyGovernor;

  constructor(readonly options: BotOptions) {
    const { client, logger } = options;
    // discord.js asks the throttler before every IDENTIFY; it reads client.options.ws when it connects.
    type GatewayManager = { fetchGatewayInformation(force?: boolean): Promise<{ session_start_limit: SessionStartLimit }> };
    const ws = (client.options.ws ??= {}) as { buildIdentifyThrottler?: (manager: GatewayManager) => unknown };
    if (!ws.buildIdentifyThrottler) {
      const connected: { manager?: GatewayManager } = {};
      const governor = new IdentifyGovernor({
        logger,
        fetchLimit: async () => {
          if (!connected.manager) throw new Error('not connected');
          return (await connected.manager.fetchGatewayInformation(true)).session_start_limit;
        },
      });
      ws.buildIdentifyThrottler = (manager) => {
        connected.manager = manager;
        return governor;
      };
      this.identify = governor;
    }
    client.on(Events.ShardReady, () => this.identify?.ready());
    this.#fatal = new Promise<never>((_, reject) => (this.#rejectFatal = reject));
    this.#fatal.catch(() => undefined);
    this.router = new InteractionRouter({
      commands: options.commands,
      logger,
      autoDeferMs: options.autoDeferMs,
      context: { knowledge: options.knowledge, insight: options.insight, logger, views: this.views, settings: options.settings },
    });
    client.on(Events.InteractionCreate, (interaction) => void this.router.handle(interaction));
    client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    client.on(Events.ShardError, (error, shard) => logger.warn({ err: error, shard }, 'gateway connection error'));
    client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
    client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
    client.on(Events.ShardDisconnect, (event, shard) => {
      if (FATAL_CLOSE_CODES.has(event.code)) {
        logger.fatal({ code: event.code, shard }, 'gateway closed for good');
        this.#rejectFatal(new FatalGatewayError(event.code));
      }
    });
    client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord'));

    const { knowledge } = options;
    if (knowledge.on) {
      this.#unsubscribe.push(
        knowledge.on('invalid', (outcome) => {
          logger.error(
            { errors: outcome.errors.map((d) => formatDiagnostic(d, knowledge.dir)), kept: outcome.keptVersion },
            'knowledge edit is invalid; the last good knowledge keeps serving',
          );
          const post = this.#edits.refused(outcome.errors, knowledge.current.base.loadedAt);
          if (post) void this.postToModerators(post.title, post.body, post.tone);
          else logger.info('the same refusal was already posted to the moderators');
        }),
        knowledge.on('reload', (state) => logger.info({ version: state.base.version }, 'knowledge reloaded')),
        knowledge.on('valid', (outcome) => {
          const post = this.#edits.valid(knowledge.current.base.loadedAt, outcome.changed);
          if (post) void this.postToModerators(post.title, post.body, post.tone);
        }),
      );
    }
  }

  /** Logs in and resolves once the gateway is ready; rejects on a fatal close (bad token, intents). */
  async start(): Promise<void> {
    const { client, logger } = this.options;
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await Promise.race([client.login(this.options.token), this.#fatal]);
    await Promise.race([ready, this.#fatal]);
    logger.info({ user: client.user?.tag, knowledge: this.options.knowledge.current.base.version }, 'Hotline is online');
    const every = this.options.digestEveryMs ?? 7 * 24 * 60 * 60 * 1000;
    if (this.options.settings.modLogChannelId && every > 0) {
      this.#digestTimer = setInterval(() => void this.postDigest(), every);
      this.#digestTimer.unref();
    }
  }

  /** Rejects when the gateway closes for good after start. */
  get fatal(): Promise<never> {
    return this.#fatal;
  }

  async postDigest(): Promise<void> {
    const ids = this.options.knowledge.current.base.entries.map((e) => e.id);
    await this.postToModerators('Weekly digest', weeklyDigest(this.options.insight, ids), 'notice');
  }

  /** Posts to MOD_LOG_CHANNEL_ID when set; failures are logged, never thrown. */
  async postToModerators(title: string, body: string, tone: 'refused' | 'clear' | 'notice' = 'refused'): Promise<void> {
    const channel = this.options.settings.modLogChannelId;
    if (!channel || this.#stopped) return;
    const color = tone === 'clear' ? COLOR.timeline : tone === 'notice' ? COLOR.notice : COLOR.error;
    const embed = new EmbedBuilder()
      .setTitle(truncate(title, 256))
      .setDescription(truncate(body || '—', 4096))
      .setColor(color)
      .toJSON();
    try {
      await this.options.client.rest.post(Routes.channelMessages(channel), { body: { embeds: [embed], allowed_mentions: { parse: [] } } });
    } catch (error) {
      this.options.logger.warn({ err: error, channel }, 'could not post to the moderators channel');
    }
  }

  /** Stops taking interactions, finishes those in flight, closes the gateway. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#digestTimer);
    for (const off of this.#unsubscribe) off();
    await this.router.drain(timeoutMs);
    await this.options.client.destroy();
  }
}
