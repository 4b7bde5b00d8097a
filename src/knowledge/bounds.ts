import type { Diagnostic } from './base';
import type { ParsedFile } from './parse';
import { factSchema, quoteSchema, sourceSchema, synonymSchema, topicSchema } from './schema';

// Limits on the shape of one file's data, checked before the schemas run: a file that breaks them
// gets one error per broken limit (naming the file and the record) and is cut down to the limit (or,
// with far too many records, left out of validation), so that validation stays cheap and its
// report short. Each limit is far above what real knowledge
// needs (the shipped base: at most 83 records in a file, 11 fields in a record, 23 items in a list).

export const RECORD_LIMITS = {
  /** Top-level fields of a file (only five are valid: topics, sources, facts, quotes, synonyms). */
  sections: 20,
  /** Records in one section of one file. */
  records: 2_000,
  /** Fields in one record. */
  fields: 40,
  /** Items in one list field of a record (topics, sources, keywords, questions…). */
  items: 500,
} as const;

// A record cut down for having too many fields keeps only the fields some schema knows, so that no
// unknown field is left for a position lookup (the positional parse is slow on huge records).
const KNOWN_FIELDS = new Set([topicSchema, sourceSchema, factSchema, quoteSchema, synonymSchema].flatMap((s) => Object.keys(s.shape)));

const count = (n: number) => n.toLocaleString('en-US');

/** The file's data within RECORD_LIMITS, and an error for every limit it broke. */
export function boundRecords(file: ParsedFile): { file?: ParsedFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = file.data;
  if (!isPlainObject(data)) return { file, diagnostics };
  const problem = (path: Array<string | number>, message: string, field?: string, id?: string) => {
    const { line, column } = file.near(path);
    diagnostics.push({ severity: 'error', file: file.file, line, column, ...(id ? { id } : {}), ...(field ? { field } : {}), message });
  };

  let keys = Object.keys(data);
  if (keys.length > RECORD_LIMITS.sections) {
    problem([], `file has ${count(keys.length)} top-level fields; a file may hold only topics, sources, facts, quotes and synonyms`);
    keys = keys.slice(0, RECORD_LIMITS.sections);
  }
  const bounded: Record<string, unknown> = {};
  let tooLong = false;
  for (const section of keys) {
    const list = data[section];
    if (Array.isArray(list) && list.length > RECORD_LIMITS.records) {
      // Left out of validation altogether: a file this long is not an edit to check record by record.
      problem([section], `${section} holds ${count(list.length)} records; one file may hold at most ${count(RECORD_LIMITS.records)}: split it into several files`, section);
      tooLong = true;
      continue;
    }
    bounded[section] = Array.isArray(list) ? list.map((record, i) => boundRecord(section, i, record, problem)) : list;
  }
  if (tooLong) return { diagnostics };
  // Past a limit, the rest of the file's problems are placed by record, not by field: the positional
  // parse that finds a field's line is quadratic in the size of a map (3 s for one of 40,000 fields).
  const locate = diagnostics.length > 0 ? file.near : file.locate;
  return { file: { ...file, data: bounded, locate }, diagnostics };
}

function boundRecord(section: string, index: number, record: unknown, problem: (path: Array<string | number>, message: string, field?: string, id?: string) => void): unknown {
  if (!isPlainObject(record)) return record;
  const id = typeof record.id === 'string' ? record.id.slice(0, 100) : undefined;
  let fields = Object.keys(record);
  let result: Record<string, unknown> = record;
  if (fields.length > RECORD_LIMITS.fields) {
    const unknown = fields.filter((f) => !KNOWN_FIELDS.has(f));
    problem([section, index], `record has ${count(fields.length)} fields (${count(unknown.length)} of them unknown, e.g. "${unknown[0]?.slice(0, 40) ?? ''}"); a record has at most ${RECORD_LIMITS.fields}: remove the extra fields`, undefined, id);
    fields = fields.filter((f) => KNOWN_FIELDS.has(f));
    result = Object.fromEntries(fields.map((f) => [f, record[f]]));
  }
  for (const field of fields) {
    const value = result[field];
    if (Array.isArray(value) && value.length > RECORD_LIMITS.items) {
      // The record's own line, not the field's: finding the field's line needs the slow positional parse.
      problem([section, index], `${field} lists ${count(value.length)} items; a list may hold at most ${RECORD_LIMITS.items}`, field, id);
      if (result === record) result = { ...record };
      result[field] = value.slice(0, RECORD_LIMITS.items);
    }
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
