import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommand } from '../src/bot/command';
import { renderAbout } from '../src/bot/cards';

// /about: what Hotline is, the size and date of the knowledge base, how to suggest a correction.

export const data = new SlashCommandBuilder().setName('about').setDescription('What Hotline is and how to suggest a correction');

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(_interaction, ctx) {
    await ctx.respond.send(renderAbout(ctx.engine.base), { ephemeral: true });
  },
};
