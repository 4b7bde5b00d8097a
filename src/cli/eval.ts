import { createEngine } from '../answer/engine';
import { GOALS } from '../eval/floors';
import { runEval, splitsIn, type SplitReport } from '../eval/run';
import { SPLITS, type Split } from '../eval/questions';
import { nearCopies } from '../eval/overlap';
import { loadEvalInputs } from './eval-inputs';
import { runMain } from './run-main';

// `npm run eval`: quality figures for every split (tune, dev, held-out, and blind when tests/eval/blind/ holds it),
// and the failures of tune and dev only: held-out and blind failures are never printed, in text or JSON, whatever
// the flags (runEval drops them). `--only tune` (or dev, heldout, blind) prints that split alone.
// `--json` prints the reports as JSON. Exit 0 when the figures were printed, 1 when knowledge or questions could not be read.

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function print(report: SplitReport, heading?: string): void {
  const { answerable: a, outOfScope: o } = report;
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`\n== ${heading ?? report.split}: ${a.n} answerable, ${o.n} out-of-scope ==`);
  // The blind split shows its four figures and nothing else.
  const more = (detail: string) => (report.split === 'blind' ? '' : `   (${detail})`);
  line(`  top-1                         ${pct(a.top1).padStart(6)}   goal ≥ ${pct(GOALS.top1)}  ${mark(a.top1 >= GOALS.top1)}`);
  line(`  recall@3                      ${pct(a.recall3).padStart(6)}   goal ≥ ${pct(GOALS.recall3)}  ${mark(a.recall3 >= GOALS.recall3)}`);
  line(
    `  out-of-scope abstained        ${pct(o.abstained).padStart(6)}   goal ≥ ${pct(GOALS.outOfScopeAbstained)}  ${mark(o.abstained >= GOALS.outOfScopeAbstained)}${more(`unknown only: ${pct(o.abstainedUnknown)}`)}`,
  );
  line(
    `  answerable wrongly refused    ${pct(a.refused).padStart(6)}   goal ≤ ${pct(GOALS.answerableRefusedMax)}   ${mark(a.refused <= GOALS.answerableRefusedMax)}${more(`unknown: ${pct(a.refusedUnknown)}; unsure with the right entry offered: ${pct(a.unsurePartial)}`)}`,
  );
  if (a.failures.length) {
    line(`  answerable failures (${a.failures.length}):`);
    for (const f of a.failures)
      line(
        `    [${f.kind}] ${JSON.stringify(f.q)} → ${f.status} ${f.got.join(', ') || '-'}   expected: ${f.expected.join(' | ')}${f.demotedBy ? `   demoted by: ${f.demotedBy.join(', ')}` : ''}${f.rankedBy ? `   ranked by: ${f.rankedBy.join(', ')}` : ''}`,
      );
  }
  if (o.failures.length) {
    line(`  out-of-scope answered (${o.failures.length}):`);
    for (const f of o.failures) line(`    ${JSON.stringify(f.q)} → ${f.got.join(', ')}`);
  }
  if (report.demotions && Object.keys(report.demotions).length) {
    line('  demoted by (answerable refused / out-of-scope declined; a question may count under several):');
    for (const [name, d] of Object.entries(report.demotions).sort((x, y) => y[1].refused + y[1].declined - x[1].refused - x[1].declined))
      line(`    ${name.padEnd(16)} ${String(d.refused).padStart(4)} / ${String(d.declined).padStart(4)}`);
  }
}

/** What JSON shows of a report: the blind split's four figures only. */
function publicReport(r: SplitReport): unknown {
  if (r.split !== 'blind') return r;
  const { answerable: a, outOfScope: o } = r;
  return { split: r.split, answerable: { n: a.n, top1: a.top1, recall3: a.recall3, refused: a.refused }, outOfScope: { n: o.n, abstained: o.abstained } };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] as Split) : undefined;
  if (only !== undefined && !SPLITS.includes(only)) {
    process.stderr.write(`--only takes one of: ${SPLITS.join(', ')}\n`);
    return 1;
  }
  const json = argv.includes('--json');
  const inputs = await loadEvalInputs();
  if (!inputs) return 1;
  const { knowledgeDir, questions } = inputs;
  const loaded = { base: inputs.base };
  const engine = createEngine(loaded.base);
  const reports = runEval(engine, questions, only ? [only] : splitsIn(questions));
  if (json) process.stdout.write(`${JSON.stringify(reports.map(publicReport), null, 2)}\n`);
  else {
    process.stdout.write(`eval on ${knowledgeDir} (${loaded.base.entries.length} entries, version ${loaded.base.version})\n`);
    process.stdout.write('Counting: top-1/recall@3 count answered questions only; unsure and unknown both count as refused (and as abstained).\n');
    reports.forEach((r) => print(r));
    if (reports.some((r) => r.split === 'heldout')) {
      const copies = nearCopies(
        [...questions.answerable, ...questions.outOfScope].filter((q) => q.split === 'heldout').map((q) => q.q),
        loaded.base,
      );
      const clean = {
        answerable: questions.answerable.filter((q) => !copies.has(q.q)),
        outOfScope: questions.outOfScope.filter((q) => !copies.has(q.q)),
      };
      const [report] = runEval(engine, clean, ['heldout']);
      process.stdout.write(`\n${copies.size} held-out question(s) nearly copy a curated question or keyword of the knowledge base; without them:\n`);
      print(
        { ...report!, answerable: { ...report!.answerable, failures: [] }, outOfScope: { ...report!.outOfScope, failures: [] } },
        'heldout without near-copies',
      );
    }
  }
  return 0;
}

runMain('eval', main);
