import { term } from './normalize';

// Soft synonyms: ordinary English words that often stand for one another in questions about military
// channels ("call off" the talks / "suspend" them). Unlike aliases they are not the same thing, so a
// query word also matches its related words, but for less (RELATED_FACTOR), and never merges concepts.
// Generic language only: names and facts of the subject belong in the knowledge base's `synonyms:`.

export const RELATED_FACTOR = 0.45;

const GROUPS: readonly string[][] = [
  ['cancel', 'suspend', 'halt', 'cut', 'freeze', 'froze', 'frozen', 'stop', 'sever'],
  ['start', 'begin', 'open', 'launch', 'establish', 'create', 'set'],
  ['resume', 'restore', 'restart', 'reopen', 'revive', 'reconnect'],
  ['test', 'check'],
  ['meet', 'meeting', 'talk', 'talks', 'dialogue'],
  ['phone', 'call', 'telephone', 'ring', 'rang'],
  ['line', 'link', 'channel', 'hotline'],
  ['answer', 'respond', 'reply', 'pick'],
  ['agree', 'agreement', 'deal', 'accord', 'treaty', 'pact', 'arrangement'],
  ['war', 'conflict'],
  ['lawmaker', 'lawmakers', 'congress', 'congressional', 'delegation'],
  ['plane', 'aircraft', 'jet', 'jets'],
  ['ship', 'vessel', 'warship', 'warships'],
  ['fax', 'facsimile'],
  ['email', 'computer'],
  ['purpose', 'aim', 'goal', 'why'],
  ['chief', 'head', 'leader'],
  ['minister', 'secretary'],
  ['navy', 'naval'],
  ['sea', 'maritime', 'naval'],
  ['air', 'aerial'],
  ['kill', 'killed', 'assassination', 'assassinated'],
  ['collision', 'collide', 'crash', 'bump', 'bumping'],
  ['warn', 'warning', 'threaten', 'threat'],
  ['secret', 'secure'],
  ['job', 'career', 'post', 'role', 'position'],
  ['message', 'sentence', 'transmission', 'text', 'note'],
  ['outcome', 'result', 'deliverable'],
  ['adopt', 'approve', 'endorse', 'ratify'],
  ['send', 'sent', 'exchange', 'transmit'],
];

const relatedOf = new Map<string, string[]>();
for (const group of GROUPS) {
  const terms = [...new Set(group.map(term))];
  for (const t of terms) relatedOf.set(t, [...new Set([...(relatedOf.get(t) ?? []), ...terms.filter((o) => o !== t)])]);
}

/** Index terms related to this one (not including it). */
export function relatedTerms(indexTerm: string): readonly string[] {
  return relatedOf.get(indexTerm) ?? [];
}
