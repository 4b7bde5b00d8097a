import { DiscordAPIError, PermissionFlagsBits, type AutocompleteInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import type { ChatCommand, Command, CommandContext, ComponentHandler } from './command';
import { Cooldowns } from './cooldowns';
import type { Logger } from './logger';
import { notice } from './render';
import { Responder } from './responder';

// Routes every interaction to its command, and makes sure that whatever a handler does, the
// process survives and the user hears back: errors are caught and logged with context, the user
// gets a private "something went wrong" while the interaction is alive, an expired interaction
// (10062) is logged once and dropped, and slow work is deferred before Discord's 3 s run out.

export const EXPIRED = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;

export type SharedContext = Omit<CommandContext, 'respond' | 'receivedAt' | 'engine'>;

export type RouterOptions = {
  commands: readonly Command[];
  context: SharedContext;
  logger: Logger;
  /** Defer a command that has not answered after this long (Discord allows 3 s). */
  autoDeferMs?: number;
};

export function discordErrorCode(error: unknown): number | undefined {
  if (error instanceof DiscordAPIError) return typeof error.code === 'number' ? error.code : Number(error.code);
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

export class InteractionRouter {
  #commands = new Map<string, Command>();
  #components = new Map<string, { command: Command; handler: ComponentHandler }>();
  #cooldowns = new Cooldowns();
  #inFlight = new Set<Promise<void>>();
  #accepting = true;
  readonly #autoDeferMs: number;

  constructor(private readonly options: RouterOptions) {
    this.#autoDeferMs = options.autoDeferMs ?? 2000;
    for (const command of options.commands) {
      if (this.#commands.has(command.data.name)) throw new Error(`two commands are named ${command.data.name}`);
      this.#commands.set(command.data.name, command);
      for (const [prefix, handler] of Object.entries(command.components ?? {})) {
        if (this.#components.has(prefix)) throw new Error(`two commands handle the custom_id prefix ${prefix}`);
        this.#components.set(prefix, { command, handler });
      }
    }
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Never rejects. */
  handle(interaction: Interaction): Promise<void> {
    const run = this.#route(interaction).catch((error) => {
      // #route catches everything; this is the belt to its braces.
      this.options.logger.error({ err: error }, 'interaction routing failed');
    });
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
    return run;
  }

  /** Stops taking new interactions (they get a short "restarting" note) and waits for those in flight. */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.#accepting = false;
    const deadline = Date.now() + timeoutMs;
    // Interactions arriving meanwhile are in flight too (their "restarting" note): wait for them as well.
    while (this.#inFlight.size > 0 && Date.now() < deadline) {
      const all = Promise.allSettled([...this.#inFlight]);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())))]);
      clearTimeout(timer);
    }
  }

  async #route(interaction: Interaction): Promise<void> {
    const receivedAt = Date.now();
    const logger = this.options.logger.child({
      interaction: interaction.id,
      type: interaction.type,
      // Pseudonymous, like the database's: the raw id never reaches a log line.
      user: this.options.context.insight.userKey(interaction.user.id),
      guild: interaction.guildId ?? undefined,
      ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
      ...(interaction.isMessageComponent() || interaction.isModalSubmit() ? { customId: interaction.customId } : {}),
    });

    if (interaction.isAutocomplete()) return this.#autocomplete(interaction, logger);
    if (!interaction.isRepliable()) return;
    const respond = new Responder(interaction);

    if (!this.#accepting) {
      return this.#safely(logger, respond, () => respond.tell(notice('Hotline is restarting — please ask again in a minute.')));
    }

    let command: Command | undefined;
    let component: ComponentHandler | undefined;
    let args: string[] = [];
    if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      command = this.#commands.get(interaction.commandName);
    } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const [prefix = '', ...rest] = interaction.customId.split(':');
      const found = this.#components.get(prefix);
      command = found?.command;
      component = found?.handler;
      args = rest;
    }
    if (!command) {
      logger.warn('no handler for this interaction');
      return this.#safely(logger, respond, () => respond.tell(notice("This doesn't work any more. Try the command again.")));
    }

    const ctx: CommandContext = { ...this.options.context, engine: this.options.context.knowledge.current.engine, respond, receivedAt, logger };

    await this.#safely(logger, respond, async () => {
      if (command.moderatorOnly && !isModerator(interaction)) {
        logger.info('moderator command refused');
        return respond.tell(notice('This command is for moderators (members with the **Manage Server** permission).'));
      }
      if (!component) {
        const wait = this.#cooldownLeft(command, interaction.user.id);
        if (wait > 0) {
          return respond.tell(cooldownNotice(Date.now() + wait));
        }
      }
      // Work that might be slow is deferred before Discord's window closes; fast work never notices.
      const timer = setTimeout(() => {
        if (respond.acknowledged) return;
        const ephemeral = interaction.isChatInputCommand() && command.kind === 'chat' ? Boolean((command as ChatCommand).ephemeral?.(interaction)) : true;
        respond.defer({ ephemeral, update: interaction.isMessageComponent() }).catch((error) => this.#report(logger, error, 'deferral failed'));
      }, this.#autoDeferMs);
      try {
        if (component) await component(interaction as never, ctx, args);
        else if (command.kind === 'chat' && interaction.isChatInputCommand()) await command.execute(interaction, ctx);
        else if (command.kind === 'message' && interaction.isMessageContextMenuCommand()) await command.execute(interaction, ctx);
      } finally {
        clearTimeout(timer);
      }
      logger.debug({ ms: Date.now() - receivedAt }, 'interaction handled');
    });
  }

  async #autocomplete(interaction: AutocompleteInteraction, logger: Logger): Promise<void> {
    const command = this.#commands.get(interaction.commandName);
    try {
      if (!this.#accepting || !command || command.kind !== 'chat' || !command.autocomplete) {
        await interaction.respond([]);
        return;
      }
      await command.autocomplete(interaction, {
        ...this.options.context,
        engine: this.options.context.knowledge.current.engine,
        receivedAt: Date.now(),
        logger,
      });
    } catch (error) {
      this.#report(logger, error, 'autocomplete failed');
      if (!interaction.responded && discordErrorCode(error) !== EXPIRED) await interaction.respond([]).catch(() => undefined);
    }
  }

  /** Runs `work`; a failure is logged with context and, while the interaction lives, the user is told privately. */
  async #safely(logger: Logger, respond: Responder, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const code = this.#report(logger, error, 'interaction handler failed');
      if (code === EXPIRED || code === ALREADY_ACKNOWLEDGED) return;
      try {
        await respond.tell(notice('Something went wrong while answering. The moderators can see what happened in the logs; please try again.'));
      } catch (second) {
        logger.debug({ err: second }, 'could not tell the user about the failure');
      }
    }
  }

  /** Logs a failure once, at the level it deserves; returns the Discord error code, if any. */
  #report(logger: Logger, error: unknown, message: string): number | undefined {
    const code = discordErrorCode(error);
    if (code === EXPIRED) logger.warn({ code }, 'interaction expired before it was acknowledged (10062); dropped');
    else if (code === ALREADY_ACKNOWLEDGED) logger.warn({ code }, 'interaction was already acknowledged (40060)');
    else logger.error({ err: error }, message);
    return code;
  }

  /** Milliseconds until `userId` may use the command again (0: now), counting this use when allowed. */
  #cooldownLeft(command: Command, userId: string): number {
    const limit = command.cooldown?.(this.options.context.settings);
    if (!limit) return 0;
    // Commands that share an allowance name the same bucket (/ask and Ask Hotline: one allowance).
    return this.#cooldowns.take(limit.bucket ?? command.data.name, userId, limit);
  }
}

/** The cooldown reply: a Discord relative timestamp, which each member's client counts down live ("in 12 seconds"). */
export function cooldownNotice(readyAt: number): ReturnType<typeof notice> {
  return notice(`You're asking quickly — you can ask again <t:${Math.ceil(readyAt / 1000)}:R>.`);
}

/** Manage Server (or Administrator, which implies it), in a guild. */
export function isModerator(interaction: RepliableInteraction): boolean {
  return interaction.inGuild() && Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
}
