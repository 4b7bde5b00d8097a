import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CALIBRATED, type Decision } from '../answer/answerability';
import { createEngine } from '../answer/engine';
import { FEATURES, fitLogistic, probability, type ScorerWeights } from '../answer/scorer';
import { readEvalQuestions } from '../eval/run';
import { formatDiagnostic } from '../knowledge/format';
import { loadKnowledge } from '../knowledge/load';
import { runMain } from './run-main';

// `npm run eval:fit`: fits the calibrated score (src/answer/scorer.ts) on the tune and dev splits ONLY, prints
// its 5-fold cross-validated figures next to the coverage bands alone, and writes src/answer/scorer-weights.json.
// `--dry` prints without writing. Held-out and blind questions are never read here.

const WEIGHTS_FILE = path.join(import.meta.dirname, '..', 'answer', 'scorer-weights.json');
const FOLDS = 5;
const OOS_WEIGHT = Number(process.env.FIT_OOS ?? 0.5);
const REFUSED_WEIGHT = Number(process.env.FIT_REFUSED ?? 0.25);
const PROMOTE = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.1];
const DEMOTE = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

/** One tune/dev question as the bands left it: only those no named check refused can be moved by the score. */
type Sample = { x: number[]; band: Decision['status']; answerable: boolean; right: boolean; movable: boolean };

type Figures = { top1: number; refused: number; declined: number; nA: number; nO: number };

function figures(samples: readonly Sample[], status: (s: Sample) => Decision['status']): Figures {
  let right = 0,
    refused = 0,
    declined = 0,
    nA = 0,
    nO = 0;
  for (const s of samples) {
    const st = status(s);
    if (s.answerable) {
      nA++;
      if (st === 'answered' && s.right) right++;
      if (st !== 'answered') refused++;
    } else {
      nO++;
      if (st !== 'answered') declined++;
    }
  }
  return { top1: right / Math.max(1, nA), refused: refused / Math.max(1, nA), declined: declined / Math.max(1, nO), nA, nO };
}

const apply = (s: Sample, p: number, promote: number, demote: number): Decision['status'] => {
  if (!s.movable) return s.band;
  if (s.band === 'unsure' && p >= promote) return 'answered';
  if (s.band === 'answered' && p < demote) return 'unsure';
  return s.band;
};

/** What the thresholds are chosen for: right answers first, each out-of-scope answer weighed as its split's share. */
function utility(f: Figures): number {
  return f.top1 * f.nA - (1 - f.declined) * f.nO * (f.nA / Math.max(1, f.nO)) * OOS_WEIGHT - f.refused * f.nA * REFUSED_WEIGHT;
}

function choose(samples: readonly Sample[], w: Omit<ScorerWeights, 'promote' | 'demote'>): { promote: number; demote: number } {
  const ps = samples.map((s) => probability({ ...w, promote: 1, demote: 0 }, s.x));
  let best = { promote: 1.1, demote: 0, u: -Infinity };
  for (const promote of PROMOTE) {
    for (const demote of DEMOTE) {
      const u = utility(figures(samples, (s) => apply(s, ps[samples.indexOf(s)]!, promote, demote)));
      if (u > best.u + 1e-9) best = { promote, demote, u };
    }
  }
  return { promote: best.promote, demote: best.demote };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (label: string, f: Figures) =>
  `  ${label.padEnd(22)} right first ${pct(f.top1).padStart(6)}   refused ${pct(f.refused).padStart(6)}   out-of-scope declined ${pct(f.declined).padStart(6)}`;

async function main(): Promise<number> {
  const dry = process.argv.includes('--dry');
  const knowledgeDir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const loaded = await loadKnowledge(knowledgeDir);
  if (!loaded.ok) {
    for (const d of loaded.errors) process.stderr.write(`${formatDiagnostic(d, knowledgeDir)}\n`);
    return 1;
  }
  const questions = await readEvalQuestions(process.env.EVAL_DIR || 'tests/eval');
  if (!questions) return 1;
  const open = (split: string) => split === 'tune' || split === 'dev';
  // The bands alone decide here: the score is what is being fitted.
  const engine = createEngine(loaded.base, { disable: [CALIBRATED] });
  const samples: Sample[] = [];
  const read = (q: string, ids: readonly string[] | undefined) => {
    let d: Decision | undefined;
    const answer = engine.ask(q, { limit: 3, trace: (x) => (d = x) });
    if (!d?.features) {
      // An exact curated question, an id, a speaker or a year: answered without the decision, and left as it is.
      const top = answer.results[0]?.entry.id ?? '';
      samples.push({
        x: new Array(FEATURES.length).fill(0),
        band: answer.status,
        answerable: ids !== undefined,
        right: ids !== undefined && ids.includes(top),
        movable: false,
      });
      return;
    }
    const movable = d.demotedBy.every((n) => n === 'score') && d.status !== 'unknown';
    const band = d.status;
    samples.push({ x: d.features, band, answerable: ids !== undefined, right: ids !== undefined && ids.includes(d.top ?? ''), movable });
  };
  for (const q of questions.answerable) if (open(q.split)) read(q.q, q.ids);
  for (const q of questions.outOfScope) if (open(q.split)) read(q.q, undefined);

  // Folds by position after a fixed shuffle, so the figures are the same on every run.
  const order = samples.map((_, i) => i).sort((a, b) => ((a * 2654435761) % 1000) - ((b * 2654435761) % 1000) || a - b);
  const fold = new Array<number>(samples.length);
  order.forEach((i, k) => (fold[i] = k % FOLDS));
  const cvStatus = new Array<Decision['status']>(samples.length);
  for (let f = 0; f < FOLDS; f++) {
    const train = samples.filter((_, i) => fold[i] !== f);
    const fitSet = train.filter((s) => s.movable);
    const w = fitLogistic(
      fitSet.map((s) => s.x),
      fitSet.map((s) => (s.answerable && s.right ? 1 : 0)),
    );
    const t = choose(train, w);
    samples.forEach((s, i) => {
      if (fold[i] === f) cvStatus[i] = apply(s, probability({ ...w, ...t }, s.x), t.promote, t.demote);
    });
  }
  const bands = figures(samples, (s) => s.band);
  const cv = figures(samples, (s) => cvStatus[samples.indexOf(s)]!);

  const movable = samples.filter((s) => s.movable);
  const w = fitLogistic(
    movable.map((s) => s.x),
    movable.map((s) => (s.answerable && s.right ? 1 : 0)),
  );
  // The score acts only if it beat the bands on questions it was not fitted on; otherwise it is written inactive.
  const earns = utility(cv) > utility(bands) + 1e-9;
  const t = earns ? choose(samples, w) : { promote: 1.1, demote: 0 };
  const all = figures(samples, (s) => apply(s, probability({ ...w, ...t }, s.x), t.promote, t.demote));
  const out = process.stdout;
  out.write(`calibrated score: logistic regression over ${FEATURES.join(', ')}\n`);
  out.write(`fitted on tune + dev: ${bands.nA} answerable, ${bands.nO} out-of-scope (${movable.length} questions no named check refused)\n`);
  out.write(`${line('bands alone', bands)}\n${line(`${FOLDS}-fold cross-validated`, cv)}\n${line('fitted on all (in-sample)', all)}\n`);
  out.write(
    earns
      ? `thresholds: promote a hedge at p ≥ ${t.promote}, demote an answer at p < ${t.demote}\n`
      : 'the score does not beat the bands under cross-validation: written inactive (it never promotes or demotes)\n',
  );
  out.write(`weights: ${FEATURES.map((f, i) => `${f} ${w.weights[i]}`).join(', ')}, bias ${w.bias}\n`);
  if (!dry) {
    const fit = {
      splits: ['tune', 'dev'],
      active: earns,
      cv: { top1: +cv.top1.toFixed(4), refused: +cv.refused.toFixed(4), declined: +cv.declined.toFixed(4) },
      bands: { top1: +bands.top1.toFixed(4), refused: +bands.refused.toFixed(4), declined: +bands.declined.toFixed(4) },
    };
    await writeFile(WEIGHTS_FILE, `${JSON.stringify({ ...w, ...t, fit }, null, 2)}\n`);
    out.write(`wrote ${path.relative(process.cwd(), WEIGHTS_FILE)}\n`);
  }
  return 0;
}

runMain('eval:fit', main);
