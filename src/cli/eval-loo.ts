import { createEngine, type EngineOptions } from '../answer/engine';
import { CHECK_NAMES, CALIBRATED } from '../answer/answerability';
import { formatDiagnostic } from '../knowledge/format';
import { loadKnowledge } from '../knowledge/load';
import { leaveOneOut } from '../eval/leave-one-out';
import { runMain } from './run-main';

// `npm run eval:loo`: the leave-one-out self-check (src/eval/leave-one-out.ts). Every curated question is asked
// with itself hidden from the index; prints how often its entry is answered first, shown in the top three,
// hedged (unsure) or refused (unknown), and what demoted the refused ones. Reads knowledge only (KNOWLEDGE_DIR).
// `--disable a,b` switches answer checks off (EngineOptions.disable) to see what each costs;
// `--failures` lists the refused questions too (they are the moderators' own questions, not eval questions);
// `--wrong` lists the answered ones whose first entry is not the question's own (question → got, expected).

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--disable');
  const disable = (at >= 0 ? (argv[at + 1] ?? '') : '').split(',').filter(Boolean) as NonNullable<EngineOptions['disable']>[number][];
  for (const name of disable)
    if (name !== CALIBRATED && !(CHECK_NAMES as readonly string[]).includes(name)) {
      process.stderr.write(`unknown check "${name}" (known: ${[...CHECK_NAMES, CALIBRATED].join(', ')})\n`);
      return 1;
    }
  const dir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) {
    for (const d of loaded.errors) process.stderr.write(`${formatDiagnostic(d, dir)}\n`);
    return 1;
  }
  const { folds, score, demotions } = leaveOneOut(loaded.base, (base) => createEngine(base, { disable }));
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`leave-one-out on ${dir}: ${score.n} curated questions, ${folds} folds${disable.length ? `, disabled: ${disable.join(', ')}` : ''}`);
  line(`  top-1      ${pct(score.top1).padStart(6)}`);
  line(`  recall@3   ${pct(score.recall3).padStart(6)}`);
  line(`  refused    ${pct(score.refused).padStart(6)}   (unknown ${pct(score.refusedUnknown)}; unsure with the entry offered ${pct(score.unsurePartial)})`);
  line('  demoted by (refused questions; one may count under several):');
  for (const [name, n] of Object.entries(demotions).sort((a, b) => b[1] - a[1])) line(`    ${name.padEnd(16)} ${String(n).padStart(5)}`);
  if (argv.includes('--failures'))
    for (const f of score.failures)
      if (f.kind !== 'wrong-first')
        line(`    [${f.kind}] ${JSON.stringify(f.q)} → ${f.status} ${f.got.join(', ') || '-'}  (${f.expected[0]})  ${f.demotedBy?.join(', ') ?? ''}`);
  if (argv.includes('--wrong'))
    for (const f of score.failures)
      if (f.kind === 'wrong-first')
        line(`    [wrong-first] ${JSON.stringify(f.q)} → ${f.got.join(', ')}  (${f.expected[0]})${f.rankedBy ? `  ranked by: ${f.rankedBy.join(', ')}` : ''}`);
  return 0;
}

runMain('eval:loo', main);
