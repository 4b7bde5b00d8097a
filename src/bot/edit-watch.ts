import type { Diagnostic } from '../knowledge/base';
import { countProblems } from '../knowledge/diagnostics';
import { formatDiagnostic } from '../knowledge/format';
import { diagnosticLines } from './cards';
import { discordTime } from './discord-time';
import { plural } from '../text/plural';

// What the moderators' channel hears about knowledge edits: one post when an edit is refused (not
// one per attempt: the watcher and every /kb reload of the same broken files see the same errors),
// and an all-clear once the knowledge is valid again, so the channel's last word is never a stale
// "refused". Times are Discord timestamps (each reader sees their own time zone), never hashes.

export type ModPost = { title: string; body: string; tone: 'refused' | 'clear' };

export class EditWatch {
  #refused?: { key: string; at: Date };

  /** An edit was refused; a post unless these very errors were already reported. */
  refused(errors: readonly Diagnostic[], servingSince: string, now = new Date()): ModPost | undefined {
    const key = errors
      .map((d) => formatDiagnostic(d))
      .sort()
      .join('\n');
    if (this.#refused?.key === key) return undefined;
    const first = this.#refused === undefined;
    this.#refused = { key, at: first ? now : this.#refused!.at };
    return {
      tone: 'refused',
      title: `Knowledge edit refused — ${plural(countProblems(errors), 'error')}`,
      body: [
        `${first ? 'Refused' : 'Still refused, with other errors,'} at ${discordTime(now, 't')}. Hotline keeps serving the knowledge loaded ${discordTime(servingSince)}; members see no change.`,
        '',
        ...diagnosticLines(errors),
        '',
        'Fix the lines above and save: the edit goes live by itself once it is valid (or run `/kb reload`).',
      ].join('\n'),
    };
  }

  /** The knowledge is valid again (a fix went live, or the broken edit was taken back): the all-clear, once. */
  valid(loadedAt: string, changed: boolean, now = new Date()): ModPost | undefined {
    const refused = this.#refused;
    if (!refused) return undefined;
    this.#refused = undefined;
    return {
      tone: 'clear',
      title: 'All clear — knowledge is valid again',
      body: changed
        ? `The edit refused ${discordTime(refused.at, 'R')} is fixed and live: Hotline now serves the knowledge loaded ${discordTime(loadedAt)}.`
        : `The refused edit (${discordTime(refused.at, 'R')}) was taken back: the folder matches the knowledge Hotline serves (loaded ${discordTime(loadedAt)}). Checked ${discordTime(now, 't')}.`,
    };
  }
}
