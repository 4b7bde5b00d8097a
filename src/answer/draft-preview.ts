import { Worker } from 'node:worker_threads';
import { stringify } from 'yaml';
import type { Diagnostic } from '../knowledge/base';
import { loadKnowledgeFromStrings, TS_WORKER } from '../knowledge/load';
import { parseKnowledgeText } from '../knowledge/parse';
import { factSchema, quoteSchema, sourceSchema, topicSchema, type Entry, type Source, type Topic } from '../knowledge/schema';
import { entryLabel } from './compose';
import { createEngine } from './engine';
import { PLACEHOLDERS } from './skeleton';
import type { AnswerEngine } from './engine-api';
import type { Answer } from './model';

// `/kb preview`: a moderator's draft records checked against the live base through the one
// validation path (the same loadKnowledge checks as kb:check, over the live files plus the draft),
// then, when valid, an engine built in memory over base + draft is asked the questions the draft
// might now answer. Nothing is written anywhere and the draft engine is never served: it lives in a
// worker thread for the length of one preview.

/** The name the draft goes by among the knowledge files: no file in a folder can have it (it is not .yaml). */
export const DRAFT_FILE = '(draft)';

/** Questions the draft may now answer, by where they come from. */
export type PreviewQuestions = {
  /** Eval questions of the tune and dev splits only (never held-out or blind ones). */
  eval: readonly string[];
  /** Questions members asked that Hotline could not answer (the gaps). */
  members: readonly string[];
};

/** A question the draft engine answers with a draft entry first; `before` is what members get today. */
export type QuestionHit = { question: string; entryId: string; before?: { status: 'answered' | 'unsure' | 'unknown'; entryId?: string } };

type Hits = { curated: QuestionHit[]; eval: QuestionHit[]; members: QuestionHit[] };

/** Plain data only: it crosses from the preview's worker thread. */
export type DraftPreview =
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] }
  | {
      ok: true;
      warnings: Diagnostic[];
      /** The facts and quotes of the draft, as the draft base holds them. */
      entries: Entry[];
      sources: Source[];
      topics: Topic[];
      /** The draft's records as normalised YAML, ready to paste into a knowledge file. */
      yaml: string;
      /** Each draft entry's answer as /ask would give it, over base + draft. */
      shown: Answer[];
      answers: Hits;
    };

/** Questions asked between two turns of the event loop, so other interactions are not held up. */
const ASKS_PER_TURN = 25;
const SECTIONS = { topics: topicSchema, sources: sourceSchema, facts: factSchema, quotes: quoteSchema } as const;

const problem = (message: string): Diagnostic => ({ severity: 'error', file: DRAFT_FILE, line: 1, column: 1, message });

/**
 * The preview of `draft` against the live files `texts`, in this thread. The bot runs it through
 * previewInWorker instead: parsing the whole base and building an engine takes seconds of CPU.
 */
export async function previewDraft(texts: ReadonlyMap<string, string>, draft: string, questions: PreviewQuestions): Promise<DraftPreview> {
  const result = loadKnowledgeFromStrings({ ...Object.fromEntries(texts), [DRAFT_FILE]: draft });
  const ofDraft = (list: readonly Diagnostic[]) => list.filter((d) => d.file === DRAFT_FILE);
  const leftovers = placeholdersLeft(draft);
  // The live files are valid on their own, so every error is the draft's; one reported on a live
  // file (a clash the check pins on the older record) is shown too, with its file.
  if (!result.ok || leftovers.length > 0) {
    const errors = [...(result.ok ? [] : result.errors), ...leftovers].sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors, warnings: ofDraft(result.warnings) };
  }

  const records = draftRecords(draft);
  if (records.count === 0)
    return {
      ok: false,
      errors: [problem('the draft holds no records: start it with facts:, quotes:, sources: or topics:, as in a knowledge file')],
      warnings: [],
    };
  const base = result.base;
  const entries = base.entries.filter((e) => e.origin.file === DRAFT_FILE);
  const sources = records.ids.sources.map((id) => base.sources.get(id)!).filter(Boolean);
  const topics = records.ids.topics.map((id) => base.topics.get(id)!).filter(Boolean);
  const engine = createEngine(base);
  const shown = entries.map((e) => engine.answerFor(e.id, e.questions?.[0] ?? entryLabel(e))).filter((a): a is Answer => a !== undefined);

  const draftIds = new Set(entries.map((e) => e.id));
  const curated = [...new Set(base.entries.flatMap((e) => e.questions ?? []))];
  const answers = {
    curated: await hits(curated, engine, draftIds),
    eval: await hits(questions.eval, engine, draftIds),
    members: await hits(questions.members, engine, draftIds),
  };
  return { ok: true, warnings: ofDraft(result.warnings), entries, sources, topics, yaml: normalisedYaml(entries, sources, topics), shown, answers };
}

/** What each question gets today, from the live engine: only the few the draft would answer are asked. */
export function withBefore(preview: DraftPreview, live: AnswerEngine): DraftPreview {
  if (!preview.ok) return preview;
  const before = (hit: QuestionHit): QuestionHit => {
    const answer = live.ask(hit.question, { limit: 3 });
    return { ...hit, before: { status: answer.status, ...(answer.results[0] ? { entryId: answer.results[0].entry.id } : {}) } };
  };
  const { curated, eval: tuning, members } = preview.answers;
  return { ...preview, answers: { curated: curated.map(before), eval: tuning.map(before), members: members.map(before) } };
}

/** Limits of one preview in its worker: far above what a 4,000-character draft over the shipped base needs. */
export const PREVIEW_LIMITS = { timeoutMs: 30_000, memoryMb: 512 } as const;

export type PreviewRequest = { texts: ReadonlyMap<string, string>; draft: string; questions: PreviewQuestions };

/**
 * previewDraft in a worker thread, then `before` from the live engine: the caller's event loop stays
 * free (the bot keeps answering members). A failure of the worker is a refusal naming the reason.
 */
export function previewInWorker(request: PreviewRequest, live: AnswerEngine, limits = PREVIEW_LIMITS): Promise<DraftPreview> {
  return new Promise((resolve) => {
    const worker = new Worker(TS_WORKER.bootstrap, {
      eval: true,
      workerData: { entry: new URL('./draft-preview-worker.ts', import.meta.url).href, tsx: TS_WORKER.tsx, request },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    const finish = (preview: DraftPreview) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      resolve(preview.ok ? withBefore(preview, live) : preview);
    };
    const refuse = (message: string) => finish({ ok: false, errors: [problem(message)], warnings: [] });
    worker.on('message', (preview: DraftPreview) => finish(preview));
    worker.on('error', (error: Error & { code?: string }) =>
      refuse(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'the draft needs more memory to check than Hotline allows: preview fewer records at a time'
          : `the preview could not be built: ${error.message}`,
      ),
    );
    worker.on('exit', (code) => refuse(`the preview stopped unexpectedly (exit code ${code})`));
    const timer = setTimeout(() => refuse(`the preview took more than ${limits.timeoutMs / 1000} s: preview fewer records at a time`), limits.timeoutMs);
  });
}

/** Skeleton text still in the draft (see PLACEHOLDERS), at its line and column. */
function placeholdersLeft(draft: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  draft.split('\n').forEach((line, i) => {
    for (const placeholder of Object.values(PLACEHOLDERS)) {
      const at = line.indexOf(placeholder);
      if (at !== -1 && !line.trimStart().startsWith('#')) {
        found.push({
          ...problem(
            `still holds the skeleton's placeholder "${placeholder}": replace it with the real ${placeholder === PLACEHOLDERS.source ? 'source id' : 'text'}`,
          ),
          line: i + 1,
          column: at + 1,
        });
      }
    }
  });
  return found;
}

async function hits(questions: readonly string[], draft: AnswerEngine, draftIds: ReadonlySet<string>): Promise<QuestionHit[]> {
  const found: QuestionHit[] = [];
  for (let i = 0; i < questions.length; i++) {
    if (i > 0 && i % ASKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const question = questions[i]!;
    const answer = draft.ask(question, { limit: 3 });
    const top = answer.results[0]?.entry.id;
    if (answer.status === 'answered' && top !== undefined && draftIds.has(top)) found.push({ question, entryId: top });
  }
  return found;
}

/** Ids per section of the draft, in the draft's order (the draft is valid YAML by now). */
function draftRecords(draft: string): { count: number; ids: Record<keyof typeof SECTIONS, string[]> } {
  const data = (parseKnowledgeText(DRAFT_FILE, draft).parsed?.data ?? {}) as Record<string, unknown>;
  const ids = { topics: [] as string[], sources: [] as string[], facts: [] as string[], quotes: [] as string[] };
  for (const section of Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>) {
    const list = data[section];
    if (Array.isArray(list)) ids[section] = list.map((r) => String((r as { id?: unknown })?.id ?? ''));
  }
  return { count: Object.values(ids).reduce((n, list) => n + list.length, 0), ids };
}

/** Fields in the schema's order, without what the loader adds (kind, origin). */
function ordered(record: object, schema: { shape: object }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function normalisedYaml(entries: readonly Entry[], sources: readonly Source[], topics: readonly Topic[]): string {
  const doc: Record<string, unknown[]> = {};
  if (topics.length) doc.topics = topics.map((t) => ordered(t, topicSchema));
  if (sources.length) doc.sources = sources.map((s) => ordered(s, sourceSchema));
  const facts = entries.filter((e) => e.kind === 'fact');
  const quotes = entries.filter((e) => e.kind === 'quote');
  if (facts.length) doc.facts = facts.map((f) => ordered(f, factSchema));
  if (quotes.length) doc.quotes = quotes.map((q) => ordered(q, quoteSchema));
  const header =
    '# yaml-language-server: $schema=../schema.json\n# Checked with /kb preview; add these records to a file under knowledge/ (or to the sections of an existing one).\n';
  return header + stringify(doc, { lineWidth: 0 });
}
