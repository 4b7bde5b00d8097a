// Text a member typed (a question, a 👎 reason), shown back in Discord — to members in an answer's
// title, to moderators in reports and the weekly digest. One escaper for all of them: it must read as
// the words typed, never as formatting, links, pings, or text reordered by direction overrides.

/** Invisible characters that change how text reads or hide what it holds: zero-width, bidi controls, NUL and other C0/C1 controls. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Markdown escaped, mentions (`@everyone`, `<@id>`, `<#id>`, `<@&id>`) broken with a zero-width space
 * so they show as typed and never ping, invisible characters removed, folded to one line of at most
 * about `max` characters (cut at a word before escaping, so escapes stay whole).
 */
export function escapeUserText(text: string, max = 200): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const budget = Math.max(1, Math.floor(max / 2)); // escaping can double the length
  const short = flat.length > budget ? `${cutAtWord(flat, budget - 1)}…` : flat;
  return short
    .replace(/[\\*_~`|>[\]()#:-]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/</g, '<\u200b');
}

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}
