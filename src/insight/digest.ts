import type { Insight } from './api';
import { escapeUserText } from '../text/user-text';
import { entryId, feedbackLines, gapLines, usageLine } from './moderator-text';

export type DigestOptions = {
  /** The digest's window (default 7). */
  days?: number;
  /** Window for "entries nobody asked about" (default 90, the default retention): a week is too short to judge. */
  idleDays?: number;
  /** Default DIGEST_MAX, for an embed description; pass 2,000 or less to post it as message content. */
  maxLength?: number;
};

/** Discord's message content limit is 2,000 and an embed description 4,096; the digest stays under 4,000. */
export const DIGEST_MAX = 3_900;
const TOP_GAPS = 10;
const TOP_DOWN = 5;
const IDLE_SHOWN = 25;

/**
 * The weekly moderator digest as markdown: usage, top gaps, 👎 entries, entries never asked about.
 * Never throws: an unavailable database becomes a one-line notice, which is worth posting too.
 */
export function weeklyDigest(insight: Insight, knownEntryIds: string[], options: DigestOptions = {}): string {
  const days = options.days ?? 7;
  const idleDays = options.idleDays ?? 90;
  let usage, gaps, feedback, asked;
  try {
    usage = insight.usage({ days });
    gaps = insight.gaps({ days, limit: TOP_GAPS });
    feedback = insight.feedback({ days, limit: TOP_DOWN });
    asked = new Set(insight.usage({ days: idleDays, limit: 1_000_000 }).topEntries.map((e) => e.entryId));
  } catch (err) {
    return `**Hotline weekly digest**\nThe insight database could not be read: ${escapeUserText(err instanceof Error ? err.message : String(err), 300)}`;
  }

  const out = new Budget(options.maxLength ?? DIGEST_MAX);
  out.line(`**Hotline weekly digest** — last ${days} days`);
  out.line(usageLine(usage));

  out.line('');
  out.line('**Most asked without a good answer**');
  if (gaps.length === 0) out.line('None.');
  for (const line of gapLines(gaps)) out.line(line);

  out.line('');
  out.line('**Entries marked 👎**');
  if (feedback.length === 0) out.line('None.');
  for (const line of feedbackLines(feedback)) out.line(line);

  const idle = [...new Set(knownEntryIds)].filter((id) => !asked.has(id)).sort();
  out.line('');
  out.line(`**Entries nobody asked about** (last ${idleDays} days): ${idle.length} of ${new Set(knownEntryIds).size}`);
  if (idle.length > 0) {
    const shown = idle.slice(0, IDLE_SHOWN).map(entryId).join(', ');
    out.line(idle.length > IDLE_SHOWN ? `${shown} and ${idle.length - IDLE_SHOWN} more` : shown);
  }
  return out.text();
}

/** Collects lines until the budget is spent, then ends with a marker instead of a cut line. */
class Budget {
  static readonly MARKER = '… (digest shortened)';
  private readonly lines: string[] = [];
  private used = 0;
  private full = false;
  constructor(private readonly max: number) {}

  line(s: string): void {
    if (this.full) return;
    const cost = s.length + 1;
    if (this.used + cost > this.max - Budget.MARKER.length - 1) {
      this.lines.push(Budget.MARKER);
      this.full = true;
      return;
    }
    this.lines.push(s);
    this.used += cost;
  }

  text(): string {
    return this.lines.join('\n');
  }
}
