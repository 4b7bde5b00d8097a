import type { Answer, AnswerResult } from '../answer/model';

// The JSON contract of `npm run ask -- --json` (issue 3). Other tools parse it: keep field names,
// order and meaning stable; add nothing without a reason.

export type JsonSource = { id: string; title: string; publisher: string; url?: string; published?: string };
export type JsonResult = {
  id: string;
  kind: 'fact' | 'quote';
  text: string;
  speaker?: string;
  date?: string;
  /** Fact only: the id (in `sources`) of the outlet whose report the text gives; not stated as established fact. */
  reported_by?: string;
  /** Quote only: the id (in `sources`) of the outlet the words are known from; not verified words. */
  quoted_in?: string;
  /** 0..1, higher is better. */
  score: number;
  sources: JsonSource[];
};
/**
 * `declined` (optional): why the question was not answered, when that is more than "not in the base"
 * (src/answer/model.ts: Declined). `record` (optional, with declined opinion/prediction only): the entry that
 * bears on the question, shown as what the record shows, never as the answer (status stays "unknown").
 */
export type JsonAnswer = { question: string; status: Answer['status']; results: JsonResult[]; declined?: Answer['declined']; record?: JsonResult };

export function toJsonAnswer(answer: Answer): JsonAnswer {
  const byNumber = new Map(answer.citations.map((c) => [c.n, c]));
  const toResult = (r: AnswerResult): JsonResult => {
    const e = r.entry;
    const sources = r.citations.flatMap((n) => {
      const c = byNumber.get(n);
      if (!c) return [];
      return [{ id: c.id, title: c.title, publisher: c.publisher, ...(c.url ? { url: c.url } : {}), ...(c.published ? { published: c.published } : {}) }];
    });
    const out: JsonResult = {
      id: e.id,
      kind: e.kind,
      text: e.text,
      ...(e.kind === 'quote' ? { speaker: e.speaker } : {}),
      ...(e.date ? { date: e.date } : {}),
      ...(e.kind === 'fact' && e.reported_by ? { reported_by: e.reported_by } : {}),
      ...(e.kind === 'quote' && e.quoted_in ? { quoted_in: e.quoted_in } : {}),
      score: Math.max(0, Math.min(1, Number.isFinite(r.score) ? r.score : 0)),
      sources,
    };
    return out;
  };
  return {
    question: answer.question,
    status: answer.status,
    results: answer.status === 'unknown' ? [] : answer.results.map(toResult),
    ...(answer.declined ? { declined: answer.declined } : {}),
    ...(answer.record ? { record: toResult(answer.record) } : {}),
  };
}

/** One line of JSON Lines: JSON.stringify never emits a raw newline, so one answer is one line. */
export function renderJson(answer: Answer): string {
  return JSON.stringify(toJsonAnswer(answer));
}
