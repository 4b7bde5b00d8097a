import type { Citation } from '../answer/model';
import type { Entry } from '../knowledge/schema';
import { attributedTo } from '../knowledge/source-rules';

// Entries the knowledge does not state as established (issue 11): a fact with `reported_by` is what
// one outlet reported, a quote with `quoted_in` holds words as one outlet printed them. Every renderer
// shows them for what they are, from this one reading of the fields.

export type Attribution = {
  /** reported: a fact with reported_by; quoted: a quote with quoted_in. */
  as: 'reported' | 'quoted';
  sourceId: string;
  /** The answer's citation of that source; undefined if the answer does not carry it. */
  citation?: Citation;
};

export function attributionOf(entry: Entry, citations: readonly Citation[]): Attribution | undefined {
  const sourceId = attributedTo(entry);
  if (sourceId === undefined) return undefined;
  return { as: entry.kind === 'fact' ? 'reported' : 'quoted', sourceId, citation: citations.find((c) => c.id === sourceId) };
}

/**
 * The outlet that reported a fact: for a reprint the outlet it copies ("Global Times", not the host
 * that carries the copy, which the source list shows as "reprint of Global Times"), else the publisher.
 */
export function reportingOutlet(c: Citation): string {
  return c.kind === 'reprint' && c.reprintOf ? c.reprintOf : c.publisher;
}

/** "Reported by Global Times" for a fact shown as reported; `name` formats the outlet's name for the medium. */
export function reportedByLine(a: Attribution, name: (outlet: string) => string = (outlet) => outlet): string {
  return `Reported by ${a.citation ? name(reportingOutlet(a.citation)) : 'another outlet'}`;
}

/** "as quoted in TAG24, 1 November 2025" for a quote shown as quoted; `name` and `date` format for the medium. */
export function quotedInText(a: Attribution, name: (outlet: string) => string = (s) => s, date: (d: string) => string = (d) => d): string {
  const c = a.citation;
  return c ? `as quoted in ${name(c.publisher)}${c.published ? `, ${date(c.published)}` : ''}` : 'as quoted in another outlet';
}
