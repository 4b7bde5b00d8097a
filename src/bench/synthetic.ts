import { stringify } from 'yaml';
import type { KnowledgeBase } from '../knowledge/base';
import type { Fact, Quote } from '../knowledge/schema';
import { words } from '../search/normalize';

// Synthetic knowledge bases for the benchmark, made from the shipped base's own words, people,
// topics and sources, so that word frequencies look like ours. Seeded: every run builds the same bases.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Vocabulary = {
  /** Every word occurrence of the shipped texts: sampling from it follows their frequencies. */
  tokens: string[];
  speakers: Array<{ speaker: string; role?: string }>;
  people: string[];
  topicIds: string[];
  sourceIds: string[];
};

export function vocabularyOf(base: KnowledgeBase): Vocabulary {
  const tokens: string[] = [];
  const speakers = new Map<string, string | undefined>();
  const people = new Set<string>();
  for (const e of base.entries) {
    for (const text of [e.text, ...(e.questions ?? [])]) tokens.push(...words(text).filter((w) => /^[a-z]/.test(w)));
    if (e.kind === 'quote') speakers.set(e.speaker, e.role);
    else for (const p of e.involved ?? []) people.add(p);
  }
  return {
    tokens,
    speakers: [...speakers].map(([speaker, role]) => ({ speaker, ...(role ? { role } : {}) })),
    people: [...people],
    topicIds: [...base.topics.keys()],
    sourceIds: [...base.sources.keys()],
  };
}

export type SyntheticRecords = { facts: Fact[]; quotes: Quote[] };

export function syntheticRecords(vocab: Vocabulary, size: number, seed = 1): SyntheticRecords {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(pick(vocab.tokens));
    const s = ws.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const date = () => {
    const y = 1960 + Math.floor(random() * 67);
    const m = 1 + Math.floor(random() * 12);
    const d = 1 + Math.floor(random() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
  const facts: Fact[] = [];
  const quotes: Quote[] = [];
  for (let i = 0; i < size; i++) {
    const common = {
      id: `syn-${i}`,
      text: sentence(18, 40),
      date: date(),
      topics: some(vocab.topicIds, 3),
      sources: some(vocab.sourceIds, 2),
      questions: [`${sentence(5, 10).slice(0, 98)}?`],
      keywords: [sentence(1, 3)],
    };
    if (vocab.speakers.length > 0 && random() < 0.2) {
      const s = pick(vocab.speakers);
      quotes.push({ ...common, speaker: s.speaker, ...(s.role ? { role: s.role } : {}), context: sentence(6, 14) });
    } else {
      facts.push({ ...common, ...(vocab.people.length ? { involved: some(vocab.people, 2) } : {}) });
    }
  }
  return { facts, quotes };
}

/** A KnowledgeBase object straight from records (what the loader would return, without the YAML). */
export function syntheticBase(shipped: KnowledgeBase, records: SyntheticRecords): KnowledgeBase {
  const entries = [
    ...records.facts.map((f) => ({ ...f, kind: 'fact' as const, origin: { file: 'synthetic.yaml', line: 1 } })),
    ...records.quotes.map((q) => ({ ...q, kind: 'quote' as const, origin: { file: 'synthetic.yaml', line: 1 } })),
  ];
  return {
    version: `synthetic-${entries.length}`,
    loadedAt: new Date().toISOString(),
    topics: shipped.topics,
    sources: shipped.sources,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    synonyms: shipped.synonyms,
    files: ['synthetic.yaml'],
  };
}

/** The same records as knowledge files (500 entries a file), for timing load + validate through the real loader. */
export function syntheticFiles(shipped: KnowledgeBase, records: SyntheticRecords): Record<string, string> {
  const files: Record<string, string> = {
    'topics.yaml': stringify({ topics: [...shipped.topics.values()] }),
    'sources.yaml': stringify({ sources: [...shipped.sources.values()] }),
  };
  if (shipped.synonyms.length) files['synonyms.yaml'] = stringify({ synonyms: shipped.synonyms });
  const chunk = 500;
  for (let i = 0; i < records.facts.length; i += chunk) files[`facts-${i / chunk}.yaml`] = stringify({ facts: records.facts.slice(i, i + chunk) });
  for (let i = 0; i < records.quotes.length; i += chunk) files[`quotes-${i / chunk}.yaml`] = stringify({ quotes: records.quotes.slice(i, i + chunk) });
  return files;
}

/** Questions made from entries: a few of their words, sometimes with a typo, sometimes words from elsewhere. */
export function syntheticQuestions(vocab: Vocabulary, base: KnowledgeBase, count: number, seed = 2): string[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = pick(base.entries);
    const ws = words(entry.text);
    const n = 3 + Math.floor(random() * 6);
    const start = Math.floor(random() * Math.max(1, ws.length - n));
    const q = ws.slice(start, start + n);
    if (random() < 0.3 && q.length) {
      const k = Math.floor(random() * q.length);
      const w = q[k]!;
      if (w.length > 4) {
        const p = 1 + Math.floor(random() * (w.length - 2));
        q[k] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
      }
    }
    if (random() < 0.2) q.push(pick(vocab.tokens), 'zebrafish');
    out.push(`${random() < 0.5 ? 'when did ' : 'what about '}${q.join(' ')}`);
  }
  return out;
}

/** What people type into autocomplete: the first few characters of a question. */
export function syntheticPrefixes(base: KnowledgeBase, count: number, seed = 3): string[] {
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = base.entries[Math.floor(random() * base.entries.length)]!;
    const text = entry.questions?.[0] ?? entry.text;
    out.push(text.slice(0, 2 + Math.floor(random() * Math.min(28, text.length))));
  }
  return out;
}
