import type { AutocompleteInteraction } from 'discord.js';
import type { AnswerEngine } from '../src/answer/engine-api';
import { respondChoices } from '../src/bot/answering';

// The `topic` option shared by /quote and /timeline: autocompleted from the topics in memory, and
// resolved from an id or (when a client sends the choice's name) from the name.

export function suggestTopics(engine: AnswerEngine, partial: string): Array<{ name: string; value: string }> {
  const needle = partial.trim().toLowerCase();
  return engine
    .topics()
    .filter(({ topic }) => !needle || topic.id.includes(needle) || topic.name.toLowerCase().includes(needle))
    .map(({ topic, count }) => ({ name: `${topic.name} (${count})`, value: topic.id }));
}

export function resolveTopic(engine: AnswerEngine, raw: string | null): { id?: string; unknown?: string } {
  if (!raw?.trim()) return {};
  const text = raw.trim();
  if (engine.base.topics.has(text)) return { id: text };
  const lower = text.toLowerCase().replace(/\s*\(\d+\)$/, '');
  for (const topic of engine.base.topics.values()) if (topic.id === lower || topic.name.toLowerCase() === lower) return { id: topic.id };
  return { unknown: text };
}

export async function respondWithTopics(interaction: AutocompleteInteraction, engine: AnswerEngine): Promise<void> {
  await respondChoices(interaction, suggestTopics(engine, String(interaction.options.getFocused() ?? '')));
}
