import { showControlCharacters } from '../text/visible';
import type { GapRow } from './api';

// The terminal forms of the gap report (npm run gaps). Discord rendering is the bot's business.

export function gapsAsText(rows: readonly GapRow[], heading: string): string {
  if (rows.length === 0) return `${heading}\n\nNo unknown or unsure questions.\n`;
  const countWidth = Math.max(5, ...rows.map((r) => String(r.count).length));
  const lines = [heading, '', `${'count'.padStart(countWidth)}  last asked (UTC)  status   question`];
  for (const r of rows) {
    lines.push(`${String(r.count).padStart(countWidth)}  ${r.lastAsked.slice(0, 16).replace('T', ' ')}  ${r.status.padEnd(7)}  ${oneLine(r.question)}`);
    for (const e of r.examples) lines.push(`${' '.repeat(countWidth + 29)}~ ${oneLine(e)}`);
  }
  return `${lines.join('\n')}\n`;
}

export const CSV_HEADER = ['count', 'status', 'last_asked', 'question', 'examples'] as const;

/** RFC 4180 CSV (CRLF line ends), one row per group; examples joined with " | ". */
export function gapsAsCsv(rows: readonly GapRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push([String(r.count), r.status, r.lastAsked, r.question, r.examples.join(' | ')].map((v) => csvField(showControlCharacters(v))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes a field when it holds a comma, quote or line break. Text starting with = + - @ (or tab/CR)
 * gets a leading apostrophe: questions are typed by anyone, and a spreadsheet would run them as formulas.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Members' words on one line, any escape sequence or control character shown, never acted on. */
function oneLine(s: string): string {
  return showControlCharacters(s.replace(/[ \t\r\n]+/g, ' ').trim());
}
