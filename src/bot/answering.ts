import type { AutocompleteInteraction } from 'discord.js';
import type { Suggestion } from '../answer/engine-api';
import { parseChoice } from '../answer/choice';
import { entryLabel } from '../answer/compose';
import { entryQuestion } from '../answer/labels';
import type { Answer } from '../answer/model';
import { cleanChatText } from './chat-text';
import type { CommandContext } from './command';
import { DISCORD, oneLine, truncate } from './discord-text';
import { ASK_RESULTS, isPrivate, notice, renderAnswer, type SourceDetails } from './render';
import type { View } from './views';

// The one use case for answering a member, whether the question was typed into /ask, picked from
// autocomplete, taken from a chat message through "Ask Hotline", or picked from a did-you-mean or
// see-also menu: resolve → answer → render → reply (public only when it is an answer and the member
// did not ask to hide it) → record for moderators.

/** Longest question read (Discord's /ask option allows this much; a chat message is cut to it). */
export const MAX_QUESTION = 600;

export type Via = View['via'];

export type AnswerRequest = {
  /** Free text as the member wrote it (chat syntax is cleaned off), or an autocomplete choice value. */
  text?: string;
  /** An entry picked from a menu or button. */
  entryId?: string;
  /** For a picked entry: the question to echo and record (the one originally asked), else the entry's own. */
  question?: string;
  hide: boolean;
  mention?: string;
  via: Via;
  /**
   * The asker clicked on their own reply: replace it instead of sending a new message. A private
   * did-you-mean that leads to a public answer is closed and the answer posted in the channel.
   */
  inPlace?: { private: boolean };
};

/** Text → Answer the way the bot reads it: a choice value names its entry; chat text is cleaned and searched. */
export function resolveQuestion(ctx: Pick<CommandContext, 'engine'>, raw: string): Answer {
  const id = parseChoice(raw);
  const entry = id ? ctx.engine.base.byId.get(id) : undefined;
  if (entry) return ctx.engine.answerFor(entry.id, entryQuestion(entry) ?? entryLabel(entry))!;
  return ctx.engine.ask(cleanChatText(raw).slice(0, MAX_QUESTION), { limit: ASK_RESULTS });
}

/** Archive copies and notes of the base's sources, for "Source details". */
export function sourceDetails(ctx: Pick<CommandContext, 'engine'>): SourceDetails {
  const sources = ctx.engine.base.sources;
  return (id) => {
    const s = sources.get(id);
    return s ? { archiveUrl: s.archive_url, note: s.note } : undefined;
  };
}

/** Answers a member: resolves the question, records it, and replies (privately unless it is an answer they did not hide). */
export async function answerInteraction(ctx: CommandContext, request: AnswerRequest): Promise<void> {
  let answer: Answer;
  if (request.entryId !== undefined) {
    const entry = ctx.engine.base.byId.get(request.entryId);
    if (!entry) return ctx.respond.tell(notice('That entry is no longer in the knowledge base. Please ask again with `/ask`.'));
    answer = ctx.engine.answerFor(entry.id, request.question ?? entryQuestion(entry) ?? entryLabel(entry))!;
  } else {
    const raw = request.text ?? '';
    if (!parseChoice(raw) && !cleanChatText(raw)) {
      return ctx.respond.tell(notice('I could not find a question in that text (only mentions, emoji or links). Use `/ask` and type the question in words.'));
    }
    answer = resolveQuestion(ctx, raw);
  }

  const ephemeral = isPrivate(answer, request.hide);
  const interaction = ctx.respond.interaction;
  const key = ctx.views.put({
    kind: 'ask',
    answer,
    userId: interaction.user.id,
    via: request.via,
    hidden: ephemeral,
    hide: request.hide,
    mention: request.mention,
  });
  const reply = renderAnswer(answer, { key, mention: request.mention, ephemeral, details: sourceDetails(ctx) });
  // Recorded first, so a question the member saw answered is in the database even if the process is
  // killed right after the reply: the row is written as soon as this turn yields, while the reply is
  // still on its way to Discord (it never throws into the reply).
  recordQuestion(ctx, { question: request.question ?? answer.question, answer, via: request.via });
  if (request.inPlace && request.inPlace.private && !ephemeral) {
    await ctx.respond.update(notice('Your answer is posted in the channel.'));
    await ctx.respond.send(reply);
  } else if (request.inPlace) await ctx.respond.update(reply);
  else await ctx.respond.send(reply, { ephemeral });
}

export function recordQuestion(ctx: CommandContext, request: { question: string; answer: Answer; via: Via }): void {
  const interaction = ctx.respond.interaction;
  const top = request.answer.results[0];
  try {
    ctx.insight.recordQuestion({
      at: new Date(ctx.receivedAt),
      guildId: interaction.guildId ?? null,
      channelId: interaction.channelId ?? null,
      userId: interaction.user.id,
      question: request.question,
      status: request.answer.status,
      ...(top ? { topEntryId: top.entry.id, confidence: top.score } : {}),
      handlingMs: Date.now() - ctx.receivedAt,
      via: request.via,
    });
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not record the question');
  }
}

/** Autocomplete choices as Discord takes them: at most 25, names 1–100 characters on one line, values at most 100. */
export async function respondChoices(interaction: AutocompleteInteraction, choices: readonly Suggestion[]): Promise<void> {
  await interaction.respond(
    choices
      .slice(0, DISCORD.choices)
      .map((c) => ({ name: truncate(oneLine(c.name), DISCORD.choiceName) || '…', value: c.value.slice(0, DISCORD.choiceValue) })),
  );
}
