import {
  LabelBuilder,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { ChatCommand, CommandContext } from '../src/bot/command';
import { DISCORD, truncate } from '../src/bot/discord-text';
import { answerInteraction, MAX_QUESTION, respondChoices, sourceDetails } from '../src/bot/answering';
import { isModerator } from '../src/bot/interactions';
import { notice, renderAnswer, renderSources } from '../src/bot/render';

// /ask question [hide] [mention]: the cited answer. Its buttons (prefix "ask") page through the
// results, show source details, open a did-you-mean or see-also entry and delete the answer; "fb"
// carries 👍/👎 feedback.

export { MAX_QUESTION };
export const REASON_FIELD = 'reason';
/** How long the asker may delete a public answer with its 🗑 button (moderators may at any time). */
export const DELETE_WINDOW_MS = 5 * 60 * 1000;

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask about military-to-military dialogue; the answer cites its sources')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, e.g. "When was the U.S.–Soviet hotline set up?"')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_QUESTION),
  )
  .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer (a mentioned member is then not notified)'))
  .addUserOption((o) => o.setName('mention').setDescription('Suggest the answer to this member (only they are notified; not with hide)'));

const expired = () => notice('This answer has expired (Hotline was restarted or it is too old). Please ask again with `/ask`.');

type Click = MessageComponentInteraction | ModalSubmitInteraction;

/** Moderators may delete any answer; checked now, from the clicker's permissions in this channel. */
function canModerate(interaction: Click): boolean {
  return isModerator(interaction as never) || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages));
}

async function onDelete(interaction: Click, ctx: CommandContext, key: string): Promise<void> {
  if (!interaction.isMessageComponent()) return ctx.respond.tell(notice("This button doesn't work any more."));
  // Who asked is what Discord says about the message; the view (lost on restart) is the fallback.
  const owner = interaction.message.interactionMetadata?.user.id ?? ctx.views.get(key)?.userId;
  if (!owner) return ctx.respond.tell(notice("This button doesn't belong to an answer I can delete."));
  const moderator = canModerate(interaction);
  if (interaction.user.id !== owner && !moderator) return ctx.respond.tell(notice('Only the member who asked (or a moderator) can delete this answer.'));
  if (!moderator && Date.now() - interaction.message.createdTimestamp > DELETE_WINDOW_MS) {
    return ctx.respond.tell(
      notice(
        `This answer is more than ${DELETE_WINDOW_MS / 60_000} minutes old, so it can no longer be deleted with this button. Ask a moderator if it should go.`,
      ),
    );
  }
  ctx.logger.info({ by: moderator && interaction.user.id !== owner ? 'moderator' : 'asker' }, 'answer deleted');
  await ctx.respond.remove();
}

async function onAskButton(interaction: Click, ctx: CommandContext, args: string[]): Promise<void> {
  const [action, key = '', extra = ''] = args;
  if (action === 'del') return onDelete(interaction, ctx, key);
  const view = ctx.views.get(key);
  if (!view) return ctx.respond.tell(expired());
  const asker = interaction.user.id === view.userId;
  if (action === 'page') {
    const page = Number(extra);
    if (asker) return ctx.respond.update(renderAnswer(view.answer, { key, page, mention: view.mention, ephemeral: view.hidden, details: sourceDetails(ctx) }));
    return ctx.respond.tell(renderAnswer(view.answer, { key, page, ephemeral: true, details: sourceDetails(ctx) }));
  }
  if (action === 'src') return ctx.respond.tell(renderSources(view.answer, { page: Number(extra) || 0, details: sourceDetails(ctx) }));
  if (action === 'pick') {
    // A did-you-mean choice answers the question that was asked, in place of the menu.
    return answerInteraction(ctx, {
      entryId: extra,
      question: view.answer.question,
      hide: asker ? (view.hide ?? false) : true,
      mention: asker ? view.mention : undefined,
      via: 'button',
      ...(asker ? { inPlace: { private: view.hidden } } : {}),
    });
  }
  if (action === 'see' && interaction.isStringSelectMenu()) {
    // See also is browsing: the related entry is shown privately, the answer stays as it is.
    return answerInteraction(ctx, { entryId: interaction.values[0] ?? '', hide: true, via: 'button' });
  }
  return ctx.respond.tell(notice("This button doesn't work any more. Please ask again with `/ask`."));
}

async function onFeedback(interaction: Click, ctx: CommandContext, args: string[]): Promise<void> {
  const [action, key = '', entryId = ''] = args;
  const view = ctx.views.get(key);
  // Only an entry the answer showed can be rated: a forged or stale button id records nothing.
  if (!view || !view.answer.results.some((r) => r.entry.id === entryId)) {
    return ctx.respond.tell(
      notice('This answer can no longer be rated (it is too old, or Hotline was restarted). Ask again with `/ask` to rate the new answer.'),
    );
  }
  const question = view.answer.question;
  const record = (helpful: boolean, reason?: string) => {
    try {
      ctx.insight.recordFeedback({
        at: new Date(),
        guildId: interaction.guildId ?? null,
        userId: interaction.user.id,
        entryId,
        answerKey: key,
        ...(question ? { question } : {}),
        helpful,
        ...(reason ? { reason } : {}),
      });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'could not record feedback');
    }
  };
  if (action === 'up') {
    record(true);
    return ctx.respond.tell(notice('Thanks — glad it helped.'));
  }
  if (action === 'down') {
    const modal = new ModalBuilder()
      .setCustomId(`fb:why:${key}:${entryId}`.slice(0, DISCORD.customId))
      .setTitle('What was wrong?')
      .addLabelComponents(
        new LabelBuilder()
          .setLabel('What was wrong with this answer? (optional)')
          .setTextInputComponent(new TextInputBuilder().setCustomId(REASON_FIELD).setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(500)),
      );
    return ctx.respond.showModal(modal);
  }
  if (action === 'why' && interaction.isModalSubmit()) {
    let reason = '';
    try {
      reason = interaction.fields.getTextInputValue(REASON_FIELD);
    } catch {
      // An empty optional field may arrive without a value.
    }
    record(false, reason.trim() ? truncate(reason, 500) : undefined);
    return ctx.respond.tell(notice('Thanks — the moderators will see this and use it to fix the answer.'));
  }
  return ctx.respond.tell(notice("This button doesn't work any more."));
}

export const command: ChatCommand = {
  kind: 'chat',
  data,
  cooldown: (settings) => settings.askCooldown,
  ephemeral: (interaction) => interaction.options.getBoolean('hide') ?? false,
  async execute(interaction, ctx) {
    await answerInteraction(ctx, {
      text: interaction.options.getString('question', true),
      hide: interaction.options.getBoolean('hide') ?? false,
      mention: interaction.options.getUser('mention')?.id,
      via: 'slash',
    });
  },
  async autocomplete(interaction, ctx) {
    await respondChoices(interaction, ctx.engine.suggest(String(interaction.options.getFocused() ?? ''), DISCORD.choices));
  },
  components: { ask: onAskButton, fb: onFeedback },
};
