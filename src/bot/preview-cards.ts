import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { DraftPreview, QuestionHit } from '../answer/draft-preview';
import { DRAFT_FILE } from '../answer/draft-preview';
import type { Diagnostic } from '../knowledge/base';
import { plural } from '../text/plural';
import { DISCORD, embedLength, escapeUserText, fitEmbeds, truncate } from './discord-text';
import { button, COLOR, noMentions, packLines, renderAnswer, row, type Reply } from './render';

// The replies of /kb preview: the draft's errors as line:column of the pasted text, or the draft as
// members would see it in /ask with the questions it would now answer. Private to the moderator.

export const PREVIEW_PREFIX = 'kbp';
/** Discord's limit for one text input of a modal. */
export const MODAL_TEXT_MAX = 4000;

export const previewIds = {
  submit: `${PREVIEW_PREFIX}:submit`,
  edit: (key: string) => `${PREVIEW_PREFIX}:edit:${key}`,
  yaml: (key: string) => `${PREVIEW_PREFIX}:yaml:${key}`,
  draft: (key: string, n: number) => `${PREVIEW_PREFIX}:draft:${key}:${n}`,
};

const HITS_SHOWN = 8;

/** **line 4, column 11** — `"link-upgraded" date: is not a real calendar date` */
export function draftProblemLine(d: Diagnostic): string {
  const where = d.file === DRAFT_FILE ? `line ${d.line}, column ${d.column}` : `${d.file}:${d.line}`;
  const what = [d.id ? `"${d.id}"` : undefined, d.field].filter(Boolean).join(' ');
  // In a code span: the message quotes the moderator's own text, which must show as written.
  return `**${where}** — \`${truncate(`${what ? `${what}: ` : ''}${d.message}`, 400).replace(/`/g, "'")}\``;
}

function editButton(key: string) {
  return button(previewIds.edit(key), 'Edit the draft', ButtonStyle.Primary, '✏️');
}

export function renderPreviewErrors(preview: Extract<DraftPreview, { ok: false }>, key: string, note?: string): Reply {
  const embed: APIEmbed = {
    title: `Preview: ${plural(preview.errors.length, 'problem')} in your draft`,
    color: COLOR.error,
    description: [
      note,
      'Checked against the live knowledge with the same checks as `npm run kb:check`. Lines and columns count in the text you pasted. Nothing was saved.',
    ]
      .filter(Boolean)
      .join('\n\n'),
    fields: [
      ...packLines('Errors', preview.errors.slice(0, 20).map(draftProblemLine)),
      ...packLines('Warnings', preview.warnings.slice(0, 5).map(draftProblemLine)),
    ].slice(0, 6),
  };
  return { embeds: fitEmbeds([embed]), components: [row(editButton(key))], allowedMentions: noMentions() };
}

function hitLines(hits: readonly QuestionHit[]): string[] {
  const lines = hits.slice(0, HITS_SHOWN).map((h) => {
    const before = !h.before
      ? ''
      : h.before.status === 'answered'
        ? ` (today answered by \`${h.before.entryId}\`)`
        : ` (today ${h.before.status === 'unsure' ? 'a did-you-mean' : 'unanswered'})`;
    return `• “${escapeUserText(h.question, 150)}” → \`${h.entryId}\`${before}`;
  });
  if (hits.length > HITS_SHOWN) lines.push(`…and ${hits.length - HITS_SHOWN} more.`);
  return lines;
}

export function renderPreview(preview: Extract<DraftPreview, { ok: true }>, key: string, note?: string): Reply {
  const { entries, sources, topics, answers } = preview;
  const counts = [
    entries.filter((e) => e.kind === 'fact').length ? plural(entries.filter((e) => e.kind === 'fact').length, 'fact') : '',
    entries.filter((e) => e.kind === 'quote').length ? plural(entries.filter((e) => e.kind === 'quote').length, 'quote') : '',
    sources.length ? plural(sources.length, 'source') : '',
    topics.length ? plural(topics.length, 'topic') : '',
  ].filter(Boolean);
  const fields = [
    ...packLines('Curated questions it would now answer', hitLines(answers.curated)).slice(0, 1),
    ...packLines('Eval questions (tune and dev) it would now answer', hitLines(answers.eval)).slice(0, 1),
    ...packLines("Members' unanswered questions it would now answer", hitLines(answers.members)).slice(0, 1),
    ...packLines('Warnings', preview.warnings.slice(0, 5).map(draftProblemLine)).slice(0, 1),
  ];
  if (answers.curated.length + answers.eval.length + answers.members.length === 0) {
    fields.unshift({
      name: 'Questions it would now answer',
      value: 'None of the curated, eval or unanswered questions would be answered by your draft first. Add `questions:` that members would ask.',
    });
  }
  const summary: APIEmbed = {
    title: 'Preview: your draft is valid',
    color: COLOR.timeline,
    description: [
      note,
      `${counts.join(', ')}, checked against the live knowledge with the same checks as \`npm run kb:check\`. Nothing was saved and members do not see this draft.`,
      entries.length ? 'Below, each entry as `/ask` would show it (its buttons left out).' : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    fields: fields.slice(0, 8),
  };
  const embeds = fitEmbeds([summary]);
  let total = embedLength(embeds[0]!);
  let left = 0;
  for (const answer of preview.shown) {
    const shown = renderAnswer(answer, { key: 'preview' }).embeds[0];
    if (!shown || embeds.length >= DISCORD.embeds || total + embedLength(shown) > DISCORD.total) {
      left++;
      continue;
    }
    embeds.push(shown);
    total += embedLength(shown);
  }
  if (left > 0)
    embeds[0]!.description = truncate(
      `${embeds[0]!.description}\n\n${plural(left, 'more entry', 'more entries')} not shown: Discord allows 6,000 characters a message. Preview fewer records at a time.`,
      DISCORD.description,
    );
  return {
    embeds: fitEmbeds(embeds),
    components: [row(button(previewIds.yaml(key), 'Get the YAML file', ButtonStyle.Success, '📄'), editButton(key))],
    allowedMentions: noMentions(),
  };
}
