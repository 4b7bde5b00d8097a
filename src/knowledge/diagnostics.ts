import type { Diagnostic } from './base';

// However broken a base is, what is kept and reported stays small: a file of 150,000 one-line
// errors is refused with the first problems and a count, not with 150,000 lines (nor a crash).

/** Problems listed per severity in a result; the rest are counted in one closing line. */
export const MAX_REPORTED = 100;
/** Problems held while checking (beyond this they are only counted): enough to sort the first MAX_REPORTED by place. */
const MAX_HELD = 10_000;

export class DiagnosticList {
  readonly #held: Diagnostic[] = [];
  readonly #counts = { error: 0, warning: 0 };

  add(diagnostic: Diagnostic): void {
    this.#counts[diagnostic.severity]++;
    if (this.#held.length < MAX_HELD) this.#held.push(diagnostic);
  }

  /** A loop, never `push(...list)`: spreading a long list overflows the call stack. */
  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const d of diagnostics) this.add(d);
  }

  get errorCount(): number {
    return this.#counts.error;
  }

  get size(): number {
    return this.#counts.error + this.#counts.warning;
  }

  /** The first `max` problems of a severity by place (file, line, column), then "and K more" when some are left out. */
  reported(severity: Diagnostic['severity'], max = MAX_REPORTED): Diagnostic[] {
    const all = this.#held.filter((d) => d.severity === severity).sort(byPlace);
    if (this.#counts[severity] <= max) return all;
    const shown = all.slice(0, max);
    const next = all[max]!;
    const more = this.#counts[severity] - max;
    const noun = severity === 'error' ? (more === 1 ? 'error' : 'errors') : more === 1 ? 'warning' : 'warnings';
    shown.push({
      severity,
      file: next.file,
      line: next.line,
      column: next.column,
      message: `and ${more.toLocaleString('en-US')} more ${noun} from here on, not listed: fix the ones above, then check again`,
      more,
    });
    return shown;
  }
}

/** How many problems a reported list stands for, counting those an "and K more" line left out. */
export function countProblems(diagnostics: readonly Diagnostic[]): number {
  let total = 0;
  for (const d of diagnostics) total += d.more ?? 1;
  return total;
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
