import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command';
import { command as about } from './about';
import { command as ask } from './ask';
import { command as askHotline } from './ask-hotline';
import { command as kb } from './kb';
import { command as quote } from './quote';
import { command as source } from './source';
import { command as timeline } from './timeline';
import { command as topics } from './topics';

// The one registry: the bot routes from it, `npm run deploy` registers it, the tests read it.

export const commands: readonly Command[] = [ask, askHotline, quote, timeline, source, topics, about, kb];

/** The JSON Discord receives at registration (PUT /applications/{id}/commands). */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}
