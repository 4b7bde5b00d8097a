// Dates as members read them: knowledge stores YYYY, YYYY-MM or YYYY-MM-DD (validated by
// src/knowledge/schema.ts); replies say "1963", "June 1963" or "20 June 1963".

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function readableDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
