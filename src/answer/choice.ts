// The value an autocomplete choice or a menu option carries when it names an entry rather than a
// question to search: `entry:<id>`. One owner for the format, so what autocomplete produces and what
// /ask and the engine accept cannot drift apart.

const PREFIX = 'entry:';
/** Discord's limit on a choice or option value. */
const MAX_VALUE = 100;

/** The choice value for an entry (ids are at most 80 characters, so it always fits). */
export function formatChoice(entryId: string): string {
  return `${PREFIX}${entryId}`.slice(0, MAX_VALUE);
}

/** The entry id a choice value names, or undefined when the value is free text. */
export function parseChoice(value: string): string | undefined {
  const text = value.trim();
  if (!text.toLowerCase().startsWith(PREFIX)) return undefined;
  const id = text.slice(PREFIX.length).trim().toLowerCase();
  return id ? id : undefined;
}
