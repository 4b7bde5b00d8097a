import { isStopword } from '../search/stopwords';
import { LIMITS } from '../knowledge/limits';

// A record skeleton for a question members asked and Hotline could not answer: what `/kb gaps`'s
// "draft an entry" button puts into the preview box, and what `npm run gaps -- --yaml` writes. It is
// deliberately not valid yet: the text and the source are for the moderator to write, and the
// preview's errors say what is still missing.

export type SkeletonInput = {
  /** The member's question, as asked. */
  question: string;
  /** Other wordings of the same question (a gap group's examples). */
  alsoAsked?: readonly string[];
  /** Topics of the nearest entries, the likely home of the new one. */
  topics?: readonly string[];
  /** Ids already used in the base: the suggested id avoids them. */
  takenIds?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** The id to use, when the caller has chosen it already. */
  id?: string;
};

const ID_WORDS = 6;
const PLACEHOLDER_SOURCE = 'source-id-to-fill-in';

/**
 * Skeleton text that must not survive into knowledge. Some of it the schema refuses anyway (a date
 * YYYY-MM-DD, an address without a host); the rest is valid text, so the preview looks for it.
 */
export const PLACEHOLDERS = {
  text: 'The answer, in one or two sentences of your own words.',
  source: PLACEHOLDER_SOURCE,
  title: 'The title of the page',
  publisher: 'Who published it',
} as const;

/** A kebab-case id from the question's content words ("When did Hegseth meet Dong Jun?" → "hegseth-meet-dong-jun"). */
export function suggestId(question: string, taken: { has(id: string): boolean } = new Set()): string {
  const words = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !isStopword(w));
  let id =
    words
      .slice(0, ID_WORDS)
      .join('-')
      .slice(0, LIMITS.id - 4)
      .replace(/-+$/, '') || 'new-entry';
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  id = `${id}-${n}`;
  return id;
}

/** A YAML string that any text survives (JSON strings are YAML double-quoted strings). */
function quoted(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, LIMITS.phrase));
}

/** The skeleton as knowledge-file text: one fact citing one source, both to fill in. */
export function draftSkeleton(input: SkeletonInput): string {
  const id = input.id ?? suggestId(input.question, input.takenIds ?? new Set());
  const topics = input.topics?.length ? input.topics.slice(0, 3) : ['topic-id'];
  const wordings = [input.question, ...(input.alsoAsked ?? [])].filter((q, i, all) => q.trim() && all.indexOf(q) === i).slice(0, 3);
  return [
    `# Draft for members' question ${quoted(input.question)}.`,
    '# Write the answer in your own words; cite a source that says it (see knowledge/README.md).',
    'facts:',
    `  - id: ${id}`,
    '    text: >-',
    `      ${PLACEHOLDERS.text}`,
    '    # date: 2025-11-01',
    `    topics: [${topics.join(', ')}]`,
    `    sources: [${PLACEHOLDER_SOURCE}]`,
    '    questions:',
    ...wordings.map((q) => `      - ${quoted(q)}`),
    'sources:',
    `  - id: ${PLACEHOLDER_SOURCE}`,
    '    kind: official, press or analysis   # the one that fits; see knowledge/README.md',
    `    title: ${PLACEHOLDERS.title}`,
    `    publisher: ${PLACEHOLDERS.publisher}`,
    "    published: YYYY-MM-DD   # the page's date; delete this line if it has none (never guess)",
    '    url: https://',
    '',
  ].join('\n');
}
