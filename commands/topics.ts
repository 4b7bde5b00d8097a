import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommand } from '../src/bot/command';
import { renderTopicEntries, renderTopics } from '../src/bot/cards';
import { notice } from '../src/bot/render';

// /topics: topics with counts; picking one in the menu lists its entries (privately, so a shared
// channel is not flooded by everyone browsing).

export const data = new SlashCommandBuilder().setName('topics').setDescription('What Hotline knows about: topics with their number of entries');

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(_interaction, ctx) {
    await ctx.respond.send(renderTopics(ctx.engine.topics(), ctx.engine.base.version));
  },
  components: {
    topics: async (interaction, ctx) => {
      const id = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const topic = id ? ctx.engine.base.topics.get(id) : undefined;
      if (!topic) return ctx.respond.tell(notice('That topic is no longer in the knowledge base. Run `/topics` again.'));
      const entries = ctx.engine.base.entries.filter((e) => e.topics.includes(topic.id));
      await ctx.respond.tell(renderTopicEntries(topic, entries, ctx.engine.base.version));
    },
  },
};
