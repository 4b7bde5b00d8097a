import { ComponentType, type APIEmbed, type APIStringSelectComponent } from 'discord.js';
import type { AnswerEngine } from '../answer/engine-api';
import { entryLabel } from '../answer/compose';
import type { Diagnostic, KnowledgeBase } from '../knowledge/base';
import { countKnowledge, formatDiagnostic } from '../knowledge/format';
import type { Entry, Source, Topic } from '../knowledge/schema';
import type { FeedbackRow, GapRow, UsageStats } from '../insight/api';
import { DISCORD, escapeUserText, fitEmbeds, linkTarget, oneLine, truncate } from './discord-text';
import { COLOR, footerText, noMentions, packLines, type Reply, type Row } from './render';

// Replies other than answers: a source's citation card, topics, /about, and the moderators' /kb
// reports. All go through fitEmbeds, and any user-typed text in them is escaped.

export function renderSourceCard(source: Source, citedBy: readonly Entry[], version: string): Reply {
  const fields = [
    { name: 'Publisher', value: oneLine(source.publisher), inline: true },
    ...(source.published ? [{ name: 'Published', value: source.published, inline: true }] : []),
    ...(source.reprint_of ? [{ name: 'Reprint of', value: oneLine(source.reprint_of), inline: true }] : []),
    ...(source.archive_url ? [{ name: 'Archived copy', value: `[archive](${linkTarget(source.archive_url)})`, inline: true }] : []),
    ...(source.note ? [{ name: 'Note', value: truncate(source.note, DISCORD.fieldValue) }] : []),
    ...packLines(`Cited by ${citedBy.length} ${citedBy.length === 1 ? 'entry' : 'entries'}`, citedBy.map((e) => `• ${entryLabel(e, 150)}`)).slice(0, 3),
  ];
  const embed: APIEmbed = { title: truncate(oneLine(source.title), DISCORD.title), color: COLOR.notice, fields, footer: { text: `${footerText(version)} · source ${source.id}` } };
  if (source.url) embed.url = source.url;
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

export const TOPIC_PICK = 'topics:pick';

export function renderTopics(topics: ReturnType<AnswerEngine['topics']>, version: string): Reply {
  const lines = topics.map(({ topic, count }) => `**${oneLine(topic.name)}** — ${count} ${count === 1 ? 'entry' : 'entries'}${topic.description ? `\n${truncate(oneLine(topic.description), 200)}` : ''}`);
  const embed: APIEmbed = {
    title: 'Topics',
    color: COLOR.notice,
    description: truncate(lines.join('\n') || 'The knowledge base has no topics yet.', DISCORD.description),
    footer: { text: footerText(version) },
  };
  const options = topics
    .filter((t) => t.count > 0)
    .slice(0, DISCORD.selectOptions)
    .map(({ topic, count }) => ({ label: truncate(oneLine(topic.name), 100), value: topic.id, description: `${count} ${count === 1 ? 'entry' : 'entries'}` }));
  const components: Row[] = options.length
    ? [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: TOPIC_PICK, placeholder: 'Pick a topic to list its entries', options } as APIStringSelectComponent] } as Row]
    : [];
  return { embeds: fitEmbeds([embed]), components, allowedMentions: noMentions() };
}

export function renderTopicEntries(topic: Topic, entries: readonly Entry[], version: string): Reply {
  const lines: string[] = [];
  let length = 0;
  for (const entry of entries) {
    const line = `• ${entryLabel(entry, 160)} \`${entry.id}\``;
    if (length + line.length + 1 > DISCORD.description - 200) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = entries.length - lines.length;
  const embed: APIEmbed = {
    title: truncate(oneLine(topic.name), DISCORD.title),
    color: COLOR.notice,
    description: [topic.description ? `*${truncate(oneLine(topic.description), 300)}*` : '', lines.join('\n') || 'No entries yet.', more > 0 ? `…and ${more} more. Ask about them with \`/ask\`.` : '']
      .filter(Boolean)
      .join('\n\n'),
    footer: { text: footerText(version) },
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
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
      { name: 'Sources up to', value: base.asOf ?? 'undated', inline: true },
      { name: 'Loaded', value: base.loadedAt.slice(0, 16).replace('T', ' ') + ' UTC', inline: true },
      { name: 'Commands', value: '`/ask` · `/quote` · `/timeline` · `/source` · `/topics` · message menu **Ask Hotline**' },
    ],
    footer: { text: footerText(base.version) },
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
  | { ok: false; errors: readonly Diagnostic[]; warnings: readonly Diagnostic[]; keptVersion?: string };

export function renderKbOutcome(action: 'reload' | 'check', outcome: KbOutcome): Reply {
  let embed: APIEmbed;
  if (outcome.ok) {
    const counts = countKnowledge(outcome.base);
    const summary = `${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources in ${counts.files} files.`;
    const what = action === 'check' ? 'The knowledge folder is valid.' : outcome.changed === false ? 'Nothing changed since the last load.' : `Reloaded: now serving knowledge \`${outcome.version}\`.`;
    embed = { title: action === 'check' ? 'Knowledge check passed' : 'Knowledge reloaded', color: COLOR.timeline, description: `${what}\n${summary}`, footer: { text: footerText(outcome.version) } };
    if (outcome.warnings.length) embed.fields = packLines(`${outcome.warnings.length} warning(s)`, diagnosticLines(outcome.warnings)).slice(0, 3);
  } else {
    const kept = outcome.keptVersion ? `The last good knowledge (\`${outcome.keptVersion}\`) keeps serving.` : 'Nothing was changed.';
    embed = {
      title: action === 'check' ? 'Knowledge check failed' : 'Reload refused',
      color: COLOR.error,
      description: `${outcome.errors.length} error(s) in the knowledge folder. ${kept} Fix them and try again.`,
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
      { name: 'Knowledge', value: `\`${base.version}\` loaded ${base.loadedAt.slice(0, 16).replace('T', ' ')} UTC\n${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources, ${counts.files} files` },
      ...packLines('Entries per topic', counts.perTopic.map((t) => `${oneLine(t.name)}: ${t.count}`)).slice(0, 2),
      {
        name: `Usage, last ${days} days`,
        value: `${usage.questions} questions (${usage.perDay.toFixed(1)} a day), ${Math.round(usage.answeredShare * 100)} % answered, ${usage.distinctAskers} distinct askers`,
      },
      ...(topEntries.length ? [{ name: 'Most asked entries', value: topEntries.join('\n') }] : []),
      { name: 'Process', value: `up ${Math.round(extra.uptimeS / 60)} min · ${Math.round(process.memoryUsage().rss / 1e6)} MB · ${extra.views} answers held for buttons` },
    ],
    footer: { text: footerText(base.version) },
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

export function renderGaps(rows: readonly GapRow[], days: number): Reply {
  const lines = rows.map(
    (r) =>
      `**${r.count}×** ${escapeUserText(r.question, 300)} — ${r.status}, last ${r.lastAsked.slice(0, 10)}${r.examples.length ? `\n  also: ${r.examples.slice(0, 2).map((e) => escapeUserText(e, 120)).join(' · ')}` : ''}`,
  );
  const embed: APIEmbed = {
    title: `Unanswered questions, last ${days} days`,
    color: COLOR.unsure,
    description: lines.length ? truncate(lines.join('\n'), DISCORD.description) : 'No unanswered questions recorded in this period.',
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}

export function renderFeedback(rows: readonly FeedbackRow[], days: number): Reply {
  const fields = rows.slice(0, 10).map((r) => ({
    name: truncate(`${r.entryId} — 👎 ${r.down} · 👍 ${r.up}`, DISCORD.fieldName),
    value: r.reasons.length ? truncate(r.reasons.slice(0, 5).map((x) => `• ${escapeUserText(x, 200)}`).join('\n'), DISCORD.fieldValue) : 'No reasons given.',
  }));
  const embed: APIEmbed = { title: `Feedback, last ${days} days`, color: COLOR.unsure, ...(fields.length ? { fields } : { description: 'No 👎 recorded in this period.' }) };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: noMentions() };
}
