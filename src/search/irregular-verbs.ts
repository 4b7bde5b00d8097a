import forms from './irregular-verbs.json' with { type: 'json' };
import { stem } from './stem';
import { isStopword } from './stopwords';

// Irregular verb forms the stemmer cannot bring home ("met" → meet, "spoke" → speak, "held" → hold), so that
// "when did hegseth and dong meet" meets "Hegseth met Dong" and "who led the delegation" meets "leading". The
// list is wink-lexicon's, written to irregular-verbs.json by `npm run gen:irregular-verbs` (selectIrregularForms).

const BASE: ReadonlyMap<string, string> = new Map(Object.entries(forms as Record<string, string>));

/** The base form of an irregular verb form ("met" → "meet"); the word itself otherwise. */
export function baseForm(word: string): string {
  return BASE.get(word) ?? word;
}

/** Part-of-speech tags per word, commonest first (wink-lexicon's lexicon). */
export type Lexicon = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The forms worth mapping, sorted: those whose stem differs from their base's, that are no stopword, whose
 * commonest part of speech is not a noun or a modal ("crew" is no form of crow, "ground" of grind, "might" of may),
 * that are no verb of their own ("found" → founded, "lay" → lays, "wound" → wounded) and whose base is no light
 * verb (`light`: "took part", "ran the line" say nothing that "take" or "run" in another entry would; mapped, "what
 * was X's take on…" met every entry where something "took place").
 */
export function selectIrregularForms(verbs: Readonly<Record<string, string>>, lexicon: Lexicon, light: ReadonlySet<string>): Record<string, string> {
  const verbal = (w: string) => (lexicon[w] ?? []).some((tag) => tag.startsWith('VB'));
  const out: Record<string, string> = {};
  for (const form of Object.keys(verbs).sort()) {
    const base = verbs[form]!;
    if (base === form || isStopword(form) || light.has(base) || stem(form) === stem(base)) continue;
    const first = lexicon[form]?.[0] ?? '';
    if (first.startsWith('NN') || first === 'MD') continue;
    if (['ed', 's', 'es'].some((end) => verbal(form + end))) continue;
    out[form] = base;
  }
  return out;
}
