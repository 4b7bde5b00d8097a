import type { Diagnostic, KnowledgeBase } from './base';
import { SOURCE_KINDS, type SourceKind } from './schema';
import { attributedTo } from './source-rules';
import { plural } from '../text/plural';

/** `file:line:column: error: fact "x" field sources[0]: unknown source "y" — did you mean "z"?` */
export function formatDiagnostic(d: Diagnostic, folder = ''): string {
  const where = `${folder ? `${folder.replace(/\/$/, '')}/` : ''}${d.file}:${d.line}:${d.column}`;
  const what = [d.id ? `"${d.id}"` : undefined, d.field ? `field ${d.field}` : undefined].filter(Boolean).join(' ');
  return `${where}: ${d.severity}: ${what ? `${what}: ` : ''}${d.message}`;
}

export type KnowledgeCounts = {
  facts: number;
  quotes: number;
  sources: number;
  files: number;
  /** Sources of each kind, in the schema's order. */
  sourcesByKind: Record<SourceKind, number>;
  perTopic: Array<{ id: string; name: string; count: number }>;
  /** Entries attributed instead of stated as fact: facts with `reported_by`, quotes with `quoted_in`. */
  attributed: { reported: number; quoted: number };
};

export function countKnowledge(base: KnowledgeBase): KnowledgeCounts {
  const perTopic = new Map<string, number>();
  for (const entry of base.entries) for (const topic of entry.topics) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
  return {
    facts: base.entries.filter((e) => e.kind === 'fact').length,
    quotes: base.entries.filter((e) => e.kind === 'quote').length,
    sources: base.sources.size,
    files: base.files.length,
    sourcesByKind: countSourcesByKind(base),
    attributed: {
      reported: base.entries.filter((e) => e.kind === 'fact' && attributedTo(e) !== undefined).length,
      quoted: base.entries.filter((e) => e.kind === 'quote' && attributedTo(e) !== undefined).length,
    },
    perTopic: [...base.topics.values()]
      .map((t) => ({ id: t.id, name: t.name, count: perTopic.get(t.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
  };
}

function countSourcesByKind(base: KnowledgeBase): Record<SourceKind, number> {
  const counts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  for (const source of base.sources.values()) counts[source.kind] += 1;
  return counts;
}

/** `sources by kind: official 13, press 77, …, reprint 9` — one line for kb:check. */
export function formatSourceKinds(counts: KnowledgeCounts['sourcesByKind']): string {
  const parts = Object.entries(counts).map(([kind, n]) => `${kind} ${n}`);
  return `sources by kind: ${parts.join(', ')}`;
}

/** One line per named check with how many findings it has, zeros included (so "0 broken hosts" shows). */
export function formatRuleCounts(counts: ReadonlyArray<{ label: string; count: number }>): string[] {
  return counts.map(({ label, count }) => `${String(count).padStart(4)}  ${label}`);
}

/** `shown as attributed, not as established: 11 facts as reported (reported_by), 7 quotes as quoted (quoted_in)` — for kb:check. */
export function formatAttributed({ reported, quoted }: KnowledgeCounts['attributed']): string {
  return `shown as attributed, not as established: ${plural(reported, 'fact')} as reported (reported_by), ${plural(quoted, 'quote')} as quoted (quoted_in)`;
}
