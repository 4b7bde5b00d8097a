import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { MessageCommand } from '../src/bot/command';
import { resolveQuestion, sendAnswer } from '../src/bot/answering';
import { notice } from '../src/bot/render';
import { MAX_QUESTION } from './ask';

// Message context menu "Ask Hotline": answers the question in the selected message.

export const data = new ContextMenuCommandBuilder().setName('Ask Hotline').setType(ApplicationCommandType.Message);

export const command: MessageCommand = {
  kind: 'message',
  data,
  cooldown: (settings) => settings.askCooldown,
  async execute(interaction, ctx) {
    const text = interaction.targetMessage.content.trim();
    if (!text) return ctx.respond.tell(notice('That message has no text I can read. Use `/ask` and type the question.'));
    const question = text.slice(0, MAX_QUESTION);
    // A message is free text even if it happens to start like a choice value.
    const answer = question.startsWith('entry:') ? ctx.engine.ask(question, { limit: 9 }) : resolveQuestion(ctx, question);
    await sendAnswer(ctx, { question, answer, hide: false, via: 'context-menu' });
  },
};
