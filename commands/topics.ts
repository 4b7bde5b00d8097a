import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommand } from '../src/bot/command';
import { answerInteraction } from '../src/bot/answering';
import { renderTopicEntries, renderTopics } from '../src/bot/cards';
import { notice } from '../src/bot/render';

// /topics: topics with counts. Picking one lists its entries a page at a time, and picking an entry
// there opens it — all privately, so a shared channel is not flooded by everyone browsing.
// Components: topics:pick (menu of topics), topics:page:<topic>:<page>, topics:entry:<topic>:<page> (menu of entries).

export const data = new SlashCommandBuilder().setName('topics').setDescription('What Hotline knows about: topics with their number of entries');

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(_interaction, ctx) {
    await ctx.respond.send(renderTopics(ctx.engine.topics(), ctx.engine.base.asOf));
  },
  components: {
    topics: async (interaction, ctx, args) => {
      const [action, topicId, page = '0'] = args;
      const picked = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      if (action === 'entry') return answerInteraction(ctx, { entryId: picked ?? '', hide: true, via: 'button' });
      const id = action === 'pick' ? picked : topicId;
      const topic = id ? ctx.engine.base.topics.get(id) : undefined;
      if (!topic) return ctx.respond.tell(notice('That topic is no longer in the knowledge base. Run `/topics` again.'));
      const entries = ctx.engine.base.entries.filter((e) => e.topics.includes(topic.id));
      const reply = renderTopicEntries(topic, entries, Number(page), ctx.engine.base.asOf);
      // Paging changes the private list it belongs to; the first pick opens a new one.
      return action === 'page' ? ctx.respond.update(reply) : ctx.respond.tell(reply);
    },
  },
};
