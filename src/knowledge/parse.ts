import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Diagnostic } from './base';
import { duplicateKeyMessage, explainYamlErrors } from './yaml-errors';

/** A knowledge file read into plain data, with a way back from a data path to a line and column. */
export type ParsedFile = {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[], key?: string): { line: number; column: number };
  /**
   * A place for `path` found without the positional parse (which is slow on huge files): the
   * record's line when known, else its section's, else the top of the file. For limits and counts.
   */
  near(path: readonly PropertyKey[]): { line: number; column: number };
};

export type ParseOutcome = { parsed?: ParsedFile; diagnostics: Diagnostic[] };

const at = (file: string, line: number, column: number, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  severity,
  file,
  line,
  column,
  message,
});

/**
 * Parses one file's text. Never throws: every problem (bad YAML, duplicate keys, aliases, tabs...)
 * becomes a diagnostic with a position.
 */
export function parseKnowledgeText(file: string, raw: string): ParseOutcome {
  const diagnostics: Diagnostic[] = [];
  let text = raw;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(at(file, 1, 1, 'file starts with a byte-order mark (BOM); it was ignored — save the file as UTF-8 without BOM', 'warning'));
  }
  if (text.includes('\r\n')) {
    text = text.replace(/\r\n/g, '\n');
    diagnostics.push(at(file, 1, 1, 'file has Windows (CRLF) line endings; they were read as plain newlines — save with LF line endings', 'warning'));
  }
  if (text.includes('\0')) {
    return { diagnostics: [...diagnostics, at(file, 1, 1, 'file contains NUL bytes: it looks binary, not a YAML text file')] };
  }
  if (text.trim() === '' || onlyComments(text)) {
    return { diagnostics: [...diagnostics, at(file, 1, 1, 'file is empty: add `facts:`, `quotes:`, `sources:`, `topics:` or `synonyms:`, or delete the file')] };
  }

  return parseFast(file, text, diagnostics) ?? parseThorough(file, text, diagnostics);
}

// Anchors and aliases need the thorough parser, which refuses them with a position.
const MAYBE_ALIAS = /(^|[\s[{,:-])[&*][^\s,\]}]/m;

/**
 * js-yaml reads plain knowledge files about ten times faster than the positional parser, which
 * matters at thousands of entries. Anything unusual (an error, an alias, a custom tag) falls back
 * to the thorough parser so that every problem still gets a precise position; positions of valid
 * files are computed lazily, only when a message needs one.
 */
function parseFast(file: string, text: string, diagnostics: Diagnostic[]): ParseOutcome | undefined {
  if (MAYBE_ALIAS.test(text)) return undefined;
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA, json: false });
  } catch (error) {
    // Lists or fields nested past js-yaml's depth limit: the positional parser would spend seconds
    // and half a gigabyte on a megabyte of brackets before failing too, so the file is refused here.
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    if (error instanceof RangeError || /maxDepth/.test(reason ?? '')) {
      return { diagnostics: [...diagnostics, at(file, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, TOO_DEEP)] };
    }
    return undefined;
  }
  const lines = text.split('\n');
  const { starts, sections } = recordStarts(lines);
  let thorough: ParsedFile | undefined;
  const recordLine = (path: readonly PropertyKey[]) => {
    const [section, index] = path;
    const list = (data as Record<string, unknown> | null)?.[section as string];
    const lines = starts.get(section as string);
    return typeof index === 'number' && Array.isArray(list) && lines?.length === list.length ? lines[index] : undefined;
  };
  const locate = (path: readonly PropertyKey[], key?: string) => {
    const line = path.length === 2 && key === undefined ? recordLine(path) : undefined;
    if (line) return line;
    // A field of a record written on its own line (`    sources: [a, b]`): read off the text, so that
    // warnings on thousands of records do not each need the positional parse of their file.
    const field = path.length === 3 && key === undefined ? fieldValueStart(lines, path, recordLine) : undefined;
    if (field) return field;
    thorough ??= parseThorough(file, text, []).parsed;
    return thorough?.locate(path, key) ?? { line: 1, column: 1 };
  };
  const near = (path: readonly PropertyKey[]) => {
    if (thorough) return thorough.locate(path);
    return (path.length >= 2 ? recordLine(path) : undefined) ?? sections.get(path[0] as string) ?? { line: 1, column: 1 };
  };
  return { parsed: { file, data, locate, near }, diagnostics };
}

/**
 * Where the value of `section[index].field` starts, when the record holds `field:` once, on its own line,
 * with its value on that line (the positional parser gives the same place); undefined otherwise.
 */
export function fieldValueStart(
  lines: readonly string[],
  path: readonly PropertyKey[],
  recordLine: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined,
): { line: number; column: number } | undefined {
  const [section, index, field] = path;
  if (typeof index !== 'number' || typeof field !== 'string' || !/^[A-Za-z_][\w-]*$/.test(field)) return undefined;
  const start = recordLine([section!, index]);
  if (!start) return undefined;
  const end = recordLine([section!, index + 1])?.line ?? lines.length + 1;
  const indent = start.column - 1;
  const prefix = `${field}:`;
  let found: { line: number; column: number } | undefined;
  for (let i = start.line - 1; i < end - 1 && i < lines.length; i++) {
    const raw = lines[i]!;
    // The record's first line starts with "- "; its fields stand at the column after it.
    if (raw.length <= indent || raw.slice(indent, indent + prefix.length) !== prefix) continue;
    if (i !== start.line - 1 && raw.slice(0, indent).trim() !== '') continue;
    if (raw[indent - 1] !== undefined && !/[\s-]/.test(raw[indent - 1]!)) continue;
    if (found) return undefined; // written twice: let the parser say where
    const after = raw.slice(indent + prefix.length);
    const value = /^([ ]+)([^#\s])/.exec(after);
    if (value) {
      found = { line: i + 1, column: indent + prefix.length + value[1]!.length + 1 };
    } else if (/^\s*$/.test(after)) {
      // A block list below (`sources:` then `  - a`): its place is the first dash.
      const item = /^(\s*)- /.exec(lines[i + 1] ?? '');
      if (!item || item[1]!.length < indent) return undefined;
      found = { line: i + 2, column: item[1]!.length + 1 };
    } else return undefined; // a comment or something unusual: ask the parser
  }
  return found;
}

const TOO_DEEP = 'file is nested too deeply (more than 100 lists or blocks of fields inside each other): knowledge files are lists of records — check the brackets and the indentation';

/** Line and column of each list item directly under a top-level section (`facts:` → `  - id: …`). */
function recordStarts(lines: readonly string[]): { starts: Map<string, Array<{ line: number; column: number }>>; sections: Map<string, { line: number; column: number }> } {
  const starts = new Map<string, Array<{ line: number; column: number }>>();
  const sections = new Map<string, { line: number; column: number }>();
  let section: string | undefined;
  let indent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Cheap tests of the first characters first: most lines are fields of a record, neither a section nor an item.
    const top = SECTION_START.test(line) ? SECTION_LINE.exec(line) : null;
    if (top) {
      section = top[1]!;
      indent = -1;
      starts.set(section, []);
      sections.set(section, { line: i + 1, column: 1 });
      continue;
    }
    if (section === undefined || !line.trimStart().startsWith('-')) continue;
    const item = ITEM_LINE.exec(line);
    if (!item) continue;
    if (indent === -1) indent = item[1]!.length;
    if (item[1]!.length === indent) starts.get(section)!.push({ line: i + 1, column: indent + 1 + 1 + item[2]!.length });
  }
  return { starts, sections };
}

const SECTION_START = /^[A-Za-z_]/;
const SECTION_LINE = /^([A-Za-z_][\w-]*)\s*:/;
const ITEM_LINE = /^(\s*)-(\s+)\S/;

/** The positional parse alone (the fast path falls back to it); exported so tests can compare the two. */
export function parseThorough(file: string, text: string, diagnostics: Diagnostic[]): ParseOutcome {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below, in one pass: the parser's own check compares every key of a
    // map with every other (40,000 fields in one record took over ten seconds).
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { diagnostics: [...diagnostics, at(file, 1, 1, `could not be read as YAML: ${(error as Error).message}`)] };
  }
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const yamlProblems = explainYamlErrors(text, doc.errors);
  for (const problem of yamlProblems) diagnostics.push(at(file, problem.line, problem.column, problem.message));
  // A repeated field is only real once the structure is sound: after a slip, misread lines often repeat one.
  if (yamlProblems.length === 0) {
    visit(doc, {
      Map(_, node) {
        const seen = new Set<unknown>();
        for (const item of node.items) {
          if (!isScalar(item.key)) continue;
          if (!seen.has(item.key.value)) {
            seen.add(item.key.value);
            continue;
          }
          const { line, column } = pos(item.key.range?.[0] ?? 0);
          diagnostics.push(at(file, line, column, duplicateKeyMessage(String(item.key.value))));
        }
      },
    });
  }
  for (const warning of doc.warnings) {
    const { line, column } = pos(warning.pos[0]);
    diagnostics.push(at(file, line, column, `YAML: ${firstLine(warning.message)}`, 'warning'));
  }

  // Aliases (`*name`) are never needed in knowledge files, and they are how "billion laughs"
  // documents blow up memory; refuse them before anything expands them.
  visit(doc, {
    Alias(_, node) {
      const { line, column } = pos(node.range?.[0] ?? 0);
      diagnostics.push(at(file, line, column, `YAML alias "*${node.source}" is not allowed in knowledge files: write the value out in full`));
      return visit.BREAK;
    },
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return { diagnostics: [...diagnostics, at(file, 1, 1, `could not be read as YAML: ${firstLine((error as Error).message)}`)] };
  }

  const locate = (path: readonly PropertyKey[], key?: string) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const step of path) {
      const next = isMap(node) || isSeq(node) ? node.get(step as string | number, true) : undefined;
      if (next === undefined || next === null) break;
      node = next;
      offset = (next as Node).range?.[0] ?? offset;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
    }
    return pos(offset);
  };

  return { parsed: { file, data, locate, near: locate }, diagnostics };
}

/** Whether every line is blank or a comment; reads up to the first line that is not, without splitting the whole text. */
function onlyComments(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (!/^\s*(#.*)?$/.test(text.slice(start, stop))) return false;
    start = stop + 1;
  }
  return true;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
