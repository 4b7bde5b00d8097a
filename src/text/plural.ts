// Counted nouns in moderators' and members' messages: "1 question", "2 questions", "last 1 day".

const IRREGULAR: Record<string, string> = { person: 'people' };

/** The plural of a noun: "entry" → "entries", "day" → "days", "source" → "sources". */
export function pluralOf(noun: string): string {
  if (noun in IRREGULAR) return IRREGULAR[noun]!;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** "1 error", "3 errors", "0 errors"; `many` when the plural is irregular. */
export function plural(count: number, noun: string, many = pluralOf(noun)): string {
  return `${count} ${count === 1 ? noun : many}`;
}
