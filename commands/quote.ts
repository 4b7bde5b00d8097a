import { SlashCommandBuilder, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { ChatCommand, CommandContext } from '../src/bot/command';
import { DISCORD, escapeUserText, oneLine, truncate } from '../src/bot/discord-text';
import { notice, renderQuotes } from '../src/bot/render';
import { respondChoices } from '../src/bot/answering';
import { resolveTopic, respondWithTopics } from './topic-option';

// /quote [speaker] [topic]: quotes with speaker, role at the time, date and source, newest first.

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Quotes with speaker, role, date and source')
  .addStringOption((o) => o.setName('speaker').setDescription('Who said it').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('topic').setDescription('Only quotes on this topic').setAutocomplete(true).setMaxLength(100));

function titleFor(speaker?: string, topicName?: string): string {
  return truncate(
    ['Quotes', speaker ? `by ${escapeUserText(speaker, 100)}` : '', topicName ? `on ${oneLine(topicName)}` : ''].filter(Boolean).join(' '),
    DISCORD.title,
  );
}

async function onPage(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]): Promise<void> {
  const [, key = '', page = '0'] = args;
  const view = ctx.views.get(key);
  if (!view) return ctx.respond.tell(notice('These quotes have expired. Please run `/quote` again.'));
  const reply = renderQuotes(view.answer, { page: Number(page), pagerPrefix: `qt:page:${key}`, title: view.title ?? 'Quotes', empty: 'No quotes.' });
  if (interaction.user.id === view.userId) return ctx.respond.update(reply);
  return ctx.respond.tell(reply);
}

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(interaction, ctx) {
    const speaker = interaction.options.getString('speaker')?.trim() || undefined;
    const topic = resolveTopic(ctx.engine, interaction.options.getString('topic'));
    if (topic.unknown) return ctx.respond.tell(notice(`There is no topic called “${escapeUserText(topic.unknown, 100)}”. See \`/topics\`.`));
    const answer = ctx.engine.quotes({ ...(speaker ? { speaker } : {}), ...(topic.id ? { topic: topic.id } : {}) });
    const title = titleFor(speaker, topic.id ? ctx.engine.base.topics.get(topic.id)?.name : undefined);
    const key = ctx.views.put({ kind: 'quotes', answer, userId: interaction.user.id, via: 'slash', hidden: false, title });
    const empty = speaker
      ? `I have no quotes by ${escapeUserText(speaker, 100)}${topic.id ? ' on that topic' : ''}. Try the speaker suggestions as you type.`
      : 'I have no quotes on that topic yet.';
    await ctx.respond.send(renderQuotes(answer, { pagerPrefix: `qt:page:${key}`, title, empty }));
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'topic') return respondWithTopics(interaction, ctx.engine);
    await respondChoices(interaction, ctx.engine.suggestSpeakers(String(focused.value ?? ''), DISCORD.choices));
  },
  components: { qt: onPage },
};
