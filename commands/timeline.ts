import { SlashCommandBuilder, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { TimelineFilter } from '../src/answer/engine-api';
import type { ChatCommand, CommandContext } from '../src/bot/command';
import { escapeUserText, oneLine } from '../src/bot/discord-text';
import { notice, renderTimeline, type Reply } from '../src/bot/render';
import { resolveTopic, respondWithTopics } from './topic-option';

// /timeline [topic] [from] [to]: dated events in order, paged with buttons. The filter is small
// enough to ride in the buttons' custom_id (tl:p:<topic>:<from>:<to>:<page>), so paging needs no
// memory and survives a restart.

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events in order')
  .addStringOption((o) => o.setName('topic').setDescription('Only events on this topic').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('from').setDescription('From this date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
  .addStringOption((o) => o.setName('to').setDescription('Up to this date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10));

function render(ctx: CommandContext, filter: TimelineFilter, page: number): Reply {
  const answer = ctx.engine.timeline(filter);
  const topicName = filter.topic ? ctx.engine.base.topics.get(filter.topic)?.name : undefined;
  const range = filter.from || filter.to ? ` (${filter.from ?? '…'} – ${filter.to ?? '…'})` : '';
  return renderTimeline(answer, {
    page,
    pagerPrefix: `tl:p:${filter.topic ?? ''}:${filter.from ?? ''}:${filter.to ?? ''}`,
    title: `Timeline${topicName ? `: ${oneLine(topicName)}` : ''}${range}`,
    empty: 'No dated events match. Try a wider range or another topic (`/topics`).',
  });
}

async function onPage(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]): Promise<void> {
  const [, topic = '', from = '', to = '', page = '0'] = args;
  const filter: TimelineFilter = { ...(topic ? { topic } : {}), ...(DATE.test(from) ? { from } : {}), ...(DATE.test(to) ? { to } : {}) };
  const reply = render(ctx, filter, Number(page));
  const owner = interaction.message?.interactionMetadata?.user.id;
  if (!owner || owner === interaction.user.id) return ctx.respond.update(reply);
  return ctx.respond.tell(reply);
}

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(interaction, ctx) {
    const topic = resolveTopic(ctx.engine, interaction.options.getString('topic'));
    if (topic.unknown) return ctx.respond.tell(notice(`There is no topic called “${escapeUserText(topic.unknown, 100)}”. See \`/topics\`.`));
    const from = interaction.options.getString('from')?.trim() || undefined;
    const to = interaction.options.getString('to')?.trim() || undefined;
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value && !DATE.test(value)) return ctx.respond.tell(notice(`\`${name}\` must be a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 1963 or 1963-08-30).`));
    }
    await ctx.respond.send(render(ctx, { ...(topic.id ? { topic: topic.id } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, 0));
  },
  async autocomplete(interaction, ctx) {
    await respondWithTopics(interaction, ctx.engine);
  },
  components: { tl: onPage },
};
