import { LabelBuilder, ModalBuilder, SlashCommandBuilder, TextInputBuilder, TextInputStyle, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import { entryLabel } from '../src/answer/compose';
import type { ChatCommand, CommandContext } from '../src/bot/command';
import { DISCORD, oneLine, truncate } from '../src/bot/discord-text';
import { recordQuestion, resolveQuestion, sendAnswer } from '../src/bot/answering';
import { notice, renderAnswer, renderSources } from '../src/bot/render';

// /ask question [hide] [mention]: the cited answer. Its buttons (prefix "ask") page through the
// results, list the sources and open a did-you-mean or see-also entry; "fb" carries 👍/👎 feedback.

export const MAX_QUESTION = 600;
export const REASON_FIELD = 'reason';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask about military-to-military dialogue; the answer cites its sources')
  .addStringOption((o) =>
    o.setName('question').setDescription('Your question, e.g. "When was the U.S.–Soviet hotline set up?"').setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION),
  )
  .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'))
  .addUserOption((o) => o.setName('mention').setDescription('Address the answer to this member (only they are notified)'));

const expired = () => notice('This answer has expired (Hotline was restarted or it is too old). Please ask again with `/ask`.');

/** A click by the asker changes the message; anyone else gets their own private copy. */
function isAsker(interaction: MessageComponentInteraction | ModalSubmitInteraction, userId: string): boolean {
  return interaction.user.id === userId;
}

async function onAskButton(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]): Promise<void> {
  const [action, key = '', extra = ''] = args;
  const view = ctx.views.get(key);
  if (action === 'page') {
    if (!view) return ctx.respond.tell(expired());
    const page = Number(extra);
    if (isAsker(interaction, view.userId)) return ctx.respond.update(renderAnswer(view.answer, { key, page, mention: view.mention }));
    return ctx.respond.tell(renderAnswer(view.answer, { key, page }));
  }
  if (action === 'src') {
    if (!view) return ctx.respond.tell(expired());
    const sources = ctx.engine.base.sources;
    return ctx.respond.tell(renderSources(view.answer, (id) => {
      const s = sources.get(id);
      return s ? { archiveUrl: s.archive_url, note: s.note } : undefined;
    }));
  }
  if (action === 'pick') {
    const entry = ctx.engine.base.byId.get(extra);
    const answer = entry ? ctx.engine.answerFor(extra, view?.answer.question ?? entry.questions?.[0] ?? entryLabel(entry)) : undefined;
    if (!answer) return ctx.respond.tell(notice('That entry is no longer in the knowledge base. Please ask again with `/ask`.'));
    const newKey = ctx.views.put({ kind: 'ask', answer, userId: interaction.user.id, via: 'button', hidden: view?.hidden ?? false, mention: view?.mention });
    const question = view?.answer.question ?? answer.question;
    if (view && isAsker(interaction, view.userId)) await ctx.respond.update(renderAnswer(answer, { key: newKey, mention: view.mention }));
    else await ctx.respond.tell(renderAnswer(answer, { key: newKey }));
    recordQuestion(ctx, { question, answer, via: 'button' });
    return;
  }
  return ctx.respond.tell(notice("This button doesn't work any more. Please ask again with `/ask`."));
}

async function onFeedback(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]): Promise<void> {
  const [action, key = '', entryId = ''] = args;
  const view = ctx.views.get(key);
  // Only an entry the answer showed can be rated: a forged or stale button id records nothing.
  if (!view || !view.answer.results.some((r) => r.entry.id === entryId)) {
    return ctx.respond.tell(notice('This answer can no longer be rated (it is too old, or Hotline was restarted). Ask again with `/ask` to rate the new answer.'));
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
    const raw = interaction.options.getString('question', true).slice(0, MAX_QUESTION);
    const hide = interaction.options.getBoolean('hide') ?? false;
    const mention = interaction.options.getUser('mention')?.id;
    const answer = resolveQuestion(ctx, raw);
    // A picked choice arrives as `entry:<id>`: record and show the words of the entry, not the id.
    const question = raw.startsWith('entry:') ? answer.question : raw;
    await sendAnswer(ctx, { question, answer, hide, mention, via: 'slash' });
  },
  async autocomplete(interaction, ctx) {
    const partial = String(interaction.options.getFocused() ?? '');
    const choices = ctx.engine
      .suggest(partial, DISCORD.choices)
      .slice(0, DISCORD.choices)
      .map((c) => ({ name: truncate(oneLine(c.name), DISCORD.choiceName) || '…', value: c.value.slice(0, DISCORD.choiceValue) }));
    await interaction.respond(choices);
  },
  components: { ask: onAskButton, fb: onFeedback },
};
