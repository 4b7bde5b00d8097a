import type { Intent } from '../search/query';
import type { HitEvidence, Shape } from './evidence';
import type { AnswerStatus } from './model';
import type { QuestionKind } from './question-kind';
import { featuresOf, probability, SCORER, type ScorerWeights } from './scorer';

// The answer decision, on its own: (what the question is, the evidence about its best hit) → answered,
// unsure or unknown. A score (coverage and lead) proposes; named checks, each reading one kind of evidence,
// may only demote. Every demotion names its check, so the eval can say which check refused which question,
// and any check can be switched off by name (EngineOptions.disable) to measure what it is worth.

/** What the decision knows about the question itself. */
export type QuestionRead = {
  kind: QuestionKind;
  intent: Intent;
  /** A keyword query with a word the base never uses (and no typo of one). */
  unknownKeyword: boolean;
  /** The share of the question's concepts no entry holds (a feature of the calibrated score). */
  unknownShare: number;
  /** Named things of the question the base does not know at all (no entry involves them). */
  unknownNames: readonly string[];
  /** "What did X say": X, and whether the base holds any quote by X (without one, only a fact reporting X's words answers). */
  speaker?: { name: string; quoted: boolean };
  /** A forecast asking only whether an event goes on or takes place ("will the talks continue next year"). */
  goesOn?: boolean;
};

export type Check = {
  name: string;
  /** Why the check exists, in a maintainer's words. */
  why: string;
  /** Whether the check has anything to say about this question. */
  applies(q: QuestionRead): boolean;
  /** Whether the hit survives it. */
  passes(e: HitEvidence, q: QuestionRead): boolean;
  /** What a hit that fails becomes: unsure (offered as "did you mean") or unknown (not offered at all). */
  demotesTo: 'unsure' | 'unknown';
  /**
   * The check asks whether the hit holds the one thing the question is after: the person a "who" question asks for
   * (who did the act asked about, or who X is), or the question's focus (`required`: "what route did the cable take"
   * met by a sibling about the radio backup), or a shape only some siblings state (`clock`: a time of day). A best hit failing only such checks, with the score letting it through,
   * is about the right thing but says nothing of what is asked, and gives way to one of the next hits that passes
   * every check (see `givesWay`). Checks on a pair of countries, a quantity do not: a runner-up holding
   * them was as often wrong as right (leave-one-out; out-of-scope "how many" questions were answered). `cause-stated`
   * gives way only to a runner-up that states a cause in its own words (`yieldsTo`).
   */
  givesWay?: true;
  /** What a runner-up must also hold to take the place of a best hit this check refused (a check that gives way only so far). */
  yieldsTo?: (e: HitEvidence) => boolean;
};

/** How closely (idf-weighted F1) a curated question must match a "who is X" question to stand for a "who" one (0.6–0.7 measured the same). */
const SAME_QUESTION = 0.7;

const needs = (shape: Shape) => (e: HitEvidence) => e.shapes.has(shape);

/** The checks, in the order they are reported. Names are stable: options, tests and the eval use them. */
export const CHECKS = [
  {
    name: 'opinion',
    why: 'Hotline gives sourced facts, not judgements: "was X a mistake", "should the U.S. trust…" are never answered.',
    applies: (q) => q.kind === 'opinion',
    passes: () => false,
    demotesTo: 'unknown',
  },
  {
    name: 'prediction',
    why: 'The record holds what happened, not what will: "will … next year", "in 2030" are never answered.',
    applies: (q) => q.kind === 'prediction',
    // "Will the navy talks continue next year": whether a round goes on is what an entry stating its plan tells.
    passes: (e, q) => q.goesOn === true && e.shapes.has('plan'),
    demotesTo: 'unknown',
  },
  {
    name: 'task',
    why: 'A request for advice, a procedure or writing ("how do I…", "write me…"), or small talk: the base holds facts and quotes.',
    applies: (q) => q.kind === 'advice' || q.kind === 'chat',
    passes: () => false,
    demotesTo: 'unknown',
  },
  {
    name: 'speaker',
    why: '"What did X say" with no quote by X in the base: another speaker\'s words are not an answer.',
    applies: (q) => q.speaker !== undefined,
    passes: (e) => e.bySpeaker !== false,
    demotesTo: 'unknown',
  },
  {
    name: 'role-speaker',
    why: '"What did the Chinese ambassador say": an entry must name a speaker of that country in that role (the U.S. ambassador to China is not one); "who led the PLA side": a fact naming only the U.S. delegation is of the other side.',
    applies: () => true,
    passes: (e) => e.roleSpeaker,
    demotesTo: 'unsure',
  },
  {
    name: 'unknown-names',
    why: 'A country, force, system or person the base never mentions: whatever else matches is about something else.',
    applies: (q) => q.unknownNames.length > 0,
    passes: () => false,
    demotesTo: 'unknown',
  },
  {
    name: 'named-things',
    why: 'Every country and named thing of the question must be involved by the answer ("the U.S. and Vietnam" is not answered by a U.S.–China fact).',
    applies: () => true,
    passes: (e) => e.lacks.length === 0,
    demotesTo: 'unsure',
  },
  {
    name: 'required',
    why: 'The thing asked about (the focus, "how many X"\'s X) and every country named must be matched.',
    applies: () => true,
    passes: (e) => e.hasRequired,
    demotesTo: 'unsure',
    givesWay: true,
  },
  {
    name: 'cause',
    why: '"Why did X…" is not answered by an entry that names X only as the setting of something else ("after X, …", "in response to X").',
    applies: () => true,
    passes: (e) => !e.causeAside,
    demotesTo: 'unsure',
  },
  {
    name: 'cause-stated',
    why: '"Why was X…" is not answered by an entry that states X and no cause: no causal word, and no curated "why" question about X.',
    applies: () => true,
    passes: (e) => e.causeStated,
    demotesTo: 'unsure',
    // "Why does beijing turn the talks on and off": a best hit telling one refusal, no cause, gives way to a sibling whose
    // own words state the cause ("as a tool to reward or punish"). Not to one let through only as a quote or by a curated
    // question: a statement that the line was suspended, or the cause of a neighbouring event, is no cause of this one.
    givesWay: true,
    yieldsTo: (e) => e.causeWorded,
  },
  {
    name: 'year',
    why: '"Who led the delegation in 2025" is not answered by an entry about 2024: a dated entry must name every year the question names.',
    applies: () => true,
    passes: (e) => e.years,
    demotesTo: 'unsure',
  },
  {
    name: 'person',
    why: 'A "who" question needs an answer that names a person.',
    applies: (q) => q.intent.who,
    passes: needs('person'),
    demotesTo: 'unsure',
  },
  {
    name: 'who-verb',
    why: '"Who replaced X": an entry that never uses the verb only shares the names.',
    applies: (q) => q.intent.whoVerb !== undefined,
    passes: (e) => e.whoVerb,
    demotesTo: 'unsure',
    givesWay: true,
  },
  {
    name: 'identity',
    why: '"Who is X" is answered by an entry with a curated "who" question about X (or one much like the question), not one naming X in passing.',
    applies: (q) => q.intent.identity,
    // Or a curated question that asks much the same thing in other words ("who is X, like what's his background"
    // ↔ "X background and career").
    // Or, for a person the base names in full, an entry whose text names them in full: it says who they are or what
    // they did, which is what the question asks (a curated "who is" question is not the only way to know it).
    passes: (e) => e.askedAlike || !e.curated || e.questionMatch >= SAME_QUESTION || e.namesAskedPerson,
    demotesTo: 'unsure',
    givesWay: true,
  },
  {
    name: 'capitals',
    why: 'A capital standing for its country ("pyongyang") must be named by the answer, or its country must.',
    applies: () => true,
    passes: (e) => e.capitals,
    demotesTo: 'unsure',
  },
  {
    name: 'pair',
    why: '"Between A and B" is answered only by an entry filed under a topic between A and B.',
    applies: () => true,
    passes: (e) => e.pair,
    demotesTo: 'unsure',
  },
  {
    name: 'owner',
    why: '"The president of South Korea": the office and the country must stand close together in the answer.',
    applies: (q) => q.intent.focusOwner !== undefined,
    passes: (e) => e.owner,
    demotesTo: 'unsure',
  },
  {
    name: 'keywords',
    why: 'Keywords all name the subject: one the base never uses means the subject is not covered.',
    applies: (q) => q.unknownKeyword,
    passes: () => false,
    demotesTo: 'unsure',
  },
  {
    name: 'quantity',
    why: '"How many", "how far": an entry that states no quantity (dates aside) does not answer it.',
    applies: (q) => q.intent.countOf !== undefined || q.intent.measure,
    passes: needs('number'),
    demotesTo: 'unsure',
  },
  {
    name: 'count-near',
    why: '"How many warships": when the entry names warships, a number must stand close to them.',
    applies: (q) => q.intent.countOf !== undefined,
    passes: (e) => e.countNear,
    demotesTo: 'unsure',
  },
  {
    name: 'duration',
    why: '"How long did X last" needs a length of time ("about 75 minutes", "until 2018"): a date alone does not say.',
    applies: (q) => q.intent.duration,
    passes: needs('duration'),
    demotesTo: 'unsure',
  },
  {
    name: 'age',
    why: '"How old is X" needs an age or a birth.',
    applies: (q) => q.intent.age,
    passes: needs('age'),
    demotesTo: 'unsure',
  },
  {
    name: 'plan',
    why: '"When is the next X": an entry about a past one does not say.',
    applies: (q) => q.intent.upcoming,
    passes: needs('plan'),
    demotesTo: 'unsure',
  },
  {
    name: 'clock',
    why: '"What time did X…", "what day of the week": a date alone does not say; the entry must state a time of day or a weekday.',
    applies: (q) => q.intent.clock !== undefined,
    passes: (e, q) => e.shapes.has(q.intent.clock!),
    demotesTo: 'unsure',
    givesWay: true,
  },
  {
    name: 'comparison',
    why: '"Which rank is higher", "is the PLA navy bigger than the U.S. navy": only an entry that itself states a comparison ("larger than", "compared with") answers it; one describing a side does not.',
    applies: (q) => q.intent.compare,
    passes: needs('comparison'),
    demotesTo: 'unsure',
  },
  {
    name: 'money',
    why: '"How much does X cost" needs a sum of money.',
    applies: (q) => q.intent.money,
    passes: needs('money'),
    demotesTo: 'unsure',
  },
] as const satisfies readonly Check[];

export type CheckName = (typeof CHECKS)[number]['name'];
export const CHECK_NAMES: readonly CheckName[] = CHECKS.map((c) => c.name);

/** The score's part: coverage bands, and the lead over the runner-up that lets a clear winner through. */
export type Thresholds = {
  /** Coverage at or above which the best entry may be the answer. */
  answer: number;
  /** Coverage at or above which close entries are offered as "did you mean". */
  unsure: number;
};
export const THRESHOLDS: Thresholds = { answer: 0.34, unsure: 0.22 };

/** How many times the runner-up's score a hit matching every informative word must reach to be promoted. */
const DOMINANCE = 2;
/** A hit matching this many of the question's concepts and this far ahead is promoted whatever it misses. */
const LONG_MATCHED = 4;
const LONG_DOMINANCE = 2.5;

/** The score's verdict on a hit, before the checks. */
export function scoreVerdict(e: HitEvidence): AnswerStatus {
  if (e.coverage >= THRESHOLDS.answer && e.matched >= Math.min(2, e.concepts)) return 'answered';
  if (e.coverage < THRESHOLDS.unsure) return 'unknown';
  // A long question has many words no entry holds; one that matches several of its things and is far ahead is what it asks about.
  if (e.matched >= 2 && e.matched >= LONG_MATCHED && e.lead >= LONG_DOMINANCE) return 'answered';
  // Otherwise the missed words must be ones the base never uses or common ones, not a subject the entry is silent about.
  if (e.matched >= 2 && e.lead >= DOMINANCE && e.matchesInformative) return 'answered';
  return 'unsure';
}

/** The calibrated score's name, for EngineOptions.disable and the eval's "demoted by". */
export const CALIBRATED = 'calibrated';

export type Decision = {
  status: AnswerStatus;
  /** What took the answer down from "answered": 'score' (the bands), 'calibrated', and/or the names of the checks that failed. */
  demotedBy: Array<CheckName | 'score' | typeof CALIBRATED>;
  /** The best hit's features and calibrated probability, when there was a hit (what eval:fit learns from). */
  features?: number[];
  p?: number;
  /** The best hit's entry id. */
  top?: string;
};

const RANK: Record<AnswerStatus, number> = { answered: 2, unsure: 1, unknown: 0 };
const lower = (a: AnswerStatus, b: AnswerStatus) => (RANK[a] <= RANK[b] ? a : b);

/**
 * Whether a decision that did not answer came only from checks on the one thing asked for (`Check.givesWay`: the
 * person a "who" question asks for, the focus): the score let the hit through, and another hit may hold that thing.
 */
export function givesWay(d: Decision): boolean {
  return d.status !== 'answered' && d.demotedBy.length > 0 && d.demotedBy.every((name) => GIVE_WAY.has(name));
}
const GIVE_WAY: ReadonlySet<string> = new Set((CHECKS as readonly Check[]).filter((c) => c.givesWay).map((c) => c.name));

/** Whether a runner-up that every check lets through may take the place of a best hit refused by `d` (`Check.yieldsTo`). */
export function mayTakePlace(d: Decision, runnerUp: HitEvidence): boolean {
  return (CHECKS as readonly Check[]).every((c) => !c.yieldsTo || !d.demotedBy.includes(c.name as CheckName) || c.yieldsTo(runnerUp));
}

/** The decision on the best hit (undefined: nothing matched). */
export function decide(
  q: QuestionRead,
  best: HitEvidence | undefined,
  disabled: ReadonlySet<string> = new Set(),
  scorer: ScorerWeights | null = SCORER ?? null,
): Decision {
  const demotedBy: Decision['demotedBy'] = [];
  let status: AnswerStatus = best ? scoreVerdict(best) : 'unknown';
  const features = best ? featuresOf(best, q.unknownShare) : undefined;
  const p = features && scorer ? probability(scorer, features) : undefined;
  if (p !== undefined && !disabled.has(CALIBRATED)) {
    if (status === 'unsure' && p >= scorer!.promote) status = 'answered';
    else if (status === 'answered' && p < scorer!.demote) {
      status = 'unsure';
      demotedBy.push(CALIBRATED);
    }
  }
  if (status !== 'answered' && !demotedBy.length) demotedBy.push('score');
  for (const check of CHECKS as readonly Check[]) {
    if (disabled.has(check.name) || !check.applies(q)) continue;
    if (best && check.passes(best, q)) continue;
    // With no hit at all, only the checks that decline outright have anything to add.
    if (!best && check.demotesTo !== 'unknown') continue;
    status = lower(status, check.demotesTo);
    demotedBy.push(check.name as CheckName);
  }
  return { status, demotedBy, ...(features ? { features } : {}), ...(p !== undefined ? { p } : {}), ...(best ? { top: best.entry.id } : {}) };
}
