import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
import { clip } from '../answer/compose';
import { choiceLabel } from '../answer/labels';
import type { Answer, AnswerResult, Citation } from '../answer/model';
import { onTopicChoices, relevantResults } from '../answer/relevance';
import { attributionOf, quotedInText, reportedByLine } from '../render/attribution';
import { declinedMessage, RECORD_HEADING } from '../render/declined';
import { readableDate } from '../text/readable-date';
import {
  DISCORD,
  embedLength,
  escapeUserText,
  fitEmbeds,
  knowledgeLine,
  knowledgeText,
  linkTarget,
  linkText,
  oneLine,
  splitAtSentences,
  suppressPreviews,
  truncate,
} from './discord-text';

// Answer model → Discord messages. An /ask reply leads with the answer: its first page is the
// answer (date, words, citation marks) and a compact list of the sources it cites; every further
// page holds one more result, as long as results stay close to the answer (src/answer/relevance.ts),
// so 👍/👎 and "Source details" always act on what the page shows. "See also" is a menu, not text.
// Everything fits Discord's limits by construction, with fitEmbeds as the last guard. Citation
// numbers are the Answer's own (1..n in order of first use), so [2] means the same source on every
// page. Knowledge text is text (knowledgeText): only the renderer's own marks format a reply.

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
export type Mentions = { parse: []; users?: string[] };

/** A message ready for reply/editReply/update: never pings anyone but an explicit `mention`. */
export type Reply = { content?: string; embeds: APIEmbed[]; components: Row[]; allowedMentions: Mentions; files?: ReplyFile[] };
/** A file attached to a reply (a draft's YAML from /kb preview). */
export type ReplyFile = { name: string; data: Buffer; description?: string };

export const COLOR = { answer: 0x2b6cb0, unsure: 0xd69e2e, unknown: 0x718096, quote: 0x6b46c1, timeline: 0x2f855a, notice: 0x4a5568, error: 0xc53030 } as const;

/** What a page may hold, leaving room for the title and footer that are added around it. */
const PAGE_BUDGET = DISCORD.total - 400;
const SOURCES = 'Sources';

export const PER_PAGE = { list: 3, quotes: 5, timeline: 8 } as const;
/** Results an /ask answer holds: the answer and up to five pages after it (fewer when relevance falls off). */
export const ASK_RESULTS = 6;
/** See-also choices under an answer. */
const SEE_ALSO = 5;
/**
 * The answer's compact source list: at most `sources` lines, titles and publishers clipped to these
 * lengths (all sources, in full, are in "Source details"). Long source addresses count toward a
 * message like any text, so this is what keeps a first page near 1,000 characters.
 */
const COMPACT = { sources: 2, title: 48, publisher: 32 } as const;
/** An answer's note (how sources differ) longer than this moves to "Source details", with a pointer in its place. */
const NOTE_INLINE = 160;

export function noMentions(): Mentions {
  return { parse: [] };
}

export function button(customId: string, label: string, style: ButtonStyle = ButtonStyle.Secondary, emoji?: string, disabled = false): APIButtonComponent {
  const b: APIButtonComponent = {
    type: ComponentType.Button,
    style,
    custom_id: customId,
    label: truncate(oneLine(label), DISCORD.buttonLabel),
    disabled,
  } as APIButtonComponent;
  if (emoji) (b as { emoji?: { name: string } }).emoji = { name: emoji };
  return b;
}

export function row(...components: APIButtonComponent[]): Row {
  return { type: ComponentType.ActionRow, components: components.slice(0, DISCORD.buttonsPerRow) } as Row;
}

/** Buttons in as few rows as they need. */
function rows(buttons: readonly APIButtonComponent[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD.buttonsPerRow) out.push(row(...buttons.slice(i, i + DISCORD.buttonsPerRow)));
  return out;
}

export function selectRow(customId: string, placeholder: string, options: ReadonlyArray<{ label: string; value: string; description?: string }>): Row {
  const menu = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: truncate(placeholder, 150),
    options: options.slice(0, DISCORD.selectOptions).map((o) => ({
      label: truncate(oneLine(o.label), 100) || '…',
      value: o.value.slice(0, 100),
      ...(o.description ? { description: truncate(oneLine(o.description), 100) } : {}),
    })),
  } as APIStringSelectComponent;
  return { type: ComponentType.ActionRow, components: [menu] } as Row;
}

// ------------------------------------------------------------------ entries and citations

/** Citation marks, bold so that a "[2]" written inside knowledge text (shown as plain text) never passes for one. */
export function markers(numbers: readonly number[]): string {
  return numbers.length ? `**${numbers.map((n) => `[${n}]`).join('')}**` : '';
}

export function dateText(entry: AnswerResult['entry']): string | undefined {
  if (!entry.date) return undefined;
  return entry.kind === 'fact' && entry.end_date ? `${readableDate(entry.date)} – ${readableDate(entry.end_date)}` : readableDate(entry.date);
}

/** A source's kind in a few words ("official", "press", "reprint of AP"). */
export function kindText(c: Pick<Citation, 'kind' | 'reprintOf'>): string | undefined {
  switch (c.kind) {
    case undefined:
      return undefined;
    case 'state-media':
      return 'state media';
    case 'reprint':
      return c.reprintOf ? `reprint of ${oneLine(c.reprintOf)}` : 'reprint';
    default:
      return c.kind;
  }
}

/** "as quoted in Publisher, date" for a quote whose words are known only as an outlet printed them. */
function quotedIn(result: AnswerResult, citations: readonly Citation[]): string | undefined {
  const a = attributionOf(result.entry, citations);
  return a?.as === 'quoted' ? quotedInText(a, knowledgeLine, readableDate) : undefined;
}

/** "*Reported by Outlet*" under a fact that says what an outlet reported (reported_by), not established fact. */
function reportedBy(result: AnswerResult, citations: readonly Citation[]): string {
  const a = attributionOf(result.entry, citations);
  return a?.as === 'reported' ? `\n*${reportedByLine(a, knowledgeLine)}*` : '';
}

/** An entry as shown: a fact with its date and citation marks; a quote as a quote with speaker, role and date. */
export function entryBody(result: AnswerResult, citations: readonly Citation[] = [], withDate = true, compact = false): string {
  const entry = result.entry;
  const marks = markers(result.citations);
  const longNote = compact && (entry.note?.trim().length ?? 0) > NOTE_INLINE;
  const note = !entry.note ? '' : longNote ? '\n*A note on how the sources differ is in Source details.*' : `\n*Note: ${knowledgeText(entry.note.trim())}*`;
  if (entry.kind === 'quote') {
    const quoted = knowledgeText(entry.text.trim())
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const who = [
      `**${knowledgeLine(entry.speaker)}**`,
      entry.role ? knowledgeLine(entry.role) : undefined,
      entry.date ? readableDate(entry.date) : undefined,
      quotedIn(result, citations),
    ]
      .filter(Boolean)
      .join(', ');
    return `${quoted}\n— ${who} ${marks}\n*${knowledgeLine(entry.context)}*${note}`;
  }
  const date = withDate ? dateText(entry) : undefined;
  return `${date ? `**${date}** — ` : ''}${knowledgeText(entry.text.trim())} ${marks}${reportedBy(result, citations)}${note}`;
}

export function entryHeading(result: AnswerResult): string {
  const entry = result.entry;
  if (entry.kind === 'quote') return truncate(`${knowledgeLine(entry.speaker)}${entry.date ? `, ${readableDate(entry.date)}` : ''}`, DISCORD.fieldName);
  return dateText(entry) ?? 'Also relevant';
}

/** `**[n]** [Title](url) — Publisher, date · kind`; compact clips title and publisher for the answer's first page. */
export function citationLine(c: Citation, compact = false): string {
  const titleText = compact ? clip(c.title, COMPACT.title) : c.title;
  const title = c.url ? `[${linkText(titleText)}](${linkTarget(c.url)})` : linkText(titleText);
  const publisher = knowledgeLine(compact ? clip(c.publisher, COMPACT.publisher) : c.publisher);
  const kind = kindText(c);
  return `**[${c.n}]** ${title} — ${publisher}${c.published ? `, ${readableDate(c.published)}` : ''}${kind ? ` · ${kind}` : ''}`;
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
  return splitAtSentences(text, DISCORD.fieldValue).map((value, i) => ({
    name: i === 0 ? name : `${truncate(name, DISCORD.fieldName - 12)} (continued)`,
    value,
  }));
}

/** The citations the given results use, in number order. */
function citationsOf(answer: Answer, results: readonly AnswerResult[]): Citation[] {
  const used = new Set(results.flatMap((r) => r.citations));
  return answer.citations.filter((c) => used.has(c.n));
}

// ------------------------------------------------------------------ pages

type PageSpec = {
  title: string;
  color: number;
  footer: string;
  /** Whether the first result of a page goes into the description (an answer) or a field (lists). */
  leadInDescription: boolean;
  /** Compact source lines (the answer) or full ones (lists). */
  compactSources: boolean;
  perPage: number;
};

function pageEmbed(answer: Answer, results: readonly AnswerResult[], spec: PageSpec): APIEmbed {
  const fields: APIEmbedField[] = [];
  let description = '';
  results.forEach((result, i) => {
    const lead = i === 0 && spec.leadInDescription;
    // In a field the heading already shows a fact's date.
    const body = entryBody(result, answer.citations, lead, spec.compactSources);
    if (lead) {
      // Entries are at most 900 characters (LIMITS.entryText), so an answer always fits whole.
      const pieces = splitAtSentences(body, DISCORD.description);
      description = pieces[0]!;
      if (pieces.length > 1) fields.push(...textFields('(continued)', pieces.slice(1).join(' ')));
    } else {
      fields.push(...textFields(entryHeading(result), body));
    }
  });
  const cited = citationsOf(answer, results);
  // An answer's page lists its first sources (official ones come first); the rest are a click away.
  const listed = spec.compactSources ? cited.slice(0, COMPACT.sources) : cited;
  const lines = listed.map((c) => citationLine(c, spec.compactSources));
  if (listed.length < cited.length)
    lines.push(`${markers(cited.slice(listed.length).map((c) => c.n))}: ${cited.length - listed.length} more in Source details`);
  fields.push(...packLines(SOURCES, lines));
  const embed: APIEmbed = { title: spec.title, color: spec.color, fields, footer: { text: spec.footer } };
  if (description) embed.description = description;
  return embed;
}

function fits(embed: APIEmbed): boolean {
  return embedLength(embed) <= PAGE_BUDGET && (embed.fields?.length ?? 0) <= DISCORD.fields && (embed.description?.length ?? 0) <= DISCORD.description;
}

/**
 * Splits results into pages of at most `perPage` that each fit one message. Deterministic: the same
 * results always page the same way, so a "next page" button can recompute a page from the answer alone.
 */
export function paginate(answer: Answer, spec: PageSpec, results: readonly AnswerResult[] = answer.results): AnswerResult[][] {
  const pages: AnswerResult[][] = [];
  let current: AnswerResult[] = [];
  for (const result of results) {
    const candidate = [...current, result];
    if (current.length > 0 && (candidate.length > spec.perPage || !fits(pageEmbed(answer, candidate, spec)))) {
      pages.push(current);
      current = [result];
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

/** "Hotline · knowledge as of 14 May 2026": the date of the newest entry, never an internal hash. */
export function footerText(asOf?: string): string {
  return asOf ? `Hotline · knowledge as of ${readableDate(asOf)}` : 'Hotline';
}

/** An answer's first page offers only "More results"; lists (and later pages) get Previous and Next. */
function pagerButtons(prefix: string, page: number, pages: number, firstOnlyMore = false): APIButtonComponent[] {
  if (pages <= 1) return [];
  if (page === 0 && firstOnlyMore) return [button(`${prefix}:1`, 'More results', ButtonStyle.Secondary, '▶️')];
  return [
    button(`${prefix}:${page - 1}`, 'Previous', ButtonStyle.Secondary, '◀️', page === 0),
    button(`${prefix}:${page + 1}`, page === 0 ? 'More results' : 'Next', ButtonStyle.Secondary, '▶️', page >= pages - 1),
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

/** Whether a source has more to show than its compact line (archive copy, note): the "Source details" button. */
export type SourceDetails = (id: string) => { archiveUrl?: string; note?: string } | undefined;

export type AnswerOptions = {
  /** Key of the cached view, carried by the buttons (pages, sources, feedback, picks, delete). */
  key: string;
  page?: number;
  /** The member the answer is suggested for: the only one who may be pinged, and only on a public answer. */
  mention?: string;
  /** Only the asker sees the reply (`hide`, or not an answer): no delete button, and a mention is explained, not made. */
  ephemeral?: boolean;
  details?: SourceDetails;
};

const USER_ID = /^\d{17,20}$/;

/** A reply is private when the member asked for it (`hide`) or when it is not an answer: declines are nobody else's business. */
export function isPrivate(answer: Pick<Answer, 'status'>, hide: boolean): boolean {
  return hide || answer.status !== 'answered';
}

/** /ask and the "Ask Hotline" menu: answered → cited answer; unsure → did you mean; anything else → says so. */
export function renderAnswer(answer: Answer, options: AnswerOptions): Reply {
  const ephemeral = options.ephemeral ?? isPrivate(answer, false);
  const choices = answer.status === 'unsure' ? onTopicChoices(answer) : [];
  const reply =
    answer.status === 'answered'
      ? renderAnswered(answer, { ...options, ephemeral })
      : choices.length > 0
        ? renderUnsure(answer, choices, options)
        : renderUnknown(answer);
  const mention = options.mention && USER_ID.test(options.mention) ? options.mention : undefined;
  if (mention) {
    if (answer.status !== 'answered') reply.content = `*I had no answer to suggest, so <@${mention}> was not notified.*`;
    else if (ephemeral) reply.content = `*Only you can see this answer, so <@${mention}> was not notified. To suggest it to them, ask again without \`hide\`.*`;
    else {
      reply.content = `*Suggested for <@${mention}>:*`;
      reply.allowedMentions = { parse: [], users: [mention] };
    }
  }
  return reply;
}

/** The pages of an answer: one result each, while results stay relevant; lists (a year, a speaker) five to a page. */
function answerPages(answer: Answer, spec: PageSpec): AnswerResult[][] {
  const results = answer.mode === 'search' || answer.mode === 'id' ? relevantResults(answer) : answer.results;
  return paginate(answer, spec, results);
}

function answerSpec(answer: Answer): PageSpec {
  const single = answer.mode === 'search' || answer.mode === 'id';
  return {
    title: questionTitle(answer.question),
    color: COLOR.answer,
    footer: footerText(answer.knowledgeAsOf),
    leadInDescription: single,
    compactSources: true,
    perPage: single ? 1 : PER_PAGE.list,
  };
}

function needsDetails(results: readonly AnswerResult[], citations: readonly Citation[], details?: SourceDetails): boolean {
  if (results.some((r) => (r.entry.note?.trim().length ?? 0) > NOTE_INLINE)) return true;
  return (
    citations.length > COMPACT.sources ||
    citations.some((c) => {
      const extra = details?.(c.id);
      return Boolean(extra?.archiveUrl || extra?.note) || c.title.length > COMPACT.title || c.publisher.length > COMPACT.publisher;
    })
  );
}

function renderAnswered(answer: Answer, options: AnswerOptions & { ephemeral: boolean }): Reply {
  const spec = answerSpec(answer);
  const pages = answerPages(answer, spec);
  const page = clampPage(options.page ?? 0, pages.length);
  const shown = pages[page]!;
  const embed = pageEmbed(answer, shown, { ...spec, footer: pageFooter(spec.footer, page, pages.length) });
  const first: APIButtonComponent[] = pagerButtons(`ask:page:${options.key}`, page, pages.length, true);
  if (needsDetails(shown, citationsOf(answer, shown), options.details))
    first.push(button(`ask:src:${options.key}:${page}`, 'Source details', ButtonStyle.Secondary, '📚'));
  const second: APIButtonComponent[] = [];
  // Feedback rates the entry the page shows (list pages hold several: they are not rated one by one).
  const rated = spec.perPage === 1 ? shown[0] : undefined;
  if (rated)
    second.push(
      button(`fb:up:${options.key}:${rated.entry.id}`, 'Helpful', ButtonStyle.Secondary, '👍'),
      button(`fb:down:${options.key}:${rated.entry.id}`, 'Not helpful', ButtonStyle.Secondary, '👎'),
    );
  if (!options.ephemeral) second.push(button(`ask:del:${options.key}`, 'Delete', ButtonStyle.Secondary, '🗑️'));
  const components = [...rows(first), ...rows(second)];
  if (page === 0 && answer.related.length > 0) {
    const seeAlso = answer.related.slice(0, SEE_ALSO).map((r) => ({ label: r.label, value: r.id }));
    components.push(selectRow(`ask:see:${options.key}`, 'See also…', seeAlso));
  }
  return { embeds: fitEmbeds([embed]), components, allowedMentions: noMentions() };
}

function renderUnsure(answer: Answer, choices: readonly AnswerResult[], options: AnswerOptions): Reply {
  // The choices are the buttons: the embed only asks, so nothing is said twice.
  const embed: APIEmbed = {
    title: 'Did you mean…',
    color: COLOR.unsure,
    description: `I'm not sure I understood ${questionTitle(answer.question)}. Is it one of these?`,
    footer: { text: footerText(answer.knowledgeAsOf) },
  };
  const buttons = choices.map((r) => button(`ask:pick:${options.key}:${r.entry.id}`, choiceLabel(r.entry, DISCORD.buttonLabel), ButtonStyle.Primary));
  return { embeds: fitEmbeds([embed]), components: rows(buttons), allowedMentions: noMentions() };
}

function renderUnknown(answer: Answer): Reply {
  // Declined for a reason worth saying (an opinion, a forecast, no quotes by X…): said first; an entry that
  // bears on an opinion or forecast follows, cited, as what the record shows — never as the answer.
  const record = answer.record;
  const embed: APIEmbed = {
    title: "I don't know that yet",
    color: COLOR.unknown,
    description: [
      // The message may repeat words of the question (a speaker, a name): escaped like any user text.
      ...(answer.declined
        ? [escapeUserText(declinedMessage(answer.declined), 500)]
        : [`I found nothing in my knowledge base that answers ${questionTitle(answer.question)}.`]),
      ...(record ? [`**${RECORD_HEADING}**\n${entryBody(record, answer.citations, true, true)}`] : []),
      'Try `/topics` to see what I can answer, or ask with other words (names, places, years help). The moderators see questions I could not answer and use them to grow the knowledge base.',
    ].join('\n\n'),
    ...(record
      ? {
          fields: packLines(
            SOURCES,
            citationsOf(answer, [record])
              .slice(0, COMPACT.sources)
              .map((c) => citationLine(c, true)),
          ),
        }
      : {}),
    footer: { text: footerText(answer.knowledgeAsOf) },
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

/** The sources of one page of an answer in full: whole titles, archive copies and notes (the "Source details" button). */
export function renderSources(answer: Answer, options: { page?: number; details?: SourceDetails } = {}): Reply {
  let citations = answer.citations;
  let notes: string[] = [];
  if (answer.status === 'answered' && options.page !== undefined) {
    const spec = answerSpec(answer);
    const pages = answerPages(answer, spec);
    const shown = pages[clampPage(options.page, pages.length)]!;
    citations = citationsOf(answer, shown);
    notes = shown.filter((r) => r.entry.note).map((r) => knowledgeText(r.entry.note!.trim()));
  }
  const lines = citations.map((c) => {
    const extra = options.details?.(c.id);
    const archive = extra?.archiveUrl ? ` ([archived copy](${linkTarget(extra.archiveUrl)}))` : '';
    return `${citationLine(c)}${archive}${extra?.note ? `\n  *${knowledgeLine(extra.note)}*` : ''}`;
  });
  const fields = [...notes.flatMap((n) => textFields('Note', n)), ...packLines(SOURCES, lines.length ? lines : ['No sources.'])];
  const embed: APIEmbed = { title: 'Sources', color: COLOR.notice, fields, footer: { text: footerText(answer.knowledgeAsOf) } };
  // fitEmbeds drops trailing fields past the message total; say so rather than cut silently.
  const fitted = fitEmbeds([embed]);
  if ((fitted[0]!.fields?.length ?? 0) < fields.length) fitted[0]!.description = `${citations.length} sources; the first ones are listed.`;
  return { embeds: fitEmbeds(fitted), components: [], allowedMentions: noMentions() };
}

// ------------------------------------------------------------------ /quote and /timeline

export type ListOptions = { page?: number; pagerPrefix: string; title: string; empty: string };

function renderList(answer: Answer, options: ListOptions, color: number, perPage: number): Reply {
  if (answer.results.length === 0) {
    return {
      embeds: [{ title: options.title, color: COLOR.unknown, description: options.empty, footer: { text: footerText(answer.knowledgeAsOf) } }],
      components: [],
      allowedMentions: noMentions(),
    };
  }
  const spec: PageSpec = { title: options.title, color, footer: footerText(answer.knowledgeAsOf), leadInDescription: false, compactSources: false, perPage };
  const pages = paginate(answer, spec);
  const page = clampPage(options.page ?? 0, pages.length);
  const embed = pageEmbed(answer, pages[page]!, { ...spec, footer: pageFooter(spec.footer, page, pages.length) });
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
