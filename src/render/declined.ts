import type { Declined } from '../answer/model';

// What Hotline says when it declines a question for a reason worth telling: one wording for every renderer.

const list = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** One or two sentences saying what Hotline does instead (plain text; renderers escape it as they need). */
export function declinedMessage(declined: Declined): string {
  switch (declined.reason) {
    case 'opinion':
      return 'Hotline answers with sourced facts and quotes; it does not give opinions or judgements.';
    case 'prediction':
      return 'Hotline answers with sourced facts about what has happened; it does not make forecasts.';
    case 'advice':
      return 'Hotline answers questions about military-to-military dialogue from sourced facts; it does not give advice or how-tos.';
    case 'chat':
      return 'I am Hotline: ask me about military-to-military dialogue, such as the Moscow–Washington hotline or U.S.–China defense talks.';
    case 'no-quotes':
      return `I have no quotes by ${declined.speaker}.`;
    case 'unknown-names':
      return `The knowledge base has nothing on ${list(declined.names)}.`;
  }
}

/** The heading over an entry that bears on an opinion or a forecast: never "the answer". */
export const RECORD_HEADING = 'What the record shows (not an answer to the question as asked):';
