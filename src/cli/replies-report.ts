import { createEngine } from '../answer/engine';
import type { Answer } from '../answer/model';
import { percentile } from '../bench/measure';
import { splitsIn } from '../eval/run';
import type { Split } from '../eval/questions';
import { resolveQuestion } from '../bot/answering';
import { embedLength } from '../bot/discord-text';
import { renderAnswer, type Reply } from '../bot/render';
import { loadEvalInputs } from './eval-inputs';
import { runMain } from './run-main';

// `npm run replies:report`: how long the first page of an /ask reply is, and how much of it is the
// answer, over the eval questions (tests/eval: every split, questions used as inputs only). Each
// question goes the way the bot takes it (resolveQuestion → renderAnswer, first page). Figures are
// aggregates only: no question of any split is printed, so held-out and blind stay unread.
//
// Measured:
// - page: the characters Discord counts toward a message (content + every embed's title,
//   description, field names and values, footer), i.e. what the member reads on the first page;
// - buttons: the characters of the button labels, shown apart (they are read too);
// - answer share (answered replies only): the top entry's own words — its date, its text and its
//   citation markers — over the page, a definition that does not depend on the renderer.

type Sample = { split: Split; status: Answer['status']; page: number; visible: number; buttons: number; answer?: number };

function pageLength(reply: Reply): number {
  return (reply.content?.length ?? 0) + reply.embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

/** What a member reads: the page less the addresses behind its links (Discord shows a link as its text). */
function visibleLength(reply: Reply): number {
  const text = [reply.content ?? '', ...reply.embeds.map((e) => JSON.stringify(e))].join('');
  const hidden = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].reduce((sum, m) => sum + m[1]!.length + 2, 0);
  return pageLength(reply) - hidden;
}

function buttonLength(reply: Reply): number {
  let total = 0;
  for (const row of reply.components) for (const c of row.components as Array<{ label?: string }>) total += c.label?.length ?? 0;
  return total;
}

function answerLength(answer: Answer): number | undefined {
  const top = answer.results[0];
  if (answer.status !== 'answered' || !top) return undefined;
  const entry = top.entry;
  const date = entry.kind === 'fact' && entry.end_date && entry.date ? `${entry.date} – ${entry.end_date}` : (entry.date ?? '');
  const marks = top.citations.map((n) => `[${n}]`).join('');
  return date.length + entry.text.trim().length + marks.length;
}

function distribution(values: readonly number[]): string {
  if (values.length === 0) return 'n=0';
  const sorted = [...values].sort((a, b) => a - b);
  return `n=${String(sorted.length).padStart(4)}  median ${String(percentile(sorted, 50)).padStart(5)}  p90 ${String(percentile(sorted, 90)).padStart(5)}  max ${String(sorted.at(-1)).padStart(5)}`;
}

function shareLine(samples: readonly Sample[]): string {
  const shares = samples.filter((s) => s.answer !== undefined).map((s) => s.answer! / s.page);
  if (shares.length === 0) return 'n=0';
  const sorted = shares.sort((a, b) => a - b);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `median ${pct(percentile(sorted, 50))}  p10 ${pct(percentile(sorted, 10))}`;
}

function print(label: string, samples: readonly Sample[]): void {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const answered = samples.filter((s) => s.status === 'answered');
  const under = answered.filter((s) => s.page < 1000).length;
  line(`\n== ${label} (${samples.length} questions) ==`);
  line(`  first page, all replies       ${distribution(samples.map((s) => s.page))}`);
  line(`  first page, answered          ${distribution(answered.map((s) => s.page))}`);
  line(`  first page, unsure            ${distribution(samples.filter((s) => s.status === 'unsure').map((s) => s.page))}`);
  line(`  first page, unknown           ${distribution(samples.filter((s) => s.status === 'unknown').map((s) => s.page))}`);
  line(`  button labels, answered       ${distribution(answered.map((s) => s.buttons))}`);
  line(`  answer's share, answered      ${shareLine(answered)}`);
  line(`  answered pages under 1,000    ${answered.length ? `${under} of ${answered.length} (${Math.round((100 * under) / answered.length)}%)` : '-'}`);
  // Long entries stay whole, so a page over 1,000 is expected when the answer's own words are long.
  const over = answered.filter((s) => s.page >= 1000);
  const longAnswer = over.filter((s) => (s.answer ?? 0) >= LONG_ANSWER).length;
  line(
    `  of those over 1,000           ${over.length}; the answer's own words ${LONG_ANSWER}+ characters in ${longAnswer}; over 1,000 as read (links as their text) in ${over.filter((s) => s.visible >= 1000).length}`,
  );
}

/** An answer this long (its date, words and marks) cannot share a 1,000-character page with its sources. */
const LONG_ANSWER = 500;

async function main(): Promise<number> {
  const inputs = await loadEvalInputs();
  if (!inputs) return 1;
  const { knowledgeDir, questionsDir, questions } = inputs;
  const engine = createEngine(inputs.base);
  const ctx = { engine };
  const samples: Sample[] = [...questions.answerable, ...questions.outOfScope].map(({ q, split }) => {
    const answer = resolveQuestion(ctx, q);
    const reply = renderAnswer(answer, { key: 'report00' });
    return { split, status: answer.status, page: pageLength(reply), visible: visibleLength(reply), buttons: buttonLength(reply), answer: answerLength(answer) };
  });
  process.stdout.write(`replies report on ${knowledgeDir} (${inputs.base.entries.length} entries) over ${questionsDir}: first page of the /ask reply\n`);
  print('all splits', samples);
  for (const split of splitsIn(questions))
    print(
      split,
      samples.filter((s) => s.split === split),
    );
  return 0;
}

runMain('replies:report', main);
