import type { APIEmbed } from 'discord.js';

// Discord's limits, and text helpers that keep every message inside them without chopping words.

export const DISCORD = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  total: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  selectOptions: 25,
} as const;

/** Never split a surrogate pair (an emoji) in two. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

const SENTENCE_END = /[.!?…]["'”’)\]*_]*(?=\s)|\n/g;

/**
 * Splits text into pieces of at most `max` characters, at sentence ends when one falls in the
 * second half of the window, else at a space; only a single word longer than `max` is cut.
 */
export function splitAtSentences(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = -1;
    for (const match of window.matchAll(SENTENCE_END)) {
      const end = match.index + match[0].length;
      if (end <= max) cut = end;
    }
    if (cut < max / 2) {
      const space = window.lastIndexOf(' ');
      const newline = window.lastIndexOf('\n');
      const boundary = Math.max(space, newline);
      if (boundary > 0) cut = Math.max(cut, boundary);
    }
    if (cut <= 0) cut = safeCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** The first piece of `text` that fits in `max` characters, with "…" when something was left out. */
export function truncate(text: string, max: number): string {
  const flat = text.trim();
  if (flat.length <= max) return flat;
  if (max < 2) return '…'.slice(0, Math.max(0, max));
  const first = splitAtSentences(flat, max - 1)[0] ?? '';
  return `${first}…`;
}

/** Collapses whitespace to single spaces (for titles and one-line labels). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Members' text shown back: one escaper for the bot and the moderators' reports (src/text).
export { escapeUserText } from '../text/user-text';

/**
 * Knowledge text (facts, quotes, notes, titles, publishers, names) shown as written and never as
 * markup: a moderator's file may hold `**`, a masked link, a "```" or a mention by accident or on
 * purpose, and only the renderer's own markup (citation marks, source links) may format a reply.
 * Emphasis, code, spoiler, link and mention characters are escaped; line-start headings, lists and
 * quotes are escaped; bare addresses are broken so Discord does not turn them into links (only a
 * source's URL becomes a link); `@everyone`/`@here` cannot read as a mention.
 */
export function knowledgeText(text: string): string {
  return text
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\*_~`|[\]<>]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)(#{1,3}|-#|[-+]|\d+\.)(?=[ \t])/gm, (_, space: string, mark: string) =>
      mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    )
    .replace(/\b(https?):\/\//gi, '$1:\u200b//')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** Knowledge text on one line (titles, labels, names). */
export function knowledgeLine(text: string): string {
  return knowledgeText(oneLine(text));
}

/** Markdown link text from a knowledge title: shown as text, never as markup or a second link. */
export function linkText(text: string): string {
  return knowledgeLine(text);
}

/** A URL safe inside markdown link parentheses. */
export function linkTarget(url: string): string {
  const codes: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };
  return url.replace(/[()\s<>]/g, (c) => codes[c] ?? encodeURIComponent(c));
}

/** Wraps bare URLs in <…> so Discord shows no link preview for message content. */
export function suppressPreviews(content: string): string {
  return content.replace(/(?<![<(])\bhttps?:\/\/[^\s<>]+/g, (url) => `<${url}>`);
}

export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/**
 * The last line of defence: whatever a renderer built, the embeds that leave are within every limit.
 * Renderers budget so this normally changes nothing; when it does, text is shortened at sentence
 * ends and trailing fields are dropped, never a request Discord would refuse.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, DISCORD.embeds).map((e) => {
    const embed: APIEmbed = { ...e };
    if (embed.title !== undefined) embed.title = truncate(oneLine(embed.title), DISCORD.title);
    if (embed.description !== undefined) embed.description = truncate(embed.description, DISCORD.description);
    if (embed.footer) embed.footer = { ...embed.footer, text: truncate(embed.footer.text, DISCORD.footer) };
    if (embed.author) embed.author = { ...embed.author, name: truncate(embed.author.name, DISCORD.author) };
    if (embed.fields) {
      embed.fields = embed.fields
        .filter((f) => f.name.trim() && f.value.trim())
        .slice(0, DISCORD.fields)
        .map((f) => ({ ...f, name: truncate(oneLine(f.name), DISCORD.fieldName), value: truncate(f.value, DISCORD.fieldValue) }));
    }
    return embed;
  });
  let total = out.reduce((sum, e) => sum + embedLength(e), 0);
  for (let i = out.length - 1; i >= 0 && total > DISCORD.total; i--) {
    const embed = out[i]!;
    while (total > DISCORD.total && embed.fields && embed.fields.length > 0) {
      const dropped = embed.fields.pop()!;
      total -= dropped.name.length + dropped.value.length;
    }
    if (total > DISCORD.total && embed.description) {
      const keep = embed.description.length - (total - DISCORD.total);
      const shorter = keep >= 2 ? truncate(embed.description, keep) : '';
      total -= embed.description.length - shorter.length;
      if (shorter) embed.description = shorter;
      else delete embed.description;
    }
    if (total > DISCORD.total && i > 0) {
      total -= embedLength(embed);
      out.pop();
    }
  }
  return out;
}
