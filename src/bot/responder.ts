import { MessageFlags, type InteractionReplyOptions, type MessageComponentInteraction, type ModalBuilder, type RepliableInteraction } from 'discord.js';
import type { Reply } from './render';

// One place that knows how an interaction was acknowledged, so the right call follows: reply, or
// editReply after a deferral, or followUp once answered. discord.js marks an interaction as
// replied only after the request returns; this records the acknowledgement before the await, so a
// deferral timer and a handler can never both acknowledge (Discord would answer 40060).

type State = 'none' | 'deferred-reply' | 'deferred-update' | 'replied' | 'updated' | 'modal';

export type SendOptions = { ephemeral?: boolean };

function toOptions(reply: Reply): {
  content: string;
  embeds: Reply['embeds'];
  components: Reply['components'];
  allowedMentions: Reply['allowedMentions'];
  files?: Array<{ attachment: Buffer; name: string; description?: string }>;
} {
  const files = reply.files?.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) }));
  return {
    content: reply.content ?? '',
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: reply.allowedMentions,
    ...(files?.length ? { files } : {}),
  };
}

export class Responder {
  #state: State = 'none';
  #ack: Promise<unknown> = Promise.resolve();
  #ephemeral = false;

  constructor(readonly interaction: RepliableInteraction) {}

  get acknowledged(): boolean {
    return this.#state !== 'none';
  }

  get state(): State {
    return this.#state;
  }

  /** Acknowledges now ("thinking…") unless something was sent already. */
  async defer(options: SendOptions & { update?: boolean } = {}): Promise<void> {
    if (this.#state !== 'none') return;
    if (options.update && this.interaction.isMessageComponent()) {
      this.#state = 'deferred-update';
      this.#ack = (this.interaction as MessageComponentInteraction).deferUpdate();
    } else {
      this.#state = 'deferred-reply';
      this.#ephemeral = Boolean(options.ephemeral);
      this.#ack = this.interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    }
    await this.#ack;
  }

  /** The answer to the interaction: a reply, the edit of a deferred reply, or a follow-up. */
  async send(reply: Reply, options: SendOptions = {}): Promise<void> {
    const body = toOptions(reply);
    const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
    switch (this.#state) {
      case 'none':
        this.#state = 'replied';
        this.#ephemeral = Boolean(options.ephemeral);
        this.#ack = this.interaction.reply({ ...body, ...(flags ? { flags } : {}) } as InteractionReplyOptions);
        await this.#ack;
        return;
      case 'deferred-reply':
        await this.#ack.catch(() => undefined);
        this.#state = 'replied';
        // A public "thinking…" cannot become private: it is removed and the private reply follows it.
        if (options.ephemeral && !this.#ephemeral) {
          await this.interaction.deleteReply().catch(() => undefined);
          await this.interaction.followUp({ ...body, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
          return;
        }
        await this.interaction.editReply(body);
        return;
      default:
        await this.#ack.catch(() => undefined);
        await this.interaction.followUp({ ...body, ...(flags ? { flags } : {}) } as InteractionReplyOptions);
    }
  }

  /** Deletes the message a button belongs to (the 🗑 button of a public answer). */
  async remove(): Promise<void> {
    const interaction = this.interaction;
    if (!interaction.isMessageComponent()) throw new Error('only a button or menu can delete its message');
    if (this.#state === 'none') {
      this.#state = 'deferred-update';
      this.#ack = interaction.deferUpdate();
    }
    await this.#ack;
    this.#state = 'updated';
    await interaction.deleteReply();
  }

  /** Replaces the message a button or menu belongs to (or, for a command, sends as `send`). */
  async update(reply: Reply): Promise<void> {
    const interaction = this.interaction;
    if (!interaction.isMessageComponent() && !(interaction.isModalSubmit() && interaction.isFromMessage())) return this.send(reply);
    const body = toOptions(reply);
    switch (this.#state) {
      case 'none':
        this.#state = 'updated';
        this.#ack = (interaction as MessageComponentInteraction).update(body);
        await this.#ack;
        return;
      case 'deferred-update':
        await this.#ack.catch(() => undefined);
        this.#state = 'updated';
        await interaction.editReply(body);
        return;
      default:
        return this.send(reply);
    }
  }

  async showModal(modal: ModalBuilder): Promise<void> {
    const interaction = this.interaction;
    if (this.#state !== 'none' || !('showModal' in interaction)) throw new Error('a modal must be the first response to an interaction');
    this.#state = 'modal';
    this.#ack = (interaction as MessageComponentInteraction).showModal(modal);
    await this.#ack;
  }

  /**
   * A private note to the user, whatever happened before (errors and refusals). After a public
   * deferral the "thinking…" message is removed and the note follows privately.
   */
  async tell(reply: Reply): Promise<void> {
    return this.send(reply, { ephemeral: true });
  }
}
