import type { FeedbackRow, GapRow, UsageStats } from './api';
import { escapeUserText } from '../text/user-text';

// Discord markdown lines for the moderator views (/kb gaps, /kb feedback, /kb stats, the weekly digest).
// What users typed is escaped here, so a caller can join the lines as they are. Each line stays short
// (a question is cut at 150 characters) so lines can be packed into embeds without splitting one.

export function gapLines(rows: readonly GapRow[]): string[] {
  return rows.map((g, i) => {
    const also = g.examples.length > 0 ? ` (also: ${g.examples.map((e) => `“${escapeUserText(e, 60)}”`).join(', ')})` : '';
    return `${i + 1}. “${escapeUserText(g.question)}” — ${g.count}×, ${g.status}, last ${g.lastAsked.slice(0, 10)}${also}`;
  });
}

export function feedbackLines(rows: readonly FeedbackRow[], reasonsEach = 3): string[] {
  return rows.map((f) => {
    const reasons =
      f.reasons.length > 0
        ? `: ${f.reasons
            .slice(0, reasonsEach)
            .map((r) => `“${escapeUserText(r, 100)}”`)
            .join('; ')}`
        : '';
    return `• ${entryId(f.entryId)} — ${f.down} 👎, ${f.up} 👍${reasons}`;
  });
}

export function usageLine(u: UsageStats): string {
  if (u.questions === 0) return 'No questions were recorded.';
  return `${u.questions} questions (${u.perDay.toFixed(1)} a day), ${Math.round(u.answeredShare * 100)} % answered, ${u.distinctAskers} distinct askers.`;
}

export function topEntryLines(u: UsageStats): string[] {
  return u.topEntries.map((e, i) => `${i + 1}. ${entryId(e.entryId)} — ${e.count}×`);
}

/** An entry id in code style; ids come from the knowledge base, but a backtick would still break out. */
export function entryId(id: string): string {
  return `\`${id.replace(/`/g, "'")}\``;
}
