import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { MessageCommand } from '../src/bot/command';
import { answerInteraction } from '../src/bot/answering';

// Message context menu "Ask Hotline": answers the question in the selected message, read as /ask
// reads it (mentions, emoji, markdown and links taken out first).

export const data = new ContextMenuCommandBuilder().setName('Ask Hotline').setType(ApplicationCommandType.Message);

export const command: MessageCommand = {
  kind: 'message',
  data,
  cooldown: (settings) => settings.askCooldown,
  async execute(interaction, ctx) {
    await answerInteraction(ctx, { text: interaction.targetMessage.content, hide: false, via: 'context-menu' });
  },
};
