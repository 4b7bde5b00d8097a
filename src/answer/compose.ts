import type { KnowledgeBase } from '../knowledge/base';
import type { Entry, Source, SourceKind } from '../knowledge/schema';
import { choiceLabel } from './labels';
import type { Answer, AnswerMode, AnswerResult, AnswerStatus, Citation, Declined } from './model';

// Member-facing names of entries live in labels.ts; re-exported for the callers that name them from here.
export { clip, entryLabel } from './labels';

/** Entries that share people and topics with a given one, for "see also". */
export type RelatedIndex = { relatedTo(entry: Entry, exclude: ReadonlySet<string>, limit: number): Entry[] };

const RELATED_SCAN = 300;
/** How many of an entry's related entries are kept in order (see relatedTo): more than an answer shows and leaves out. */
const RELATED_PREFIX = 24;
const NOTHING: ReadonlySet<string> = new Set();

export function buildRelatedIndex(entries: readonly Entry[]): RelatedIndex {
  const keysOf = (e: Entry) => {
    const people = e.kind === 'quote' ? [e.speaker] : (e.involved ?? []);
    return [...people.map((p) => `p:${p.toLowerCase()}`), ...e.topics.map((t) => `t:${t}`)];
  };
  // Made for the first answer, not at build: the CLI and the eval's declined questions never need it.
  let keyed: Map<string, Entry[]> | undefined;
  const byKeyOf = () => {
    if (keyed) return keyed;
    keyed = new Map<string, Entry[]>();
    for (const e of entries) {
      for (const key of keysOf(e)) {
        const list = keyed.get(key) ?? [];
        list.push(e);
        keyed.set(key, list);
      }
    }
    return keyed;
  };
  // An entry's related entries in order, worked out once: answering the same entry again (and every answer asks
  // twice: once for "see also", once in composing) allocated a sixth of an ask's heap. `exclude` only drops entries
  // from that order, so a cached prefix long enough to fill `limit` after dropping is the answer itself.
  const prefixes = new Map<Entry, Entry[]>();
  const relatedTo = (entry: Entry, exclude: ReadonlySet<string>, limit: number): Entry[] => {
    let prefix = prefixes.get(entry);
    if (!prefix) prefixes.set(entry, (prefix = ranked(entry, NOTHING, RELATED_PREFIX)));
    const kept = prefix.filter((e) => !exclude.has(e.id)).slice(0, Math.max(0, limit));
    // The prefix holds every related entry, or enough are left after dropping the excluded ones.
    return prefix.length < RELATED_PREFIX || kept.length === limit ? kept : ranked(entry, exclude, limit);
  };
  const ranked = (entry: Entry, exclude: ReadonlySet<string>, limit: number): Entry[] => {
    const byKey = byKeyOf();
    const keys = keysOf(entry)
      .map((k) => ({ k, list: byKey.get(k) ?? [] }))
      .sort((a, b) => a.list.length - b.list.length);
    // Each entry met, in the order met, with its score.
    const at = new Map<Entry, number>();
    const met: Entry[] = [];
    const scores: number[] = [];
    for (const { k, list } of keys) {
      // A shared person says more than a shared broad topic; rare keys are scanned first.
      const weight = k.startsWith('p:') ? 2 : 1;
      for (let i = 0; i < Math.min(list.length, RELATED_SCAN); i++) {
        const e = list[i]!;
        if (e === entry || exclude.has(e.id)) continue;
        const n = at.get(e);
        if (n === undefined) {
          at.set(e, met.length);
          met.push(e);
          scores.push(weight);
        } else scores[n]! += weight;
      }
    }
    // Highest score first, then the latest, then the first met; only the best `limit` are kept in order
    // (sorting every entry met, hundreds on a broad topic, was most of what composing an answer allocated).
    const before = (a: number, b: number) => scores[b]! - scores[a]! || (met[b]!.date ?? '').localeCompare(met[a]!.date ?? '') || a - b;
    const best: number[] = [];
    if (limit <= 0) return [];
    for (let n = 0; n < met.length; n++) {
      if (best.length === limit && before(best[limit - 1]!, n) <= 0) continue;
      let i = best.length;
      while (i > 0 && before(best[i - 1]!, n) > 0) i--;
      best.splice(i, 0, n);
      if (best.length > limit) best.pop();
    }
    return best.map((n) => met[n]!);
  };
  return { relatedTo };
}

/** Official sources are listed (and numbered) first, then the press, analysis, state media, reference copies and reprints. */
const KIND_ORDER: readonly SourceKind[] = ['official', 'press', 'analysis', 'state-media', 'reference', 'reprint'];
const kindRank = (source: Source | undefined) => {
  const i = source?.kind ? KIND_ORDER.indexOf(source.kind) : -1;
  return i < 0 ? KIND_ORDER.length : i;
};

/** An entry's source ids, official ones first (stable otherwise, so the moderator's order breaks ties). */
export function sourcesInOrder(base: KnowledgeBase, entry: Entry): string[] {
  return entry.sources
    .map((id, i) => ({ id, i, rank: kindRank(base.sources.get(id)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((s) => s.id);
}

/** Builds an Answer: numbers citations 1..n in order of first use (an entry's official sources first) and adds related entries. */
export function composeAnswer(
  base: KnowledgeBase,
  related: RelatedIndex | undefined,
  question: string,
  status: AnswerStatus,
  mode: AnswerMode,
  picked: ReadonlyArray<{ entry: Entry; score: number }>,
  extra: { declined?: Declined; record?: { entry: Entry; score: number } } = {},
): Answer {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const cite = ({ entry, score }: { entry: Entry; score: number }): AnswerResult => {
    const numbers: number[] = [];
    for (const id of sourcesInOrder(base, entry)) {
      let n = numberOf.get(id);
      if (n === undefined) {
        const source = base.sources.get(id);
        if (!source) continue;
        n = citations.length + 1;
        numberOf.set(id, n);
        citations.push({
          n,
          id,
          title: source.title,
          publisher: source.publisher,
          ...(source.published ? { published: source.published } : {}),
          ...(source.url ? { url: source.url } : {}),
          ...(source.kind ? { kind: source.kind } : {}),
          ...(source.reprint_of ? { reprintOf: source.reprint_of } : {}),
        });
      }
      if (!numbers.includes(n)) numbers.push(n);
    }
    return { entry, score: Math.max(0, Math.min(1, score)), citations: numbers };
  };
  const results = picked.map(cite);
  const record = extra.record ? cite(extra.record) : undefined;
  const shown = new Set(results.map((r) => r.entry.id));
  const relatedEntries = status === 'answered' && related && results[0] ? related.relatedTo(results[0].entry, shown, 5) : [];
  return {
    question,
    status,
    mode,
    results,
    citations,
    related: relatedEntries.map((e) => ({ id: e.id, label: choiceLabel(e) })),
    ...(extra.declined ? { declined: extra.declined } : {}),
    ...(record ? { record } : {}),
    knowledgeVersion: base.version,
    ...(base.asOf ? { knowledgeAsOf: base.asOf } : {}),
  };
}
