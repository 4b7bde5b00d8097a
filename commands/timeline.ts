import { SlashCommandBuilder, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { TimelineFilter } from '../src/answer/engine-api';
import type { ChatCommand, CommandContext } from '../src/bot/command';
import { escapeUserText, oneLine } from '../src/bot/discord-text';
import { notice, renderTimeline, type Reply } from '../src/bot/render';
import { dateBounds, dateProblem } from '../src/knowledge/schema';
import { readableDate } from '../src/text/readable-date';
import { resolveTopic, respondWithTopics } from './topic-option';

// /timeline [topic] [from] [to]: dated events in order, paged with buttons. The filter is small
// enough to ride in the buttons' custom_id (tl:p:<topic>:<from>:<to>:<page>), so paging needs no
// memory and survives a restart. Dates are checked by the knowledge's own date rule.

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events in order')
  .addStringOption((o) => o.setName('topic').setDescription('Only events on this topic').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('from').setDescription('From this date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
  .addStringOption((o) => o.setName('to').setDescription('Up to this date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10));

/** What is wrong with a from/to pair, for the member; undefined when both are usable. */
export function rangeProblem(from?: string, to?: string): string | undefined {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const problem = value === undefined ? undefined : dateProblem(value);
    if (!problem) continue;
    const hint = problem.includes('YYYY') ? ' (for example 1963, 1963-08 or 1963-08-30)' : '';
    return `\`${name}\` \`${value!.replace(/`/g, '')}\` ${problem}${hint}.`;
  }
  if (from && to && dateBounds(from).first > dateBounds(to).last) {
    return `\`from\` (${readableDate(from)}) is after \`to\` (${readableDate(to)}), so no date can fall between them. Swap them, or leave one out.`;
  }
  return undefined;
}

function render(ctx: CommandContext, filter: TimelineFilter, page: number): Reply {
  const answer = ctx.engine.timeline(filter);
  const topicName = filter.topic ? ctx.engine.base.topics.get(filter.topic)?.name : undefined;
  const range = filter.from || filter.to ? ` (${filter.from ? readableDate(filter.from) : '…'} – ${filter.to ? readableDate(filter.to) : '…'})` : '';
  return renderTimeline(answer, {
    page,
    pagerPrefix: `tl:p:${filter.topic ?? ''}:${filter.from ?? ''}:${filter.to ?? ''}`,
    title: `Timeline${topicName ? `: ${oneLine(topicName)}` : ''}${range}`,
    empty: 'No dated events match. Try a wider range or another topic (`/topics`).',
  });
}

async function onPage(interaction: MessageComponentInteraction | ModalSubmitInteraction, ctx: CommandContext, args: string[]): Promise<void> {
  const [, topic = '', from = '', to = '', page = '0'] = args;
  const usable = (value: string) => value !== '' && dateProblem(value) === undefined;
  const filter: TimelineFilter = { ...(topic ? { topic } : {}), ...(usable(from) ? { from } : {}), ...(usable(to) ? { to } : {}) };
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
    const problem = rangeProblem(from, to);
    if (problem) return ctx.respond.tell(notice(problem));
    await ctx.respond.send(render(ctx, { ...(topic.id ? { topic: topic.id } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, 0));
  },
  async autocomplete(interaction, ctx) {
    await respondWithTopics(interaction, ctx.engine);
  },
  components: { tl: onPage },
};
