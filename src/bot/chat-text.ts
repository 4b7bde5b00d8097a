// Chat text as a question: what a member wrote in Discord, with Discord's own syntax taken out, so
// that the search sees only the words and the echoed title shows them cleanly. Used for /ask and
// the "Ask Hotline" message menu alike (one rule, so the same words get the same answer).
//
// Taken out: user, role and channel mentions (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`), slash-command
// mentions and timestamps (`</ask:id>`, `<t:123:R>`), custom emoji (`<:name:id>`, `<a:name:id>`),
// `:shortcodes:`, emoji, links (a masked link keeps its words), code fences, quote markers (however
// deeply quoted), headings, list bullets and emphasis (`**`, `__`, `~~`, `||`, `*`, `_`, backticks).

const RULES: ReadonlyArray<[RegExp, string]> = [
  // Discord tokens in angle brackets: mentions, channels, roles, slash commands, timestamps, custom emoji.
  [/<(?:@[!&]?\d+|#\d+|\/[^<>:\s]+:\d+|t:-?\d+(?::[a-zA-Z])?|a?:\w{1,32}:\d+|id:\w+)>/g, ' '],
  [/@(?:everyone|here)\b/g, ' '],
  // A masked link keeps its words; a bare or bracketed address goes.
  [/\[([^\]\n]*)\]\(\s*<?https?:\/\/[^\s)]*>?\s*\)/g, '$1'],
  [/<?\bhttps?:\/\/[^\s<>]+>?/g, ' '],
  // :shortcodes: (:thinking:, :flag_us:, :+1:), not times like 10:30:00.
  [/:[a-z0-9_+-]*[a-z_][a-z0-9_+-]*:/gi, ' '],
  // Emoji, with their joiners and variation selectors.
  [/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f\u20e3]/gu, ' '],
  // Code fences (with an optional language), then line-start markup: quotes (>>>, > >), headings, subtext, bullets.
  [/```[a-z0-9+-]*\n?/gi, ' '],
  [/^[ \t]*(?:>{1,3}[ \t]?)+/gm, ''],
  [/^[ \t]*(?:#{1,3}|-#)[ \t]+/gm, ''],
  [/^[ \t]*[-*+][ \t]+/gm, ''],
  // Emphasis and spoilers; single * and _ only where they wrap words, so "U.S._" or "2*3" survive.
  [/(\*\*|__|~~|\|\|)/g, ''],
  [/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=[\s).,!?;:]|$)/gm, '$1'],
  [/`+/g, ''],
];

// Markdown escapes typed on purpose (\*) keep their character: set aside before the rules run.
const ESCAPED = /\\([\\*_~`|>[\]()#:<@-])/g;
const HELD = /\uE000(\d+)\uE001/g;

/** The words of a chat message, on one line; empty when nothing readable is left. */
export function cleanChatText(text: string): string {
  let out = String(text ?? '').replace(ESCAPED, (_, c: string) => `\uE000${c.charCodeAt(0)}\uE001`);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out
    .replace(HELD, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}
