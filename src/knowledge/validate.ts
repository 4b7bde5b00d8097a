import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import type { Diagnostic, KnowledgeBase } from './base';
import type { ParsedFile } from './parse';
import { closest } from './suggest';
import { attributedTo, dayOf, ruleFindings } from './source-rules';
import {
  factSchema,
  featuredSchema,
  type Featured,
  quoteSchema,
  sourceSchema,
  topicSchema,
  synonymSchema,
  type Entry,
  type Fact,
  type Quote,
  type KnowledgeFile,
  type Source,
  type Synonym,
  type Topic,
} from './schema';

type Section = keyof KnowledgeFile;
const SECTIONS: readonly Section[] = ['topics', 'featured', 'sources', 'facts', 'quotes', 'synonyms'];
const FIELDS: Record<Section, readonly string[]> = {
  topics: Object.keys(topicSchema.shape),
  featured: Object.keys(featuredSchema.shape),
  sources: Object.keys(sourceSchema.shape),
  facts: Object.keys(factSchema.shape),
  quotes: Object.keys(quoteSchema.shape),
  synonyms: Object.keys(synonymSchema.shape),
};
const KIND: Record<Section, string> = { topics: 'topic', featured: 'featured question', sources: 'source', facts: 'fact', quotes: 'quote', synonyms: 'synonym group' };

const RECORD_SCHEMAS = { topics: topicSchema, featured: featuredSchema, sources: sourceSchema, facts: factSchema, quotes: quoteSchema, synonyms: synonymSchema } as const;
// The file's outline only; each record is checked against its own schema afterwards.
const topLevelSchema = z.strictObject(Object.fromEntries(SECTIONS.map((s) => [s, z.array(z.unknown()).optional()])) as Record<Section, z.ZodOptional<z.ZodArray<z.ZodUnknown>>>);
// The outline and every record in one pass: what a sound file costs. Only a file it refuses is checked
// again in two steps, so that one bad record does not hide the others' problems, nor keep the sound
// records out of the cross-checks.
const wholeFileSchema = z.strictObject(
  Object.fromEntries(SECTIONS.map((s) => [s, z.array(RECORD_SCHEMAS[s]).optional()])) as { [S in Section]: z.ZodOptional<z.ZodArray<(typeof RECORD_SCHEMAS)[S]>> },
);

/** What the validation may be told from outside: the clock, so date rules can be tested on a fixed day. */
export type ValidateOptions = { now?: () => Date };

type LooseRecord = { id?: string; sources?: string[]; topics?: string[] };
type Located<T> = { record: T; file: ParsedFile; path: (string | number)[] };

/**
 * The one validation path (start-up, reload, CLI, CI): schema checks per file, then cross-checks
 * across the whole base. Returns every problem at once, and a base only when there is no error.
 */
export function validateKnowledge(
  files: readonly ParsedFile[],
  texts: ReadonlyMap<string, string>,
  { now = () => new Date() }: ValidateOptions = {},
): { base?: KnowledgeBase; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const topics: Located<Topic>[] = [];
  const sources: Located<Source>[] = [];
  const entries: Located<Entry>[] = [];
  const synonyms: Synonym[] = [];
  const featured: Located<Featured>[] = [];
  // Records that failed their schema still take part in the id and reference checks.
  const partial: Array<Located<LooseRecord> & { section: Section }> = [];

  const keep = (file: ParsedFile, section: Section, i: number, record: unknown) => {
    const path = [section, i];
    const origin = { file: file.file, line: file.locate(path).line };
    if (section === 'topics') topics.push({ record: record as Topic, file, path });
    else if (section === 'sources') sources.push({ record: record as Source, file, path });
    else if (section === 'facts') entries.push({ record: { ...(record as Fact), kind: 'fact', origin }, file, path });
    else if (section === 'quotes') entries.push({ record: { ...(record as Quote), kind: 'quote', origin }, file, path });
    else if (section === 'featured') featured.push({ record: record as Featured, file, path });
    else synonyms.push(record as Synonym);
  };
  for (const file of files) {
    const whole = wholeFileSchema.safeParse(file.data);
    if (whole.success) {
      for (const section of SECTIONS) whole.data[section]?.forEach((record, i) => keep(file, section, i, record));
      continue;
    }
    const top = topLevelSchema.safeParse(file.data, { reportInput: true });
    if (!top.success) {
      for (const issue of top.error.issues) diagnostics.push(fromZodIssue(file, issue));
      continue;
    }
    // Records are checked one by one so that one bad record does not hide the problems of the
    // others: all errors come back at once.
    for (const section of SECTIONS) {
      top.data[section]?.forEach((raw, i) => {
        const result = RECORD_SCHEMAS[section].safeParse(raw, { reportInput: true });
        if (result.success) return keep(file, section, i, result.data);
        const path = [section, i];
        for (const issue of result.error.issues) diagnostics.push(fromZodIssue(file, { ...issue, path: [...path, ...issue.path] }));
        partial.push({ record: looseRecord(raw), file, path, section });
      });
    }
  }

  const problem = (where: Located<{ id?: string }>, field: string | undefined, message: string, severity: Diagnostic['severity'] = 'error') => {
    const fieldPath = field === undefined ? [] : field.split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const { line, column } = where.file.locate([...where.path, ...fieldPath]);
    diagnostics.push({ severity, file: where.file.file, line, column, id: where.record.id, field, message });
  };

  // Ids: sources, facts and quotes share one namespace (a citation or an autocomplete value names
  // any of them); topics have their own.
  const withId = (section: Section) => partial.filter((p): p is Located<{ id: string }> & { section: Section } => p.section === section && p.record.id !== undefined);
  checkUnique<{ id: string }>([...topics, ...withId('topics')], 'topic', problem);
  checkUnique<{ id: string }>([...sources, ...entries, ...withId('sources'), ...withId('facts'), ...withId('quotes')], 'record', problem);

  const sourceIds = new Set([...sources, ...withId('sources')].map((s) => s.record.id));
  const topicIds = new Set([...topics, ...withId('topics')].map((t) => t.record.id));
  const cited = new Set<string>();
  for (const located of partial.filter((p) => p.section === 'facts' || p.section === 'quotes')) checkRefs(located, located.record);
  function checkRefs(located: Located<{ id?: string }>, refs: { sources?: string[]; topics?: string[] }) {
    refs.sources?.forEach((ref, i) => {
      cited.add(ref);
      if (!sourceIds.has(ref)) problem(located, `sources[${i}]`, `unknown source "${ref}"${didYouMean(ref, sourceIds)}`);
    });
    refs.topics?.forEach((ref, i) => {
      if (!topicIds.has(ref)) problem(located, `topics[${i}]`, `unknown topic "${ref}"${didYouMean(ref, topicIds)} — topics are listed in topics.yaml`);
    });
  }
  for (const located of entries) {
    const entry = located.record;
    checkRefs(located, entry);
    if (entry.kind === 'fact' && entry.end_date !== undefined) {
      if (entry.date === undefined) problem(located, 'end_date', 'end_date needs a date: write the first day in `date`');
      else if (entry.end_date.length !== 10 || entry.date.length !== 10) problem(located, 'end_date', 'a span of days needs full dates (YYYY-MM-DD) in both date and end_date');
      else if (entry.end_date <= entry.date) problem(located, 'end_date', `end_date ${entry.end_date} must come after date ${entry.date}`);
    }
    // The outlet a report or a quote is attributed to must be one the entry cites.
    const attributed = attributedTo(entry);
    if (attributed !== undefined && !entry.sources.includes(attributed)) {
      const field = entry.kind === 'fact' ? 'reported_by' : 'quoted_in';
      problem(located, field, `${field} names "${attributed}", which is not one of this ${entry.kind}'s sources: list it under sources too`);
    }
    if (entry.kind === 'quote' && entry.role === undefined) {
      problem(located, undefined, `quote has no role: add the speaker's role at the time (e.g. "U.S. Secretary of Defense")`, 'warning');
    }
  }
  for (const located of sources) {
    if (located.record.url === undefined) problem(located, undefined, 'source has no url: add one if the page is online, so readers can check it', 'warning');
    if (!cited.has(located.record.id)) problem(located, undefined, 'source is not cited by any fact or quote', 'warning');
  }

  // What the entries rest on, and whether their dates still hold (issue 11): warnings, see source-rules.ts.
  const entryAt = new Map(entries.map((e) => [e.record as Entry, e]));
  const sourceAt = new Map(sources.map((s) => [s.record, s]));
  for (const { entry, source, finding } of ruleFindings(entries.map((e) => e.record), sources.map((s) => s.record), dayOf(now()))) {
    const where = entry !== undefined ? entryAt.get(entry)! : sourceAt.get(source)!;
    problem(where, finding.field, finding.message, 'warning');
  }

  // A featured question must be one an entry answers: copied from that entry's questions.
  const askedBy = new Map<string, { question: string; entryId: string }>();
  for (const { record } of entries) {
    for (const q of record.questions ?? []) {
      const key = q.toLowerCase();
      if (!askedBy.has(key)) askedBy.set(key, { question: q, entryId: record.id });
    }
  }
  const featuredQuestions: Array<{ question: string; entryId: string }> = [];
  for (const located of featured) {
    const found = askedBy.get(located.record.question.toLowerCase());
    if (found) featuredQuestions.push({ question: located.record.question, entryId: found.entryId });
    else {
      const near = closest(located.record.question, [...askedBy.values()].map((a) => a.question));
      problem(located as Located<{ id?: string }>, 'question', `"${located.record.question}" is not one of the questions of any fact or quote: copy it exactly from an entry's questions${near ? ` — did you mean "${near}"?` : ''}`);
    }
  }

  diagnostics.sort(byPlace);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const allEntries = entries.map((e) => e.record);
  const dates = allEntries.map((e) => e.date).filter((d): d is string => d !== undefined);
  const base: KnowledgeBase = {
    version: versionOf(texts),
    loadedAt: now().toISOString(),
    asOf: dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : undefined,
    topics: new Map(topics.map((t) => [t.record.id, t.record])),
    sources: new Map(sources.map((s) => [s.record.id, s.record])),
    entries: allEntries,
    byId: new Map(allEntries.map((e) => [e.id, e])),
    synonyms,
    featured: featuredQuestions,
    files: files.map((f) => f.file),
    texts,
  };
  return { base, diagnostics };
}

/** What can still be read from a record that failed its schema, for the cross-checks. */
function looseRecord(raw: unknown): LooseRecord {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const strings = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined);
  return { id: typeof record.id === 'string' ? record.id : undefined, sources: strings(record.sources), topics: strings(record.topics) };
}

function checkUnique<T extends { id: string }>(
  records: Located<T>[],
  what: string,
  problem: (where: Located<T>, field: string, message: string) => void,
) {
  const first = new Map<string, Located<T>>();
  for (const located of records) {
    const seen = first.get(located.record.id);
    if (seen) {
      const { line } = seen.file.locate(seen.path);
      problem(located, 'id', `duplicate ${what} id "${located.record.id}": already used at ${seen.file.file}:${line} — ids must be unique across the knowledge base`);
    } else first.set(located.record.id, located);
  }
}

function didYouMean(value: string, known: Iterable<string>): string {
  const match = closest(value, known);
  return match === undefined ? '' : ` — did you mean "${match}"?`;
}

function fromZodIssue(file: ParsedFile, issue: $ZodIssue): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const [section, index, ...rest] = path;
  const record = typeof section === 'string' && typeof index === 'number' ? recordAt(file.data, section, index) : undefined;
  const id = typeof record?.id === 'string' ? record.id : undefined;

  let message: string;
  let key: string | undefined;
  let fieldPath = rest;
  if (issue.code === 'unrecognized_keys') {
    key = issue.keys[0];
    const known = path.length === 0 ? SECTIONS : FIELDS[section as Section] ?? [];
    message = issue.keys
      .map((k) => `unknown field "${k}"${didYouMean(k, known)}${path.length === 0 ? ` — a file may hold: ${SECTIONS.join(', ')}` : ''}`)
      .join('; ');
    fieldPath = [...rest];
  } else {
    message = zodMessage(issue);
  }
  const field = fieldPath.length > 0 ? formatField(fieldPath) : key ?? (path.length === 1 ? String(section) : undefined);
  const { line, column } = file.locate(path, key);
  const kind = typeof section === 'string' && section in KIND ? KIND[section as Section] : undefined;
  if (kind && path.length === 2 && issue.code !== 'unrecognized_keys') message = `${kind} ${message}`;
  return { severity: 'error', file: file.file, line, column, id, field, message };
}

function zodMessage(issue: $ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
  if (issue.code === 'invalid_union') {
    // A date may be a bare year or text: report the branch that matches what was written.
    const branch = issue.errors.find((issues) => issues.every((i) => i.code !== 'invalid_type'));
    if (branch?.[0]) return zodMessage(branch[0]);
    return 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD';
  }
  return issue.message;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list (lines starting with "- ")';
  if (expected === 'object') return 'a block of fields (field: value)';
  return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

function recordAt(data: unknown, section: string, index: number): Record<string, unknown> | undefined {
  const list = (data as Record<string, unknown> | null)?.[section];
  const record = Array.isArray(list) ? list[index] : undefined;
  return record && typeof record === 'object' ? (record as Record<string, unknown>) : undefined;
}

function formatField(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function versionOf(texts: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const name of [...texts.keys()].sort()) hash.update(name).update('\0').update(texts.get(name)!).update('\0');
  return hash.digest('hex').slice(0, 10);
}
