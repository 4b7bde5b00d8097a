import { LineCounter, parseDocument, type YAMLError } from 'yaml';

// Turns the YAML parser's errors into the first real cause, in a moderator's words. One slip (a
// field indented by one space too many, a tab in a text block, an unquoted ": ") makes the parser
// report a cascade of errors after it, most of them misleading ("the same field is written twice",
// "Implicit keys need to be on a single line"). Instead we read the lines up to the first error
// ourselves, name the slip, mend it in a copy of the text and parse again: whatever still fails is
// a separate cause. Line numbers never move, because every mend stays on its own line.

export type YamlProblem = { line: number; column: number; message: string };

/** Causes reported per file; past this a moderator fixes the first ones and runs the check again. */
const MAX_CAUSES = 5;
/** Re-parsing to find further causes costs a parse each; huge files get their first cause only. */
const MAX_REPARSE_CHARS = 200_000;
/** Errors that are not a cascade of something earlier: each one is its own cause. */
const STANDALONE = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);
// Like parse.ts, and for the same reason: the parser's own duplicate-key check is quadratic.
const REPARSE = { uniqueKeys: false, prettyErrors: false } as const;

export function duplicateKeyMessage(key?: string): string {
  return `the same field${key ? ` "${key}"` : ''} is written twice in one record (duplicate key): keep one`;
}

type Cause = { problem: YamlProblem; mended: string };

/** Explains `errors` (from parsing `text` with the `yaml` library): one problem per cause, in line order. */
export function explainYamlErrors(text: string, errors: readonly YAMLError[]): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let current = text;
  let currentErrors = errors;
  for (let round = 0; round < MAX_CAUSES; round++) {
    const structural = currentErrors.filter((e) => !STANDALONE.has(e.code));
    if (structural.length === 0) break;
    const positions = new LineCounter();
    for (const offset of lineStarts(current)) positions.addNewLine(offset);
    const first = structural.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const at = positions.linePos(first.pos[0]);
    const cause = findCause(current, at.line);
    if (!cause) {
      problems.push({ line: at.line, column: at.col, message: parserMessage(first.code, first.message) });
      return [...problems, ...standalone(current, currentErrors, problems)];
    }
    problems.push(cause.problem);
    // A mend that changes nothing would find the same cause again.
    if (current.length > MAX_REPARSE_CHARS || cause.mended === current) return problems;
    current = cause.mended;
    currentErrors = parseDocument(current, REPARSE).errors;
  }
  return [...problems, ...standalone(current, currentErrors, problems)].sort((a, b) => a.line - b.line || a.column - b.column);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function standalone(text: string, errors: readonly YAMLError[], already: readonly YamlProblem[]): YamlProblem[] {
  const positions = new LineCounter();
  for (const offset of lineStarts(text)) positions.addNewLine(offset);
  return errors
    .filter((e) => STANDALONE.has(e.code))
    .map((e) => {
      const { line, col } = positions.linePos(e.pos[0]);
      const key = /^[\w-]+(?=\s*:)/.exec(text.slice(e.pos[0]))?.[0];
      return { line, column: col, message: parserMessage(e.code, e.message, key) };
    })
    .filter((p) => !already.some((a) => a.line === p.line));
}

/** The parser's own words, for errors we cannot trace to a slip on a line. */
function parserMessage(code: string, message: string, key?: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return duplicateKeyMessage(key);
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML needs spaces';
    case 'MULTIPLE_DOCS':
      return 'file holds several YAML documents (---): keep one per file';
    default:
      return `not valid YAML: ${message.split('\n')[0]!.trim()} — check the indentation and quotes on this line`;
  }
}

// ------------------------------------------------------------------ reading the lines

type Line = { n: number; text: string; indent: number };
/** A block being read: a mapping (its keys start at `col`) or a list (its "- " start at `col`). */
type Frame = { kind: 'map' | 'list'; col: number; line: number; key?: string };

// `- - key: value` / `key: value` / `- item`; keys as knowledge files write them.
const KEY_LINE = /^((?:- +)*)([A-Za-z_][\w-]*|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|$)(.*)$/;
const DASH_ONLY = /^-(?: |$)/;
const BLOCK_SCALAR = /^[|>][+-]?\d*[+-]?\s*(#.*)?$/;

/**
 * Walks the lines up to just after the parser's first error (the slip may sit on the line after the
 * one the parser points at: an over-indented field reads as the continuation of the value above it).
 */
function findCause(text: string, errorLine: number): Cause | undefined {
  const lines = text.split('\n');
  const last = Math.min(lines.length, errorLine + 1);
  const stack: Frame[] = [];
  let expectChild = false;
  let block: { keyIndent: number; key: string; line: number } | undefined;
  let flowDepth = 0;

  for (let i = 0; i < last; i++) {
    const raw = lines[i]!;
    const line: Line = { n: i + 1, text: raw, indent: raw.length - raw.trimStart().length };
    const leading = raw.slice(0, line.indent);
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) {
      if (leading.includes('\t') && block) return tabCause(lines, line, block);
      continue;
    }

    if (block) {
      const spaces = /^ */.exec(raw)![0].length;
      if (spaces > block.keyIndent || leading.includes('\t')) {
        if (leading.includes('\t')) return tabCause(lines, line, block);
        continue;
      }
      block = undefined;
    }
    if (leading.includes('\t')) return tabCause(lines, line, undefined);
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + bracketBalance(content));
      continue;
    }

    const key = KEY_LINE.exec(content);
    const dashes = key ? key[1]! : DASH_ONLY.test(content) ? '- ' : '';
    const col = line.indent + 1;
    const keyCol = key ? col + dashes.length : undefined;

    // A line that is neither a field nor a list item continues the value above it (plain text
    // over several lines); YAML allows it when it is indented more than that field.
    if (!key && !dashes) {
      continue;
    }

    let popped: Frame | undefined;
    while (stack.length > 0 && stack.at(-1)!.col > col) {
      popped = stack.pop()!;
      // Fell between two levels: it belongs with the block it left, at that block's column.
      if (stack.length === 0 || stack.at(-1)!.col < col) return misaligned(lines, line, popped, key?.[2]);
    }
    const top = stack.at(-1);

    if (dashes) {
      if (top && top.kind === 'list' && top.col === col) top.line = line.n;
      else if (!top || (expectChild && top.col <= col)) stack.push({ kind: 'list', col, line: line.n });
      else return misaligned(lines, line, popped ?? top, key?.[2]);
      if (key) stack.push({ kind: 'map', col: keyCol!, line: line.n, key: unquote(key[2]!) });
    } else if (key) {
      if (top && top.kind === 'map' && top.col === col) {
        top.line = line.n;
        top.key = unquote(key[2]!);
      } else if (!top || (expectChild && top.col < col)) stack.push({ kind: 'map', col, line: line.n, key: unquote(key[2]!) });
      else return misaligned(lines, line, popped?.kind === 'map' ? popped : [...stack].reverse().find((f) => f.kind === 'map' && f.col <= col) ?? top, key[2]);
    }

    if (!key) {
      expectChild = false;
      continue;
    }
    const value = key[3]!.trim();
    expectChild = value === '' || value.startsWith('#');
    if (BLOCK_SCALAR.test(value)) {
      block = { keyIndent: keyCol! - 1, key: unquote(key[2]!), line: line.n };
      continue;
    }
    if (/^[[{]/.test(value)) {
      flowDepth = Math.max(0, bracketBalance(value));
      continue;
    }
    if (/^[^"'[{|>&*!%@`]/.test(value) && /:\s/.test(value.replace(/\s+#.*$/, ''))) return colonCause(lines, line, key[2]!, keyCol!, value);
  }
  return undefined;
}

function bracketBalance(text: string): number {
  let depth = 0;
  for (const ch of text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '')) {
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

function unquote(key: string): string {
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

function withLine(lines: readonly string[], n: number, text: string): string {
  const copy = [...lines];
  copy[n - 1] = text;
  return copy.join('\n');
}

function misaligned(lines: readonly string[], line: Line, sibling: Frame, key?: string): Cause {
  const what = key ? `"${unquote(key)}"` : 'this list item';
  const like = sibling.key && sibling.kind === 'map' ? `"${sibling.key}"` : 'the item';
  const message =
    `indentation: line ${line.n} should line up with line ${sibling.line} — ${what} starts at column ${line.indent + 1}, ` +
    `${like} on line ${sibling.line} at column ${sibling.col}. Fields of one record start at the same column; use spaces`;
  // Mend: move the line to its sibling's column.
  const mended = withLine(lines, line.n, ' '.repeat(Math.max(0, sibling.col - 1)) + line.text.trimStart());
  return { problem: { line: line.n, column: line.indent + 1, message }, mended };
}

function tabCause(lines: readonly string[], line: Line, block: { keyIndent: number; key: string; line: number } | undefined): Cause {
  const column = line.text.indexOf('\t') + 1;
  const message = block
    ? `a tab at the start of line ${line.n}, inside the text of "${block.key}" (the block that starts on line ${block.line}): YAML text blocks must be indented with spaces — replace the tab with spaces`
    : `a tab at the start of line ${line.n}: YAML indentation must be spaces — replace the tab with spaces`;
  const previous = [...lines.slice(0, line.n - 1)].reverse().find((l) => l.trim() !== '');
  const indent = block ? Math.max(block.keyIndent + 2, /^ */.exec(previous ?? '')![0].length) : /^ */.exec(previous ?? '')![0].length;
  return { problem: { line: line.n, column, message }, mended: withLine(lines, line.n, ' '.repeat(indent) + line.text.trimStart()) };
}

function colonCause(lines: readonly string[], line: Line, key: string, keyCol: number, value: string): Cause {
  const field = unquote(key);
  const column = line.text.indexOf(value, keyCol - 1) + 1;
  const colon = value.search(/:\s/);
  const before = value.slice(0, colon).trim().split(/\s+/).slice(-3).join(' ');
  const message = `put this text in quotes: in "${field}", the ": " after "${before}" reads as the start of another field. Write ${field}: "…" (and a " inside the text as \\")`;
  const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return { problem: { line: line.n, column, message }, mended: withLine(lines, line.n, line.text.slice(0, column - 1) + quoted) };
}
