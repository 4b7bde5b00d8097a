import { SlashCommandBuilder } from 'discord.js';
import type { ChatCommand } from '../src/bot/command';
import { renderSourceCard } from '../src/bot/cards';
import { DISCORD, escapeUserText } from '../src/bot/discord-text';
import { notice } from '../src/bot/render';
import { respondChoices } from '../src/bot/answering';

// /source id: a source's citation card with the entries that cite it.

export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('The citation card of a source, with the entries that cite it')
  .addStringOption((o) => o.setName('id').setDescription('Start typing a title, publisher or id').setRequired(true).setAutocomplete(true).setMaxLength(100));

export const command: ChatCommand = {
  kind: 'chat',
  data,
  async execute(interaction, ctx) {
    const raw = interaction.options.getString('id', true).trim();
    // A client may send the choice's name instead of its value: fall back to the best suggestion.
    const found = ctx.engine.source(raw) ?? ctx.engine.source(ctx.engine.suggestSources(raw, 1)[0]?.value ?? '');
    if (!found) return ctx.respond.tell(notice(`I have no source “${escapeUserText(raw, 100)}”. Start typing and pick one of the suggestions.`));
    await ctx.respond.send(renderSourceCard(found.source, found.entries, ctx.engine.base.asOf));
  },
  async autocomplete(interaction, ctx) {
    await respondChoices(interaction, ctx.engine.suggestSources(String(interaction.options.getFocused() ?? ''), DISCORD.choices));
  },
};
