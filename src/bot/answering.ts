import type { Answer } from '../answer/model';
import { entryLabel } from '../answer/compose';
import type { CommandContext } from './command';
import { renderAnswer } from './render';

// The path every question takes, whether typed into /ask, picked from autocomplete, or taken from
// a message through "Ask Hotline": resolve → answer → render → reply → record for moderators.

/** Autocomplete choices for entries carry this value prefix; anything else is free text. */
export const ENTRY_CHOICE = 'entry:';

/** A picked choice (`entry:<id>`) resolves to its entry; free text, or a choice's name sent instead of its value, is searched. */
export function resolveQuestion(ctx: Pick<CommandContext, 'engine'>, raw: string): Answer {
  const text = raw.trim();
  if (text.startsWith(ENTRY_CHOICE)) {
    const id = text.slice(ENTRY_CHOICE.length);
    const entry = ctx.engine.base.byId.get(id);
    const answer = entry ? ctx.engine.answerFor(id, entry.questions?.[0] ?? entryLabel(entry)) : undefined;
    if (answer) return answer;
  }
  return ctx.engine.ask(text, { limit: 9 });
}

export type AnswerRequest = {
  question: string;
  answer: Answer;
  hide: boolean;
  mention?: string;
  via: 'slash' | 'context-menu' | 'button';
};

/**
 * Records the question, then replies with the answer. Recording comes first so that a question the
 * member saw answered is already in the database if the process is killed right after the reply
 * (one synchronous SQLite insert, a few tens of microseconds; it never throws into the reply).
 */
export async function sendAnswer(ctx: CommandContext, request: AnswerRequest): Promise<void> {
  const interaction = ctx.respond.interaction;
  const key = ctx.views.put({ kind: 'ask', answer: request.answer, userId: interaction.user.id, via: request.via, hidden: request.hide, mention: request.mention });
  const reply = renderAnswer(request.answer, { key, mention: request.mention });
  recordQuestion(ctx, request);
  await ctx.respond.send(reply, { ephemeral: request.hide });
}

export function recordQuestion(ctx: CommandContext, request: Pick<AnswerRequest, 'question' | 'answer' | 'via'>): void {
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
