import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type MessageComponentInteraction, type ModalSubmitInteraction } from 'discord.js';
import { previewInWorker, type PreviewQuestions } from '../src/answer/draft-preview';
import type { CommandContext } from '../src/bot/command';
import { MODAL_TEXT_MAX, previewIds, renderPreview, renderPreviewErrors } from '../src/bot/preview-cards';
import { notice } from '../src/bot/render';
import { TtlCache } from '../src/bot/ttl-cache';
import { tuningQuestions } from '../src/eval/tuning-questions';

// /kb preview and its buttons (prefix "kbp"): a modal where a moderator pastes records, the
// preview of them, "Edit the draft", "Get the YAML file", and /kb gaps's "draft an entry" buttons.
// They belong to /kb, so the router checks at run time that whoever presses them is a moderator.
// Drafts live in memory for an hour, for the moderator who wrote them; nothing is written to disk.

const DRAFT_FIELD = 'draft';
const HOUR = 60 * 60 * 1000;

type Draft = { userId: string; text: string; yaml?: string };
const drafts = new TtlCache<Draft>(500, HOUR);
const gapSkeletons = new TtlCache<{ userId: string; skeletons: string[] }>(500, HOUR);

/** Keeps the skeletons of a /kb gaps reply for its "draft an entry" buttons; returns their key. */
export function rememberGapSkeletons(userId: string, skeletons: string[]): string {
  return gapSkeletons.put({ userId, skeletons });
}

let evalQuestions: Promise<string[]> | undefined;

/** The modal, empty or holding a draft (cut to what the text box takes). */
export function previewModal(prefill = ''): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(DRAFT_FIELD)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(MODAL_TEXT_MAX)
    .setPlaceholder('facts:\n  - id: …\n    text: …\n    topics: […]\n    sources: […]');
  if (prefill) input.setValue(prefill.slice(0, MODAL_TEXT_MAX));
  return new ModalBuilder()
    .setCustomId(previewIds.submit)
    .setTitle('Preview knowledge records')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Records in the knowledge format')
        .setDescription(`facts:, quotes:, sources: — up to ${MODAL_TEXT_MAX.toLocaleString('en-US')} characters`)
        .setTextInputComponent(input),
    );
}

async function membersQuestions(ctx: CommandContext): Promise<string[]> {
  try {
    const gaps = ctx.insight.gaps({ days: 30, limit: 50 }).flatMap((g) => [g.question, ...g.examples]);
    const disliked = ctx.insight.disliked({ days: 30, limit: 20 }).map((d) => d.question);
    return [...new Set([...gaps, ...disliked])];
  } catch (error) {
    ctx.logger.warn({ err: error }, 'preview without members’ questions: insight unavailable');
    return [];
  }
}

async function submit(interaction: ModalSubmitInteraction, ctx: CommandContext): Promise<void> {
  let text = '';
  try {
    text = interaction.fields.getTextInputValue(DRAFT_FIELD);
  } catch {
    // Treated as empty below.
  }
  if (!text.trim()) return ctx.respond.tell(notice('The draft was empty. Paste one or more records (`facts:`, `quotes:`, `sources:`) and try again.'));
  if (text.length > MODAL_TEXT_MAX) {
    return ctx.respond.tell(
      notice(
        `The draft is ${text.length.toLocaleString('en-US')} characters; a Discord text box holds ${MODAL_TEXT_MAX.toLocaleString('en-US')}. Preview fewer records at a time, or run \`npm run kb:check\` on the file.`,
      ),
    );
  }
  // Discord's box stops at the limit without a word: a draft exactly that long was probably cut.
  const note =
    text.length === MODAL_TEXT_MAX
      ? `⚠️ Your draft is exactly ${MODAL_TEXT_MAX.toLocaleString('en-US')} characters, the most a Discord text box holds, so the end may have been cut off. Preview fewer records at a time.`
      : undefined;
  await ctx.respond.defer({ ephemeral: true });
  evalQuestions ??= tuningQuestions().catch(() => []);
  const questions: PreviewQuestions = { eval: await evalQuestions, members: await membersQuestions(ctx) };
  const live = ctx.knowledge.current;
  if (!live.base.texts)
    return ctx.respond.tell(
      notice('The preview is not available for this knowledge (it was not loaded from files). `npm run kb:check` checks files the same way.'),
    );
  const preview = await previewInWorker({ texts: live.base.texts, draft: text, questions }, live.engine);
  const key = drafts.put({ userId: interaction.user.id, text, ...(preview.ok ? { yaml: preview.yaml } : {}) });
  ctx.logger.info({ ok: preview.ok, ...(preview.ok ? { entries: preview.entries.length } : { errors: preview.errors.length }) }, 'knowledge draft previewed');
  return ctx.respond.send(preview.ok ? renderPreview(preview, key, note) : renderPreviewErrors(preview, key, note), { ephemeral: true });
}

const gone = () => notice('This draft is no longer kept (drafts are kept for an hour, and not across restarts). Run `/kb preview` again.');

/** Handles every "kbp:…" custom id. */
export async function onPreviewComponent(
  interaction: MessageComponentInteraction | ModalSubmitInteraction,
  ctx: CommandContext,
  args: string[],
): Promise<void> {
  const [action, key = '', n = ''] = args;
  if (action === 'submit' && interaction.isModalSubmit()) return submit(interaction, ctx);
  if (action === 'edit' || action === 'yaml') {
    const draft = drafts.get(key);
    if (!draft || draft.userId !== interaction.user.id) return ctx.respond.tell(gone());
    if (action === 'edit') return ctx.respond.showModal(previewModal(draft.text));
    if (!draft.yaml) return ctx.respond.tell(notice('This draft has errors: fix them first (press **Edit the draft**).'));
    return ctx.respond.send(
      {
        ...notice('The draft, normalised. Add its records to a file under `knowledge/` (see `knowledge/README.md`), then run `npm run kb:check`.'),
        files: [{ name: 'draft.yaml', data: Buffer.from(draft.yaml, 'utf8'), description: 'Knowledge records checked with /kb preview' }],
      },
      { ephemeral: true },
    );
  }
  if (action === 'draft') {
    const list = gapSkeletons.get(key);
    const skeleton = list && list.userId === interaction.user.id ? list.skeletons[Number(n)] : undefined;
    if (!skeleton) return ctx.respond.tell(notice('This list of gaps is no longer kept. Run `/kb gaps` again.'));
    return ctx.respond.showModal(previewModal(skeleton));
  }
  return ctx.respond.tell(notice("This button doesn't work any more. Run `/kb preview` again."));
}
