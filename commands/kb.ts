import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { loadKnowledge } from '../src/knowledge/load';
import type { ChatCommand } from '../src/bot/command';
import { renderFeedback, renderGaps, renderKbOutcome, renderStats, type GapItem } from '../src/bot/cards';
import { gapDrafts } from '../src/answer/gap-draft';
import { previewIds } from '../src/bot/preview-cards';
import { onPreviewComponent, previewModal, rememberGapSkeletons } from './kb-preview';
import { notice } from '../src/bot/render';
import { truncate } from '../src/bot/discord-text';

// /kb reload | check | stats | gaps | feedback | preview — moderators only: hidden from others through
// default_member_permissions (Manage Server), and checked again at run time by the router
// (moderatorOnly), because server admins can override the default in their settings.

const DEFAULT_DAYS = 30;

export const data = new SlashCommandBuilder()
  .setName('kb')
  .setDescription('Moderators: manage the knowledge base and see what people ask')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('reload').setDescription('Validate the knowledge folder and swap it in if valid'))
  .addSubcommand((s) => s.setName('check').setDescription('Validate the knowledge folder without swapping'))
  .addSubcommand((s) => s.setName('stats').setDescription('Knowledge size and usage figures'))
  .addSubcommand((s) =>
    s
      .setName('gaps')
      .setDescription('Questions Hotline could not answer and answers marked 👎, with a draft button each')
      .addIntegerOption((o) => o.setName('days').setDescription(`Look back this many days (default ${DEFAULT_DAYS})`).setMinValue(1).setMaxValue(365)),
  )
  .addSubcommand((s) => s.setName('preview').setDescription('Paste records to check them and see them as members would, without saving'))
  .addSubcommand((s) =>
    s
      .setName('feedback')
      .setDescription('Entries with the most 👎, with the reasons given')
      .addIntegerOption((o) => o.setName('days').setDescription(`Look back this many days (default ${DEFAULT_DAYS})`).setMinValue(1).setMaxValue(365)),
  );

const startedAt = Date.now();
const EMPTY_USAGE = { questions: 0, perDay: 0, answeredShare: 0, distinctAskers: 0, topEntries: [] };

/** The insight reports throw while the database is unavailable; moderators get the reason, not an error. */
function readInsight<T>(read: () => T): { ok: true; value: T } | { ok: false; problem: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, problem: truncate(error instanceof Error ? error.message : String(error), 300) };
  }
}

export const command: ChatCommand = {
  kind: 'chat',
  data,
  moderatorOnly: true,
  ephemeral: () => true,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const days = interaction.options.getInteger('days') ?? DEFAULT_DAYS;
    switch (sub) {
      case 'reload': {
        await ctx.respond.defer({ ephemeral: true });
        const outcome = await ctx.knowledge.reload();
        ctx.logger.info(
          { ok: outcome.ok, ...(outcome.ok ? { version: outcome.version, changed: outcome.changed } : { errors: outcome.errors.length }) },
          'knowledge reload requested by a moderator',
        );
        const reply = outcome.ok
          ? renderKbOutcome('reload', {
              ok: true,
              version: outcome.version,
              changed: outcome.changed,
              warnings: outcome.warnings,
              base: ctx.knowledge.current.base,
            })
          : renderKbOutcome('reload', { ...outcome, keptLoadedAt: ctx.knowledge.current.base.loadedAt });
        return ctx.respond.send(reply, { ephemeral: true });
      }
      case 'check': {
        await ctx.respond.defer({ ephemeral: true });
        const result = await loadKnowledge(ctx.knowledge.dir);
        const reply = result.ok
          ? renderKbOutcome('check', { ok: true, version: result.base.version, warnings: result.warnings, base: result.base })
          : renderKbOutcome('check', { ok: false, errors: result.errors, warnings: result.warnings });
        return ctx.respond.send(reply, { ephemeral: true });
      }
      case 'stats': {
        const usage = readInsight(() => ctx.insight.usage({ days }));
        const stats = renderStats(ctx.engine.base, usage.ok ? usage.value : EMPTY_USAGE, days, {
          views: ctx.views.size,
          uptimeS: (Date.now() - startedAt) / 1000,
        });
        if (!usage.ok) stats.embeds[0]!.description = `Usage figures are unavailable: ${usage.problem}`;
        return ctx.respond.send(stats, { ephemeral: true });
      }
      case 'gaps': {
        const gaps = readInsight(() => ({ unanswered: ctx.insight.gaps({ days, limit: 15 }), disliked: ctx.insight.disliked({ days, limit: 5 }) }));
        if (!gaps.ok) return ctx.respond.send(notice(`The insight database is unavailable: ${gaps.problem}`), { ephemeral: true });
        const { unanswered, disliked } = gaps.value;
        const drafts = gapDrafts(ctx.engine, [...unanswered, ...disliked.map((d) => ({ question: d.question }))]);
        const items: Array<GapItem & { skeleton: string }> = [
          ...unanswered.map((g, i) => ({ kind: 'unanswered' as const, ...g, ...drafts[i]! })),
          ...disliked.map((d, i) => ({
            kind: 'disliked' as const,
            question: d.question,
            count: d.count,
            lastAsked: d.lastAsked,
            status: d.entryId,
            examples: [],
            reasons: d.reasons,
            ...drafts[unanswered.length + i]!,
          })),
        ];
        const key = rememberGapSkeletons(
          interaction.user.id,
          items.map((i) => i.skeleton),
        );
        return ctx.respond.send(
          renderGaps(items, days, (n) => previewIds.draft(key, n)),
          { ephemeral: true },
        );
      }
      case 'preview':
        return ctx.respond.showModal(previewModal());
      case 'feedback': {
        const rows = readInsight(() => ctx.insight.feedback({ days, limit: 10 }));
        return ctx.respond.send(rows.ok ? renderFeedback(rows.value, days) : notice(`The insight database is unavailable: ${rows.problem}`), {
          ephemeral: true,
        });
      }
      default:
        return ctx.respond.tell(notice('Unknown subcommand.'));
    }
  },
  components: { kbp: onPreviewComponent },
};
