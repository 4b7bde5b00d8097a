import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnswerEngine } from '../answer/engine-api';
import type { KnowledgeBase } from '../knowledge/base';
import type { ReloadOutcome } from '../knowledge/store';
import type { Insight } from '../insight/api';
import type { Logger } from './logger';
import type { Responder } from './responder';
import type { ViewCache } from './views';

// What a command file exports, and what its handlers are given. One registry (commands/index.ts)
// lists the commands; the bot, the deploy step and the tests all read it.

/** The knowledge the bot serves: the store in production, a fixed base in unit tests. */
export type KnowledgeSource = {
  readonly current: { base: KnowledgeBase; engine: AnswerEngine };
  reload(): Promise<ReloadOutcome>;
  /** The folder, for /kb check. */
  readonly dir: string;
};

/** `uses` per `perMs` for each member; commands naming the same `bucket` share one allowance. */
export type Cooldown = { uses: number; perMs: number; bucket?: string };

export type BotSettings = {
  askCooldown: Cooldown;
  modLogChannelId?: string;
};

export type CommandContext = {
  /** The engine as it was when the interaction arrived: one interaction sees one knowledge version. */
  engine: AnswerEngine;
  knowledge: KnowledgeSource;
  insight: Insight;
  logger: Logger;
  views: ViewCache;
  settings: BotSettings;
  /** Replies through this, never on the interaction directly: it knows whether we deferred. */
  respond: Responder;
  /** When the interaction arrived (ms since epoch), for handling-time figures. */
  receivedAt: number;
};

type Builder = { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };

export type ComponentHandler = (interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]) => Promise<void>;

type CommandBase = {
  /** Only members with Manage Server; checked at run time as well as through default permissions. */
  moderatorOnly?: boolean;
  cooldown?: (settings: BotSettings) => Cooldown | undefined;
  /**
   * Handlers for buttons, select menus and modals, keyed by the custom_id prefix (the text before
   * the first ':'); they receive the remaining ':'-separated parts. Prefixes are unique across commands.
   */
  components?: Record<string, ComponentHandler>;
};

export type ChatCommand = CommandBase & {
  kind: 'chat';
  data: Builder;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Must do no more than an in-memory lookup: Discord gives autocomplete 3 s and users type fast. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: Omit<CommandContext, 'respond'>): Promise<void>;
  /** Whether a deferral forced by slow work should be ephemeral (mirrors the command's `hide`). */
  ephemeral?(interaction: ChatInputCommandInteraction): boolean;
};

export type MessageCommand = CommandBase & {
  kind: 'message';
  data: ContextMenuCommandBuilder;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
};

export type Command = ChatCommand | MessageCommand;
