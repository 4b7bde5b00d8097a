import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIComponentInMessageActionRow, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, AnswerResult, Citation } from '../answer/model';
import { declinedMessage, RECORD_HEADING } from '../render/declined';
import { DISCORD, embedLength, escapeUserText, fitEmbeds, linkTarget, linkText, oneLine, splitAtSentences, suppressPreviews, truncate } from './discord-text';

// Answer model → Discord messages. Everything fits Discord's limits by construction: results are
// packed into pages by size, long text is split at sentence ends into continuation fields, and a
// final guard (fitEmbeds) makes sure of it. Citation numbers are the Answer's own (1..n in order of
// first use), so a marker [2] means the same source on every page.

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
export type Mentions = { parse: []; users?: string[] };

/** A message ready for reply/editReply/update: never pings anyone but an explicit `mention`. */
export type Reply = { content?: string; embeds: APIEmbed[]; components: Row[]; allowedMentions: Mentions };

export const COLOR = { answer: 0x2b6cb0, unsure: 0xd69e2e, unknown: 0x718096, quote: 0x6b46c1, timeline: 0x2f855a, notice: 0x4a5568, error: 0xc53030 } as const;

/** What a page may hold, leaving room for the title and footer that are added around it. */
const PAGE_BUDGET = DISCORD.total - 400;
const SOURCES = 'Sources';

export const PER_PAGE = { ask: 3, quotes: 5, timeline: 8 } as const;

export function noMentions(): Mentions {
  return { parse: [] };
}

export function button(customId: string, label: string, style: ButtonStyle = ButtonStyle.Secondary, emoji?: string, disabled = false): APIButtonComponent {
  const b: APIButtonComponent = { type: ComponentType.Button, style, custom_id: customId, label: truncate(oneLine(label), DISCORD.buttonLabel), disabled } as APIButtonComponent;
  if (emoji) (b as { emoji?: { name: string } }).emoji = { name: emoji };
  return b;
}

export function row(...components: APIButtonComponent[]): Row {
  return { type: ComponentType.ActionRow, components: components.slice(0, DISCORD.buttonsPerRow) } as Row;
}

// ------------------------------------------------------------------ entries and citations

export function markers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

export function dateText(entry: AnswerResult['entry']): string | undefined {
  if (!entry.date) return undefined;
  return entry.kind === 'fact' && entry.end_date ? `${entry.date} – ${entry.end_date}` : entry.date;
}

/** An entry as shown in an answer: a fact with its citation marks; a quote as a quote with speaker, role and date. */
export function entryBody(result: AnswerResult, withDate = true): string {
  const entry = result.entry;
  const marks = markers(result.citations);
  const note = entry.note ? `\n*Note: ${entry.note.trim()}*` : '';
  if (entry.kind === 'quote') {
    const quoted = entry.text
      .trim()
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const who = [`**${entry.speaker}**`, entry.role, entry.date].filter(Boolean).join(', ');
    return `${quoted}\n— ${who} ${marks}\n*${entry.context.trim()}*${note}`;
  }
  const date = withDate ? dateText(entry) : undefined;
  return `${date ? `**${date}** — ` : ''}${entry.text.trim()} ${marks}${note}`;
}

export function entryHeading(result: AnswerResult): string {
  const entry = result.entry;
  if (entry.kind === 'quote') return truncate(`${entry.speaker}${entry.date ? `, ${entry.date}` : ''}`, DISCORD.fieldName);
  return dateText(entry) ?? 'Also relevant';
}

/** `**[n]** [Title](url) — Publisher, date` */
export function citationLine(c: Citation): string {
  const title = c.url ? `[${linkText(c.title)}](${linkTarget(c.url)})` : linkText(c.title);
  return `**[${c.n}]** ${title} — ${oneLine(c.publisher)}${c.published ? `, ${c.published}` : ''}`;
}

/** Lines packed into as few fields as fit, each at most 1,024 characters. */
export function packLines(name: string, lines: readonly string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = '';
  const push = () => {
    if (current) fields.push({ name: fields.length === 0 ? name : `${name} (continued)`, value: current });
    current = '';
  };
  for (const raw of lines) {
    for (const line of splitAtSentences(raw, DISCORD.fieldValue)) {
      if (current && current.length + 1 + line.length > DISCORD.fieldValue) push();
      current = current ? `${current}\n${line}` : line;
    }
  }
  push();
  return fields;
}

/** Text as one or more fields: the first named `name`, the rest "(continued)"; split at sentence ends. */
export function textFields(name: string, text: string): APIEmbedField[] {
  return splitAtSentences(text, DISCORD.fieldValue).map((value, i) => ({ name: i === 0 ? name : `${truncate(name, DISCORD.fieldName - 12)} (continued)`, value }));
}

// ------------------------------------------------------------------ pages

type PageSpec = {
  title: string;
  color: number;
  footer: string;
  /** Whether the first result of a page goes into the description (the answer) or a field (lists). */
  leadInDescription: boolean;
  intro?: string;
  perPage: number;
  /** Fields added after the sources on the first page only (see also). */
  firstPageExtras?: APIEmbedField[];
};

function pageEmbed(answer: Answer, indices: readonly number[], spec: PageSpec, first: boolean): APIEmbed {
  const results = indices.map((i) => answer.results[i]!);
  const fields: APIEmbedField[] = [];
  let description = spec.intro ?? '';
  results.forEach((result, i) => {
    const lead = i === 0 && spec.leadInDescription;
    // In a field the heading already shows a fact's date.
    const body = entryBody(result, lead);
    if (lead) {
      const pieces = splitAtSentences(body, DISCORD.description - description.length - 2);
      description = [description, pieces[0]].filter(Boolean).join('\n\n');
      if (pieces.length > 1) fields.push(...textFields('(continued)', pieces.slice(1).join(' ')));
    } else {
      fields.push(...textFields(entryHeading(result), body));
    }
  });
  const used = new Set(results.flatMap((r) => r.citations));
  const citations = answer.citations.filter((c) => used.has(c.n));
  fields.push(...packLines(SOURCES, citations.map(citationLine)));
  if (first && spec.firstPageExtras) fields.push(...spec.firstPageExtras);
  const embed: APIEmbed = { title: spec.title, color: spec.color, fields, footer: { text: spec.footer } };
  if (description) embed.description = description;
  return embed;
}

function fits(embed: APIEmbed): boolean {
  return embedLength(embed) <= PAGE_BUDGET && (embed.fields?.length ?? 0) <= DISCORD.fields && (embed.description?.length ?? 0) <= DISCORD.description;
}

/**
 * Splits the results into pages that each fit one message. Deterministic: the same answer always
 * pages the same way, so a "next page" button can recompute a page from the answer alone.
 */
export function paginate(answer: Answer, spec: PageSpec): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < answer.results.length; i++) {
    const candidate = [...current, i];
    const tooMany = candidate.length > spec.perPage;
    if (current.length > 0 && (tooMany || !fits(pageEmbed(answer, candidate, spec, pages.length === 0)))) {
      pages.push(current);
      current = [i];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

function pageFooter(base: string, page: number, pages: number): string {
  return pages > 1 ? `${base} · page ${page + 1} of ${pages}` : base;
}

export function footerText(version: string): string {
  return `Hotline · knowledge ${version}`;
}

function pagerButtons(prefix: string, page: number, pages: number): APIButtonComponent[] {
  if (pages <= 1) return [];
  return [
    button(`${prefix}:${page - 1}`, 'Previous', ButtonStyle.Secondary, '◀️', page === 0),
    button(`${prefix}:${page + 1}`, page === 0 ? 'More results' : 'Next page', ButtonStyle.Secondary, '▶️', page >= pages - 1),
  ];
}

function clampPage(page: number, pages: number): number {
  return Math.max(0, Math.min(pages - 1, Number.isFinite(page) ? Math.trunc(page) : 0));
}

/** The question, escaped, quoted in a title. */
export function questionTitle(question: string): string {
  const text = escapeUserText(question, DISCORD.title - 4);
  return text ? `“${text}”` : 'Your question';
}

// ------------------------------------------------------------------ /ask

export type AnswerOptions = {
  /** Key of the cached view, carried by the buttons (pages, sources, feedback, picks). */
  key: string;
  page?: number;
  /** The user the answer is addressed to: the only one who may be pinged. */
  mention?: string;
};

/** /ask and the "Ask Hotline" menu: answered → cited answer; unsure → did you mean; unknown → says so. */
export function renderAnswer(answer: Answer, options: AnswerOptions): Reply {
  const reply = answer.status === 'answered' ? renderAnswered(answer, options) : answer.status === 'unsure' ? renderUnsure(answer, options) : renderUnknown(answer);
  if (options.mention && /^\d{17,20}$/.test(options.mention)) {
    reply.content = `<@${options.mention}>`;
    reply.allowedMentions = { parse: [], users: [options.mention] };
  }
  return reply;
}

function renderAnswered(answer: Answer, options: AnswerOptions): Reply {
  const seeAlso = answer.related.slice(0, 5).map((r) => `• ${oneLine(r.label)}`);
  const spec: PageSpec = {
    title: questionTitle(answer.question),
    color: COLOR.answer,
    footer: footerText(answer.knowledgeVersion),
    leadInDescription: true,
    perPage: PER_PAGE.ask,
    firstPageExtras: seeAlso.length ? packLines('See also', seeAlso).slice(0, 1) : undefined,
  };
  const pages = paginate(answer, spec);
  const page = clampPage(options.page ?? 0, pages.length);
  const embed = pageEmbed(answer, pages[page]!, { ...spec, footer: pageFooter(spec.footer, page, pages.length) }, page === 0);
  const top = answer.results[pages[page]![0]!];
  const first: APIButtonComponent[] = [...pagerButtons(`ask:page:${options.key}`, page, pages.length), button(`ask:src:${options.key}`, 'Sources', ButtonStyle.Secondary, '📚')];
  if (top) first.push(button(`fb:up:${options.key}:${top.entry.id}`, 'Helpful', ButtonStyle.Secondary, '👍'), button(`fb:down:${options.key}:${top.entry.id}`, 'Not helpful', ButtonStyle.Secondary, '👎'));
  const rows: Row[] = [row(...first.slice(0, DISCORD.buttonsPerRow))];
  if (first.length > DISCORD.buttonsPerRow) rows.push(row(...first.slice(DISCORD.buttonsPerRow)));
  if (page === 0 && answer.related.length > 0) {
    rows.push(row(...answer.related.slice(0, 3).map((r) => button(`ask:pick:${options.key}:${r.id}`, r.label, ButtonStyle.Secondary))));
  }
  return { embeds: fitEmbeds([embed]), components: rows, allowedMentions: noMentions() };
}

function renderUnsure(answer: Answer, options: AnswerOptions): Reply {
  const candidates = answer.results.slice(0, 3);
  const lines = candidates.map((r, i) => `**${i + 1}.** ${oneLine(truncate(r.entry.text, 300))}${r.entry.kind === 'quote' ? ` — ${r.entry.speaker}` : ''}`);
  const embed: APIEmbed = {
    title: 'Did you mean…',
    color: COLOR.unsure,
    description: `I'm not sure I understood ${questionTitle(answer.question)}. Is it one of these?\n\n${lines.join('\n')}`,
    footer: { text: footerText(answer.knowledgeVersion) },
  };
  const buttons = candidates.map((r, i) => button(`ask:pick:${options.key}:${r.entry.id}`, `${i + 1}. ${oneLine(r.entry.kind === 'quote' ? `${r.entry.speaker}: ${r.entry.text}` : r.entry.text)}`, ButtonStyle.Primary));
  return { embeds: fitEmbeds([embed]), components: buttons.length ? [row(...buttons)] : [], allowedMentions: noMentions() };
}

function renderUnknown(answer: Answer): Reply {
  // Declined for a reason worth saying (an opinion, a forecast, no quotes by X…): said first; an entry that
  // bears on an opinion or forecast follows as what the record shows, never as the answer.
  const record = answer.record ? `**${RECORD_HEADING}**\n${oneLine(truncate(answer.record.entry.text, 600))}${answer.record.entry.kind === 'quote' ? ` — ${answer.record.entry.speaker}` : ''}` : undefined;
  const embed: APIEmbed = {
    title: "I don't know that yet",
    color: COLOR.unknown,
    description: [
      ...(answer.declined ? [escapeUserText(declinedMessage(answer.declined), 500)] : []),
      ...(record ? [record] : []),
      ...(answer.declined ? [] : [`I found nothing in my knowledge base that answers ${questionTitle(answer.question)}.`]),
      'Try `/topics` to see what I can answer, or ask with other words (names, places, years help).',
      'Questions I could not answer are shown to the moderators, who use them to grow the knowledge base.',
    ].join('\n\n'),
    footer: { text: footerText(answer.knowledgeVersion) },
  };
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/** The numbered sources of an answer in full (the "Sources" button). */
export function renderSources(answer: Answer, details?: (id: string) => { archiveUrl?: string; note?: string } | undefined): Reply {
  const lines = answer.citations.map((c) => {
    const extra = details?.(c.id);
    const archive = extra?.archiveUrl ? ` ([archived](${linkTarget(extra.archiveUrl)}))` : '';
    return `${citationLine(c)}${archive}${extra?.note ? `\n  *${oneLine(extra.note)}*` : ''}`;
  });
  const fields = packLines(SOURCES, lines.length ? lines : ['No sources.']);
  const embed: APIEmbed = { title: 'Sources', color: COLOR.notice, fields, footer: { text: footerText(answer.knowledgeVersion) } };
  // fitEmbeds drops trailing fields past the message total; say so rather than cut silently.
  const fitted = fitEmbeds([embed]);
  if ((fitted[0]!.fields?.length ?? 0) < fields.length) fitted[0]!.description = `${answer.citations.length} sources; the first ones are listed.`;
  const embeds = fitEmbeds(fitted);
  return { embeds: fitEmbeds(embeds), components: [], allowedMentions: noMentions() };
}

// ------------------------------------------------------------------ /quote and /timeline

export type ListOptions = { page?: number; pagerPrefix: string; title: string; empty: string };

function renderList(answer: Answer, options: ListOptions, color: number, perPage: number): Reply {
  if (answer.results.length === 0) {
    return { embeds: [{ title: options.title, color: COLOR.unknown, description: options.empty, footer: { text: footerText(answer.knowledgeVersion) } }], components: [], allowedMentions: noMentions() };
  }
  const spec: PageSpec = { title: options.title, color, footer: footerText(answer.knowledgeVersion), leadInDescription: false, perPage };
  const pages = paginate(answer, spec);
  const page = clampPage(options.page ?? 0, pages.length);
  const embed = pageEmbed(answer, pages[page]!, { ...spec, footer: pageFooter(spec.footer, page, pages.length) }, page === 0);
  const pager = pagerButtons(options.pagerPrefix, page, pages.length);
  return { embeds: fitEmbeds([embed]), components: pager.length ? [row(...pager)] : [], allowedMentions: noMentions() };
}

export function renderQuotes(answer: Answer, options: ListOptions): Reply {
  return renderList(answer, options, COLOR.quote, PER_PAGE.quotes);
}

export function renderTimeline(answer: Answer, options: ListOptions): Reply {
  return renderList(answer, options, COLOR.timeline, PER_PAGE.timeline);
}

/** A short message (refusals, confirmations, errors): plain text with link previews suppressed. */
export function notice(text: string): Reply {
  return { content: truncate(suppressPreviews(text), DISCORD.content), embeds: [], components: [], allowedMentions: noMentions() };
}
