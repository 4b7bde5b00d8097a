// Dates as members read them: knowledge stores YYYY, YYYY-MM or YYYY-MM-DD (validated by
// src/knowledge/schema.ts); replies say "1963", "June 1963" or "20 June 1963".

/** The months' names, January first: the one list every layer reads dates with. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** The same, lower case, as question words are. */
export const MONTHS_LOWER: readonly string[] = MONTHS.map((m) => m.toLowerCase());

export function readableDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
