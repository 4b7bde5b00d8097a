import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { AnswerEngine } from '../answer/engine-api';
import { choiceLabel } from '../answer/labels';
import { readableDate } from '../text/readable-date';
import type { Diagnostic, KnowledgeBase } from '../knowledge/base';
import { countProblems } from '../knowledge/diagnostics';
import { countKnowledge, formatDiagnostic } from '../knowledge/format';
import type { Entry, Source, Topic } from '../knowledge/schema';
import type { FeedbackRow, Rating, UsageStats } from '../insight/api';
import { plural } from '../text/plural';
import { discordTime } from './discord-time';
import { DISCORD, escapeUserText, fitEmbeds, knowledgeLine, knowledgeText, linkTarget, oneLine, truncate } from './discord-text';
import { button, COLOR, footerText, kindText, noMentions, packLines, row, selectRow, type Reply, type Row } from './render';

// Replies other than answers: a source's citation card, topics, /about, and the moderators' /kb
// reports. All go through fitEmbeds, and any user-typed text in them is escaped.

export function renderSourceCard(source: Source, citedBy: readonly Entry[], asOf?: string): Reply {
  const kind = kindText({ kind: source.kind, reprintOf: source.reprint_of });
  const fields = [
    { name: 'Publisher', value: knowledgeLine(source.publisher), inline: true },
    ...(source.published ? [{ name: 'Published', value: readableDate(source.published), inline: true }] : []),
    ...(kind ? [{ name: 'Kind', value: kind, inline: true }] : []),
    ...(source.archive_url ? [{ name: 'Archived copy', value: `[archive](${linkTarget(source.archive_url)})`, inline: true }] : []),
    ...(source.note ? [{ name: 'Note', value: truncate(knowledgeText(source.note), DISCORD.fieldValue) }] : []),
    ...packLines(
      `Cited by ${plural(citedBy.length, 'entry', 'entries')}`,
      citedBy.map((e) => `• ${knowledgeLine(choiceLabel(e, 150))}`),
    ).slice(0, 3),
  ];
  const embed: APIEmbed = { title: truncate(knowledgeLine(source.title), DISCORD.title), color: COLOR.notice, fields, footer: { text: footerText(asOf) } };
  if (source.url) embed.url = source.url;
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

export const TOPIC_PICK = 'topics:pick';
/** Entries listed per page of a topic (each also an option of the page's menu). */
export const TOPIC_PAGE = 10;

export function renderTopics(topics: ReturnType<AnswerEngine['topics']>, asOf?: string): Reply {
  const lines = topics.map(
    ({ topic, count }) =>
      `**${knowledgeLine(topic.name)}** — ${plural(count, 'entry', 'entries')}${topic.description ? `\n${knowledgeLine(truncate(topic.description, 200))}` : ''}`,
  );
  const embed: APIEmbed = {
    title: 'Topics',
    color: COLOR.notice,
    description: truncate(lines.join('\n') || 'The knowledge base has no topics yet.', DISCORD.description),
    footer: { text: footerText(asOf) },
  };
  const options = topics
    .filter((t) => t.count > 0)
    .slice(0, DISCORD.selectOptions)
    .map(({ topic, count }) => ({ label: oneLine(topic.name), value: topic.id, description: plural(count, 'entry', 'entries') }));
  return {
    embeds: fitEmbeds([embed]),
    components: options.length ? [selectRow(TOPIC_PICK, 'Pick a topic to list its entries', options)] : [],
    allowedMentions: noMentions(),
  };
}

/**
 * One page of a topic's entries, named for people (their question, else their words), never by id;
 * the page's entries are also a menu (`topics:entry:<topic>:<page>`) that opens one, and the pager
 * (`topics:page:<topic>:<page>`) carries everything it needs, so it survives a restart.
 */
export function renderTopicEntries(topic: Topic, entries: readonly Entry[], page: number, asOf?: string): Reply {
  const pages = Math.max(1, Math.ceil(entries.length / TOPIC_PAGE));
  const at = Math.max(0, Math.min(pages - 1, Number.isFinite(page) ? Math.trunc(page) : 0));
  const shown = entries.slice(at * TOPIC_PAGE, (at + 1) * TOPIC_PAGE);
  const lines = shown.map((entry, i) => `**${at * TOPIC_PAGE + i + 1}.** ${knowledgeLine(choiceLabel(entry, 160))}`);
  const embed: APIEmbed = {
    title: truncate(knowledgeLine(topic.name), DISCORD.title),
    color: COLOR.notice,
    description: [topic.description ? `*${knowledgeLine(truncate(topic.description, 300))}*` : '', lines.join('\n') || 'No entries yet.']
      .filter(Boolean)
      .join('\n\n'),
    footer: { text: `${footerText(asOf)}${pages > 1 ? ` · page ${at + 1} of ${pages}` : ''} · ${plural(entries.length, 'entry', 'entries')}` },
  };
  const components: Row[] = [];
  if (shown.length) {
    components.push(
      selectRow(
        `topics:entry:${topic.id}:${at}`,
        'Open an entry',
        shown.map((entry, i) => ({ label: `${at * TOPIC_PAGE + i + 1}. ${choiceLabel(entry, 95)}`, value: entry.id })),
      ),
    );
  }
  if (pages > 1) {
    components.push(
      row(
        button(`topics:page:${topic.id}:${at - 1}`, 'Previous', ButtonStyle.Secondary, '◀️', at === 0),
        button(`topics:page:${topic.id}:${at + 1}`, 'Next', ButtonStyle.Secondary, '▶️', at >= pages - 1),
      ),
    );
  }
  return { embeds: fitEmbeds([embed]), components, allowedMentions: noMentions() };
}

export function renderAbout(base: KnowledgeBase): Reply {
  const counts = countKnowledge(base);
  const embed: APIEmbed = {
    title: 'About Hotline',
    color: COLOR.answer,
    description: [
      'Hotline answers questions about military-to-military dialogue — above all between the United States and China, with the Cold War U.S.–Soviet hotline and other crisis links as precedents.',
      'Every answer comes from a curated knowledge base and cites its sources; Hotline does not make things up, and says so when it does not know.',
      '**Suggest a correction:** press 👎 under an answer and say what was wrong, or tell a moderator. Moderators see unanswered questions and feedback and update the knowledge base.',
    ].join('\n\n'),
    fields: [
      { name: 'Knowledge', value: `${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources, ${base.topics.size} topics`, inline: false },
      { name: 'Knowledge as of', value: base.asOf ? readableDate(base.asOf) : 'undated', inline: true },
      { name: 'Loaded', value: base.loadedAt.slice(0, 16).replace('T', ' ') + ' UTC', inline: true },
      { name: 'Commands', value: '`/ask` · `/quote` · `/timeline` · `/source` · `/topics` · message menu **Ask Hotline**' },
    ],
    footer: { text: footerText(base.asOf) },
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

/** Diagnostics as `file:line` lines, as many as fit, errors first. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], limit = 15): string[] {
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = sorted.slice(0, limit).map((d) => `• \`${truncate(formatDiagnostic(d).replace(/`/g, "'"), 300)}\``);
  if (sorted.length > limit) lines.push(`…and ${sorted.length - limit} more (run \`npm run kb:check\`).`);
  return lines;
}

export type KbOutcome =
  | { ok: true; version: string; changed?: boolean; warnings: readonly Diagnostic[]; base: KnowledgeBase }
  | {
      ok: false;
      errors: readonly Diagnostic[];
      warnings: readonly Diagnostic[];
      /** When the knowledge that keeps serving was loaded. */ keptLoadedAt?: string;
    };

export function renderKbOutcome(action: 'reload' | 'check', outcome: KbOutcome): Reply {
  let embed: APIEmbed;
  if (outcome.ok) {
    const counts = countKnowledge(outcome.base);
    const summary = `${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources in ${counts.files} files.`;
    const what =
      action === 'check'
        ? 'The knowledge folder is valid.'
        : outcome.changed === false
          ? `Nothing changed since the last load (${discordTime(outcome.base.loadedAt)}).`
          : `Reloaded: members now get the knowledge loaded ${discordTime(outcome.base.loadedAt)}.`;
    embed = {
      title: action === 'check' ? 'Knowledge check passed' : 'Knowledge reloaded',
      color: COLOR.timeline,
      description: `${what}\n${summary}`,
      footer: { text: footerText(outcome.base.asOf) },
    };
    if (outcome.warnings.length) embed.fields = packLines(plural(countProblems(outcome.warnings), 'warning'), diagnosticLines(outcome.warnings)).slice(0, 3);
  } else {
    const kept = outcome.keptLoadedAt ? `The last good knowledge (loaded ${discordTime(outcome.keptLoadedAt)}) keeps serving.` : 'Nothing was changed.';
    embed = {
      title: action === 'check' ? 'Knowledge check failed' : 'Reload refused',
      color: COLOR.error,
      description: `${plural(countProblems(outcome.errors), 'error')} in the knowledge folder. ${kept} Fix them and try again.`,
      fields: packLines('Errors', diagnosticLines(outcome.errors)).slice(0, 4),
    };
  }
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

export function renderStats(base: KnowledgeBase, usage: UsageStats, days: number, extra: { views: number; uptimeS: number }): Reply {
  const counts = countKnowledge(base);
  const topEntries = usage.topEntries.slice(0, 5).map((e) => `• \`${e.entryId}\` — ${e.count}`);
  const embed: APIEmbed = {
    title: 'Hotline stats',
    color: COLOR.notice,
    fields: [
      {
        name: 'Knowledge',
        value: `Loaded ${discordTime(base.loadedAt)}\n${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources, ${counts.files} files`,
      },
      ...packLines(
        'Entries per topic',
        counts.perTopic.map((t) => `${oneLine(t.name)}: ${t.count}`),
      ).slice(0, 2),
      {
        name: `Usage, ${lastDays(days)}`,
        value: `${plural(usage.questions, 'question')} (${usage.perDay.toFixed(1)} a day), ${Math.round(usage.answeredShare * 100)} % answered, ${plural(usage.distinctAskers, 'distinct asker')}`,
      },
      ...(topEntries.length ? [{ name: 'Most asked entries', value: topEntries.join('\n') }] : []),
      {
        name: 'Process',
        value: `up ${Math.round(extra.uptimeS / 60)} min · ${Math.round(process.memoryUsage().rss / 1e6)} MB · ${extra.views} answers held for buttons`,
      },
    ],
    footer: { text: footerText(base.asOf) },
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

/** One line of /kb gaps: a question unanswered, or answered and marked 👎, with the entries nearest to it. */
export type GapItem = {
  kind: 'unanswered' | 'disliked';
  question: string;
  count: number;
  lastAsked: string;
  /** unanswered: unknown / unsure / mixed; disliked: the entry the answer led with. */
  status: string;
  examples: readonly string[];
  reasons?: readonly string[];
  nearest: readonly Entry[];
};

const GAP_BUTTONS = DISCORD.rows * DISCORD.buttonsPerRow;

function gapLine(item: GapItem, n: number): string {
  const what =
    item.kind === 'disliked'
      ? `👎 from ${plural(item.count, 'member')}, answered with \`${item.status}\`, last ${discordTime(item.lastAsked, 'R')}`
      : `${item.count}×, ${item.status === 'unsure' ? 'did-you-mean' : item.status === 'mixed' ? 'unanswered or did-you-mean' : 'unanswered'}, last ${discordTime(item.lastAsked, 'R')}`;
  const lines = [`**${n}.** “${escapeUserText(item.question, 200)}” — ${what}`];
  if (item.examples.length)
    lines.push(
      `  also asked: ${item.examples
        .slice(0, 2)
        .map((e) => `“${escapeUserText(e, 100)}”`)
        .join(' · ')}`,
    );
  if (item.reasons?.length)
    lines.push(
      `  why: ${item.reasons
        .slice(0, 2)
        .map((r) => `“${escapeUserText(r, 120)}”`)
        .join(' · ')}`,
    );
  lines.push(`  nearest: ${item.nearest.length ? item.nearest.map((e) => `\`${e.id}\``).join(' · ') : 'nothing close'}`);
  return lines.join('\n');
}

/**
 * /kb gaps: what members asked that Hotline could not answer, and answers they marked 👎, each with
 * the entries nearest to it and a button that opens /kb preview with a skeleton for a new entry.
 */
export function renderGaps(items: readonly GapItem[], days: number, draftIds?: (n: number) => string): Reply {
  const sections: Array<[string, GapItem[]]> = [
    ['**Unanswered**', items.filter((i) => i.kind === 'unanswered')],
    ['**Answered, but marked 👎**', items.filter((i) => i.kind === 'disliked')],
  ];
  const parts: string[] = [];
  const shown: number[] = [];
  let length = 0;
  let n = 0;
  for (const [heading, list] of sections) {
    if (list.length === 0) continue;
    parts.push(heading);
    length += heading.length + 1;
    for (const item of list) {
      const index = items.indexOf(item);
      const line = gapLine(item, ++n);
      if (length + line.length + 1 > DISCORD.description - 200 || shown.length >= GAP_BUTTONS) break;
      parts.push(line);
      shown.push(index);
      length += line.length + 1;
    }
  }
  const more = items.length - shown.length;
  const embed: APIEmbed = {
    title: `Gaps, ${lastDays(days)}`,
    color: COLOR.unsure,
    description: shown.length
      ? `${parts.join('\n')}${more > 0 ? `\n…and ${more} more (\`npm run gaps\` lists them all).` : ''}\n\nPress a number to draft an entry for that question in \`/kb preview\`.`
      : 'No unanswered questions and no 👎 recorded in this period.',
  };
  const buttons = draftIds ? shown.map((index, i) => button(draftIds(index), `Draft #${i + 1}`, ButtonStyle.Secondary, '✏️')) : [];
  const rows: Row[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD.buttonsPerRow) rows.push(row(...buttons.slice(i, i + DISCORD.buttonsPerRow)));
  return { embeds: fitEmbeds([embed]), components: rows, allowedMentions: noMentions() };
}

/** "last 1 day", "last 30 days". */
export function lastDays(days: number): string {
  return `last ${plural(days, 'day')}`;
}

/** One rating as a moderator reads it: the vote, the question asked, and the reason if any. */
function ratingLine(r: Rating): string {
  const question = r.question ? `“${escapeUserText(r.question, 150)}”` : '(question not recorded)';
  return `${r.helpful ? '👍' : '👎'} ${question}${r.reason ? ` — ${escapeUserText(r.reason, 200)}` : ''} · ${discordTime(r.at, 'R')}`;
}

export function renderFeedback(rows: readonly FeedbackRow[], days: number): Reply {
  const fields = rows.slice(0, 10).map((r) => {
    // Older rows (and test doubles) may carry reasons without the ratings they came with.
    const lines = r.ratings?.length ? r.ratings.slice(0, 5).map(ratingLine) : r.reasons.slice(0, 5).map((x) => `• ${escapeUserText(x, 200)}`);
    return {
      name: truncate(`${r.entryId} — 👎 ${r.down} · 👍 ${r.up}`, DISCORD.fieldName),
      value: lines.length ? truncate(lines.join('\n'), DISCORD.fieldValue) : 'No reasons given.',
    };
  });
  const embed: APIEmbed = {
    title: `Feedback, ${lastDays(days)}`,
    color: COLOR.unsure,
    ...(fields.length ? { fields } : { description: 'No 👎 recorded in this period.' }),
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}
