// User-supplied text (questions, 👎 reasons) shown back to moderators in Discord: it must render as
// the words typed, never as formatting, links or pings.

/** Escapes Discord markdown, breaks mentions (@everyone, <@id>) with a zero-width space, and folds newlines. */
export function escapeUserText(text: string, maxLength = 150): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1).trimEnd()}…` : oneLine;
  return short.replace(/[\\*_~`|>[\]()#:-]/g, (c) => `\\${c}`).replace(/@/g, '@\u200b');
}
