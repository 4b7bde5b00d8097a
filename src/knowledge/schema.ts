import { z } from 'zod';
import { LIMITS } from './limits';

// Every record kind a knowledge file may hold. Objects are strict so that a misspelled field
// ("sorces:") is an error instead of being silently dropped.

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters (Discord limit used by the replies)`);

const oneLine = (max: number) => text(max).regex(/^[^\r\n]*$/, 'must be a single line');

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens (e.g. "mmca-1998-signed")');

/**
 * A real calendar date written as YYYY, YYYY-MM or YYYY-MM-DD. A bare year may be written unquoted
 * (YAML reads `date: 1963` as a number), so numbers are accepted and turned into text.
 */
export const dateSchema = z
  .union([
    z.int().min(1000, 'must be a year of four digits').max(9999, 'must be a year of four digits'),
    z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
      .refine(isRealDate, 'is not a real calendar date'),
  ])
  .transform(String);

export function isRealDate(value: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return true; // the format check reports this one
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return y! >= 1000;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y!, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a date typed by a person is not one the knowledge could hold, in their words; undefined when it
 * is fine. The rule is dateSchema's (one validator for knowledge files and commands); this only says
 * more precisely what is wrong with an impossible date ("2025-13", "2025-02-30").
 */
export function dateProblem(value: string): string | undefined {
  const parsed = dateSchema.safeParse(value);
  if (parsed.success) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  if (isRealDate(value) || m === undefined) return parsed.error.issues[0]?.message ?? 'is not a date';
  if (m < 1 || m > 12) return `is not a real calendar date: there is no month ${String(m).padStart(2, '0')} (months run 01 to 12)`;
  const days = new Date(Date.UTC(y!, m, 0)).getUTCDate();
  return `is not a real calendar date: ${MONTH_NAMES[m - 1]} ${y} has ${days} days, so there is no day ${d}`;
}

/** The first and last day a valid date covers ("1963" → 1963-01-01 … 1963-12-31), for comparing ranges. */
export function dateBounds(value: string): { first: string; last: string } {
  const [y, m, d] = value.split('-');
  if (d !== undefined) return { first: value, last: value };
  if (m !== undefined) return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

export const urlSchema = z
  .string()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be a full http:// or https:// address');

export const topicSchema = z.strictObject({
  id: idSchema,
  name: oneLine(LIMITS.topicName),
  description: text(LIMITS.description).optional(),
});

/**
 * What a source is, so replies can say it in a few words and kb:check can count weak support.
 * - official: a government, military, treaty text, official readout, congressional record, history office
 * - press: an established wire, newspaper or broadcaster, on its own site
 * - analysis: a think tank, an academic publication, a specialist journal
 * - reference: an encyclopedia or a collected copy of texts (Wikipedia, Wikisource, a document database)
 * - state-media: a state outlet (Xinhua, Global Times, RT, TASS…): primary only for its own government's words
 * - reprint: a copy of someone else's story on another host (name the original in `reprint_of`)
 */
export const SOURCE_KINDS = ['official', 'press', 'analysis', 'reference', 'state-media', 'reprint'] as const;
export const sourceKindSchema = z.enum(SOURCE_KINDS, {
  error: (issue) =>
    issue.input === undefined
      ? `is required: say what the source is, one of: ${SOURCE_KINDS.join(', ')}`
      : `must be one of: ${SOURCE_KINDS.join(', ')}`,
});
export type SourceKind = z.infer<typeof sourceKindSchema>;

export const sourceSchema = z.strictObject({
  id: idSchema,
  /** What the source is: official, press, analysis, reference, state-media or reprint. */
  kind: sourceKindSchema,
  title: oneLine(LIMITS.title),
  publisher: oneLine(LIMITS.publisher),
  /** When the source was published; omitted for undated reference pages. */
  published: dateSchema.optional(),
  url: urlSchema.optional(),
  archive_url: urlSchema.optional(),
  /** The outlet a reprint or mirror originally comes from (e.g. "Associated Press"). */
  reprint_of: oneLine(LIMITS.publisher).optional(),
  note: text(LIMITS.note).optional(),
});

const sourceRefs = z.array(idSchema).min(1, 'must cite at least one source');
const phrases = z.array(oneLine(LIMITS.phrase)).optional();

export const factSchema = z.strictObject({
  id: idSchema,
  /** The statement, in our own words. */
  text: text(LIMITS.entryText),
  date: dateSchema.optional(),
  /** Last day of a span of days; `date` is the first. */
  end_date: dateSchema.optional(),
  topics: z.array(idSchema).min(1, 'must list at least one topic'),
  /** People and organisations involved, as names ("Adm. Dong Jun", "U.S. Indo-Pacific Command"). */
  involved: z.array(oneLine(LIMITS.name)).optional(),
  sources: sourceRefs,
  /**
   * When no official, press or analysis source states it: the id of the source whose report the text
   * gives ("Defense News reported that …"). The text says what this outlet reported; it is not stated
   * as established fact, and replies show it as reported by that outlet.
   */
  reported_by: idSchema.optional(),
  /** Questions a curator expects people to ask that this fact answers. */
  questions: phrases,
  /** Other names, acronyms or keywords people may use for this fact. */
  keywords: phrases,
  /** Where sources disagree (dates, wording), say how. */
  note: text(LIMITS.note).optional(),
});

export const quoteSchema = z.strictObject({
  id: idSchema,
  /** The speaker's exact words, verbatim from the cited source. */
  text: text(LIMITS.entryText),
  speaker: oneLine(LIMITS.name),
  /** The speaker's role at the time ("U.S. Secretary of Defense"). */
  role: oneLine(LIMITS.name).optional(),
  date: dateSchema.optional(),
  /** One line on when and where the words were said. */
  context: oneLine(LIMITS.context),
  topics: z.array(idSchema).min(1, 'must list at least one topic'),
  sources: sourceRefs,
  /**
   * When the words are known only as another outlet printed them (no source of the speaker's own, or a
   * record of the event, carries them): the id of that outlet's source. Replies then say "as quoted in
   * <publisher>, <date>" instead of presenting the words as verified.
   */
  quoted_in: idSchema.optional(),
  questions: phrases,
  keywords: phrases,
  note: text(LIMITS.note).optional(),
});

/** Terms that mean the same thing to a reader ("PLA", "People's Liberation Army"); used by search. */
export const synonymSchema = z.strictObject({
  terms: z.array(oneLine(LIMITS.phrase)).min(2, 'must list at least two equivalent terms'),
});

/**
 * A question shown in the empty /ask box before anything is typed (and first among the matches as
 * one types), like a discord-utils-bot hoisted tag. Moderators list a few, spread over the main
 * topics; each must be copied from an entry's `questions`, so picking it gives that entry.
 */
export const featuredSchema = z.strictObject({
  question: oneLine(LIMITS.phrase),
});

export const knowledgeFileSchema = z.strictObject({
  topics: z.array(topicSchema).optional(),
  /** Featured questions for the empty /ask box (see featuredSchema); usually in topics.yaml. */
  featured: z.array(featuredSchema).optional(),
  sources: z.array(sourceSchema).optional(),
  facts: z.array(factSchema).optional(),
  quotes: z.array(quoteSchema).optional(),
  synonyms: z.array(synonymSchema).optional(),
});

export type Topic = z.infer<typeof topicSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Synonym = z.infer<typeof synonymSchema>;
export type Featured = z.infer<typeof featuredSchema>;
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;

/** Where a record was read from, for messages that point a moderator at it. */
export type Origin = { file: string; line: number };

export type FactEntry = Fact & { kind: 'fact'; origin: Origin };
export type QuoteEntry = Quote & { kind: 'quote'; origin: Origin };
/** A fact or a quote: what search returns and answers are made of. */
export type Entry = FactEntry | QuoteEntry;
