import type { KnowledgeBase } from '../knowledge/base';
import type { Entry } from '../knowledge/schema';
import type { Answer, AnswerMode, AnswerResult, AnswerStatus, Citation, Declined } from './model';

/** Cuts at a word boundary and marks the cut, so labels fit Discord's 100-character choices. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A one-line name for an entry: a quote by its speaker, a fact by its words. */
export function entryLabel(entry: Entry, max = 100): string {
  const date = entry.date ? `${entry.date}: ` : '';
  if (entry.kind === 'quote') return clip(`${entry.speaker} — “${entry.text}”`, max);
  return clip(`${date}${entry.text}`, max);
}

/** Entries that share people and topics with a given one, for "see also". */
export type RelatedIndex = { relatedTo(entry: Entry, exclude: ReadonlySet<string>, limit: number): Entry[] };

const RELATED_SCAN = 300;

export function buildRelatedIndex(entries: readonly Entry[]): RelatedIndex {
  const byKey = new Map<string, Entry[]>();
  const keysOf = (e: Entry) => {
    const people = e.kind === 'quote' ? [e.speaker] : (e.involved ?? []);
    return [...people.map((p) => `p:${p.toLowerCase()}`), ...e.topics.map((t) => `t:${t}`)];
  };
  for (const e of entries) {
    for (const key of keysOf(e)) {
      const list = byKey.get(key) ?? [];
      list.push(e);
      byKey.set(key, list);
    }
  }
  return {
    relatedTo(entry, exclude, limit) {
      const keys = keysOf(entry)
        .map((k) => ({ k, list: byKey.get(k) ?? [] }))
        .sort((a, b) => a.list.length - b.list.length);
      const score = new Map<Entry, number>();
      for (const { k, list } of keys) {
        // A shared person says more than a shared broad topic; rare keys are scanned first.
        const weight = k.startsWith('p:') ? 2 : 1;
        for (const e of list.slice(0, RELATED_SCAN)) {
          if (e === entry || exclude.has(e.id)) continue;
          score.set(e, (score.get(e) ?? 0) + weight);
        }
      }
      return [...score.entries()]
        .sort((a, b) => b[1] - a[1] || (b[0].date ?? '').localeCompare(a[0].date ?? ''))
        .slice(0, limit)
        .map(([e]) => e);
    },
  };
}

/** Builds an Answer: numbers citations 1..n in order of first use and adds related entries. */
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
    for (const id of entry.sources) {
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
    related: relatedEntries.map((e) => ({ id: e.id, label: entryLabel(e) })),
    ...(extra.declined ? { declined: extra.declined } : {}),
    ...(record ? { record } : {}),
    knowledgeVersion: base.version,
  };
}
