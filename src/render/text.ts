import type { Answer, AnswerResult, Citation } from '../answer/model';
import { attributionOf, quotedInText, reportedByLine } from './attribution';
import { declinedMessage, RECORD_HEADING } from './declined';

// Terminal rendering: plain text, citations as numbered footnotes.

export type TextOptions = {
  /** Topic names to suggest when the answer is "I don't know". */
  topics?: readonly string[];
};

/** An entry's lines; one attributed to an outlet (reported_by, quoted_in) says so, see attribution.ts. */
function entryLines(r: AnswerResult, citations: readonly Citation[]): string[] {
  const e = r.entry;
  const marks = r.citations.map((n) => `[${n}]`).join('');
  const attribution = attributionOf(e, citations);
  if (e.kind === 'quote') {
    const who = [e.speaker, e.role, e.date, attribution && quotedInText(attribution)].filter(Boolean).join(', ');
    return [`“${e.text}”${marks ? ` ${marks}` : ''}`, `    — ${who}`, `    (${e.context})`];
  }
  const line = `${e.date ? `${e.date}: ` : ''}${e.text}${marks ? ` ${marks}` : ''}`;
  return attribution ? [line, `    (${reportedByLine(attribution)})`] : [line];
}

function heading(answer: Answer): string | undefined {
  const n = answer.results.length;
  if (answer.mode === 'timeline') return `Timeline (${n} dated entr${n === 1 ? 'y' : 'ies'}, oldest first):`;
  if (answer.mode === 'speaker') return `Quotes (${n}, newest first):`;
  return undefined;
}

export function renderText(answer: Answer, options: TextOptions = {}): string {
  const out: string[] = [];
  if (answer.status === 'unknown' && answer.record) {
    // An opinion or a forecast with an entry that bears on it: said plainly, then the record, cited.
    out.push(declinedMessage(answer.declined ?? { reason: 'opinion' }), '', RECORD_HEADING, ...entryLines(answer.record, answer.citations));
  } else if (answer.status === 'unknown') {
    out.push(answer.declined ? declinedMessage(answer.declined) : "I don't know: the knowledge base does not cover that.");
    if (options.topics?.length) out.push(`It covers: ${options.topics.slice(0, 12).join('; ')}.`);
    out.push('Try other words, an entry id, a year ("1963") or a speaker\'s name.');
    return out.join('\n');
  } else if (answer.status === 'unsure') {
    out.push("I'm not sure what you mean. Did you mean:");
    answer.results.forEach((r, i) => {
      const [first, ...rest] = entryLines(r, answer.citations);
      out.push(`  ${i + 1}. ${first}`, ...rest.map((l) => `  ${l}`), `     (ask: ${r.entry.id})`);
    });
  } else {
    const head = heading(answer);
    if (head) out.push(head);
    const many = answer.results.length > 1;
    answer.results.forEach((r, i) => {
      const lines = entryLines(r, answer.citations);
      if (many) out.push(`${i + 1}. ${lines[0]}`, ...lines.slice(1).map((l) => ` ${l}`));
      else out.push(...lines);
    });
    if (answer.related.length) {
      out.push('', 'See also:');
      for (const rel of answer.related) out.push(`  - ${rel.label} (${rel.id})`);
    }
  }
  if (answer.citations.length) {
    out.push('', 'Sources:');
    for (const c of answer.citations) {
      const details = [c.publisher, c.published].filter(Boolean).join(', ');
      out.push(`  [${c.n}] ${c.title} — ${details}${c.url ? `. ${c.url}` : ''}`);
    }
  }
  return out.join('\n');
}
