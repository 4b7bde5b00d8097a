import { parse } from 'yaml';
import { z } from 'zod';

// The eval question files (tests/eval/*.yaml), written by someone who does not see the engine.

export const splitSchema = z.enum(['tune', 'dev', 'heldout', 'blind']);
export type Split = z.infer<typeof splitSchema>;

/** Every split, in the order the eval prints them. */
export const SPLITS: readonly Split[] = ['tune', 'dev', 'heldout', 'blind'];
/** The splits whose failures may be read (and printed): the ones changes are tuned on. */
export const OPEN_SPLITS: ReadonlySet<Split> = new Set<Split>(['tune', 'dev']);

const answerableSchema = z.object({
  questions: z.array(z.object({ q: z.string(), ids: z.array(z.string()).min(1), split: splitSchema })),
});
const outOfScopeSchema = z.object({
  questions: z.array(z.object({ q: z.string(), split: splitSchema })),
});

export type AnswerableQuestion = z.infer<typeof answerableSchema>['questions'][number];
export type OutOfScopeQuestion = z.infer<typeof outOfScopeSchema>['questions'][number];

export function parseAnswerable(text: string): AnswerableQuestion[] {
  return answerableSchema.parse(parse(text) ?? { questions: [] }).questions;
}

export function parseOutOfScope(text: string): OutOfScopeQuestion[] {
  return outOfScopeSchema.parse(parse(text) ?? { questions: [] }).questions;
}
