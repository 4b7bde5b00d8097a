import { describe, expect, it } from 'vitest';
import {
  CALIBRATED,
  CHECK_NAMES,
  CHECKS,
  decide,
  givesWay,
  mayTakePlace,
  scoreVerdict,
  type CheckName,
  type QuestionRead,
} from '../../src/answer/answerability';
import { FEATURES, featuresOf, fitLogistic, probability, type ScorerWeights } from '../../src/answer/scorer';
import { shapesOf, type HitEvidence, type Shape } from '../../src/answer/evidence';
import { readIntent } from '../../src/search/query';
import { tokenize } from '../../src/search/normalize';

const ALL_SHAPES: Shape[] = ['date', 'time', 'weekday', 'person', 'number', 'money', 'age', 'reason', 'plan', 'duration', 'comparison'];

/** Evidence for a hit every check passes: well covered, alone, of every shape. */
function hit(over: Partial<HitEvidence> = {}): HitEvidence {
  return {
    hit: undefined as never,
    entry: { id: 'e' } as never,
    coverage: 0.9,
    matched: 3,
    concepts: 3,
    lead: Infinity,
    hasRequired: true,
    matchesInformative: true,
    shapes: new Set(ALL_SHAPES),
    askedAlike: true,
    curated: true,
    questionMatch: 0.5,
    namesAskedPerson: false,
    whoVerb: true,
    owner: true,
    countNear: true,
    capitals: true,
    pair: true,
    lacks: [],
    causeAside: false,
    causeStated: true,
    causeWorded: true,
    years: true,
    quote: false,
    roleSpeaker: true,
    ...over,
  };
}

function question(q: string, over: Partial<QuestionRead> = {}): QuestionRead {
  return { kind: 'fact', intent: readIntent(tokenize(q), q), unknownKeyword: false, unknownNames: [], unknownShare: 0, ...over };
}

/** For each check: a question and a hit it refuses. With the check off, the same hit is the answer. */
const REFUSED: Record<CheckName, [QuestionRead, HitEvidence]> = {
  opinion: [question('was the reset a mistake', { kind: 'opinion' }), hit()],
  prediction: [question('will china agree next year', { kind: 'prediction' }), hit()],
  task: [question('how do i call the pentagon', { kind: 'advice' }), hit()],
  speaker: [question('what did putin say about the hotline', { speaker: { name: 'putin', quoted: false } }), hit({ quote: true, bySpeaker: false })],
  'role-speaker': [question('what did the chinese ambassador say about the balloon'), hit({ quote: true, roleSpeaker: false })],
  'unknown-names': [question('did the us and vietnam set up a hotline', { unknownNames: ['vietnam'] }), hit()],
  'named-things': [question('did the us and vietnam set up a hotline'), hit({ lacks: ['Vietnam'] })],
  required: [question('what weapons did they agree on'), hit({ hasRequired: false })],
  cause: [question('why did the us hit shayrat airbase'), hit({ causeAside: true })],
  year: [question('who led the delegation in 2025'), hit({ years: false })],
  'cause-stated': [question('why was the hotline routed through london'), hit({ causeStated: false })],
  person: [question('who signed the agreement'), hit({ shapes: new Set<Shape>(['date']) })],
  'who-verb': [question('who replaced kurt campbell'), hit({ whoVerb: false })],
  identity: [question('who is the ambassador'), hit({ askedAlike: false, curated: true })],
  capitals: [question('when was the tokyo moscow hotline set up'), hit({ capitals: false })],
  pair: [question('is there a hotline between china and taiwan'), hit({ pair: false })],
  owner: [question('who is the president of south korea'), hit({ owner: false })],
  keywords: [question('shanghai telephone budget', { unknownKeyword: true }), hit()],
  quantity: [question('how many ships did they send'), hit({ shapes: new Set<Shape>(['date', 'person']) })],
  'count-near': [question('how many warships did the soviets send'), hit({ countNear: false })],
  duration: [question('how long did the meeting last'), hit({ shapes: new Set<Shape>(['date', 'number']) })],
  age: [question('how old is pete hegseth'), hit({ shapes: new Set<Shape>(['person']) })],
  plan: [question('when is the next shangri-la dialogue'), hit({ shapes: new Set<Shape>(['date']) })],
  money: [question('how much does a p-8 cost'), hit({ shapes: new Set<Shape>(['number']) })],
  clock: [question('what time was the hegseth dong call'), hit({ shapes: new Set<Shape>(['date', 'person']) })],
  comparison: [question('which rank is higher, admiral or general'), hit({ shapes: new Set<Shape>(['date', 'person']) })],
};

describe('answerability checks', () => {
  it('has a refusal case for every check, and every check is named once', () => {
    expect(Object.keys(REFUSED).sort()).toEqual([...CHECK_NAMES].sort());
    expect(new Set(CHECK_NAMES).size).toBe(CHECKS.length);
  });
  for (const name of CHECK_NAMES) {
    it(`${name}: refuses its case, and the case is answered with the check off`, () => {
      const [q, e] = REFUSED[name];
      const on = decide(q, e, new Set(), null);
      expect(on.status).not.toBe('answered');
      expect(on.demotedBy).toContain(name);
      const check = CHECKS.find((c) => c.name === name)!;
      expect(on.status).toBe(check.demotesTo);
      const off = decide(q, e, new Set([name]), null);
      expect(off).toMatchObject({ status: 'answered', demotedBy: [] });
    });
  }
  it('identity: passes an entry whose curated question asks much the same thing, "who" or not', () => {
    const q = question("who is dong jun, like what's his background");
    expect(decide(q, hit({ askedAlike: false, questionMatch: 0.75 }), new Set(), null).status).toBe('answered');
    expect(decide(q, hit({ askedAlike: false, questionMatch: 0.4 }), new Set(), null).demotedBy).toContain('identity');
  });
  it('identity: passes an entry whose text names in full the person asked about, curated questions or not', () => {
    const q = question('who is joseph prueher');
    expect(decide(q, hit({ askedAlike: false, questionMatch: 0.2, namesAskedPerson: true }), new Set(), null).status).toBe('answered');
    expect(decide(q, hit({ askedAlike: false, questionMatch: 0.2, namesAskedPerson: false }), new Set(), null).demotedBy).toContain('identity');
  });
  it('gives way to a runner-up only when checks on the person a "who" question asks for, or on its focus, refused it', () => {
    const gives = (name: CheckName) => givesWay(decide(REFUSED[name][0], REFUSED[name][1], new Set(), null));
    for (const name of ['who-verb', 'identity', 'required', 'clock', 'cause-stated'] as const) expect(gives(name), name).toBe(true);
    // A pair of countries, a number, or a question out of scope: another hit was as often wrong.
    for (const name of ['pair', 'person', 'quantity', 'opinion', 'unknown-names', 'keywords'] as const) expect(gives(name), name).toBe(false);
    // Nor when the score already held the hit back.
    expect(givesWay(decide(question('who replaced kurt campbell'), hit({ whoVerb: false, coverage: 0.1 }), new Set(), null))).toBe(false);
    expect(givesWay(decide(question('when was the hotline set up'), hit(), new Set(), null))).toBe(false);
  });
  it('lets a runner-up take the place of a best hit stating no cause only when its own words state one', () => {
    const q = question('why does beijing turn the military talks on and off');
    const refused = decide(q, hit({ causeStated: false }), new Set(), null);
    expect(refused.demotedBy).toEqual(['cause-stated']);
    // "Beijing treats military communication as a tool to reward or punish": the cause, in causal words.
    expect(mayTakePlace(refused, hit({ causeWorded: true }))).toBe(true);
    // A quote ("this channel was suspended in the fall of 2021") passes cause-stated without stating a cause.
    expect(mayTakePlace(refused, hit({ quote: true, causeWorded: false }))).toBe(false);
    // Other checks that give way ask nothing more of the runner-up.
    const whoRefused = decide(question('who replaced kurt campbell'), hit({ whoVerb: false }), new Set(), null);
    expect(mayTakePlace(whoRefused, hit({ causeWorded: false }))).toBe(true);
  });
  it('answers a forecast asking only whether an event goes on with a hit stating its plan', () => {
    const goesOn = question('will the navy talks continue next year', { kind: 'prediction', goesOn: true });
    expect(decide(goesOn, hit(), new Set(), null)).toMatchObject({ status: 'answered', demotedBy: [] });
    expect(decide(goesOn, hit({ shapes: new Set<Shape>(['date']) }), new Set(), null)).toMatchObject({ status: 'unknown', demotedBy: ['prediction'] });
    // What the round will decide is still a forecast, however planned the round is.
    expect(decide(question('will the next round agree on anything', { kind: 'prediction' }), hit(), new Set(), null).status).toBe('unknown');
  });
  it('clock: a weekday asked needs a weekday, a time of day a time; "what time period" asks neither', () => {
    const weekday = question('what day of the week was the hotline memo signed');
    expect(decide(weekday, hit({ shapes: new Set<Shape>(['date', 'time']) }), new Set(), null).demotedBy).toContain('clock');
    expect(decide(weekday, hit({ shapes: new Set<Shape>(['date', 'weekday']) }), new Set(), null).status).toBe('answered');
    expect(decide(question('what time did the guns go quiet'), hit({ shapes: new Set<Shape>(['time']) }), new Set(), null).status).toBe('answered');
    expect(question('what time period does the record cover').intent.clock).toBeUndefined();
    // One of several things asked: an entry answering another is still an answer.
    expect(question('on what days did they talk and what time did the shooting stop').intent.clock).toBeUndefined();
  });
  it('comparison: a comparative with "than", in a "which" question, or "how does A compare"; not "vs", "compared", "longer than", "more than"', () => {
    for (const q of [
      'which rank is higher, admiral or general',
      'is the pla navy bigger than the us navy',
      'how does the pla air force compare to the us air force',
    ])
      expect(question(q).intent.compare, q).toBe(true);
    for (const q of [
      'dong un vs jun spelling',
      'adam smith compared china to the cold war soviets',
      'did the call last longer than an hour',
      'were more than twenty messages sent',
    ])
      expect(question(q).intent.compare, q).toBe(false);
    const entry = (text: string) => shapesOf({ text } as never, false, false).has('comparison');
    expect(entry('The PLA Navy is larger than the U.S. Navy by hull count.')).toBe(true);
    expect(entry('China has the largest navy in the world.')).toBe(true);
    expect(entry('The PLA Navy sent three ships.')).toBe(false);
  });
  it('passes a hit that answers a plain factual question', () => {
    expect(decide(question('when was the hotline set up'), hit(), new Set(), null)).toMatchObject({ status: 'answered', demotedBy: [] });
  });
  it('declines outright without a hit only for the checks that decline (opinion, prediction…)', () => {
    expect(decide(question('was the reset a mistake', { kind: 'opinion' }), undefined, new Set(), null)).toEqual({
      status: 'unknown',
      demotedBy: ['score', 'opinion'],
    });
    expect(decide(question('who signed it'), undefined, new Set(), null)).toEqual({ status: 'unknown', demotedBy: ['score'] });
  });
});

describe('answerability score', () => {
  it('answers on coverage, offers a middle band, and declines below it', () => {
    expect(scoreVerdict(hit({ coverage: 0.5 }))).toBe('answered');
    expect(scoreVerdict(hit({ coverage: 0.3, lead: 1.2 }))).toBe('unsure');
    expect(scoreVerdict(hit({ coverage: 0.1 }))).toBe('unknown');
  });
  it('needs two matched concepts when the question has two or more', () => {
    expect(scoreVerdict(hit({ coverage: 0.6, matched: 1, concepts: 3, lead: 1 }))).toBe('unsure');
  });
  it('lets a hit far ahead of the runner-up through when it matches every informative word', () => {
    expect(scoreVerdict(hit({ coverage: 0.3, matched: 2, lead: 2.5 }))).toBe('answered');
    expect(scoreVerdict(hit({ coverage: 0.3, matched: 2, lead: 1.5 }))).toBe('unsure');
    expect(scoreVerdict(hit({ coverage: 0.3, matched: 2, lead: 2.5, matchesInformative: false }))).toBe('unsure');
    // A long question: four things matched and far ahead is enough, informative words missed or not.
    expect(scoreVerdict(hit({ coverage: 0.3, matched: 4, concepts: 9, lead: 3, matchesInformative: false }))).toBe('answered');
  });
});

describe('calibrated score', () => {
  // A toy fit: right answers have high coverage and a long lead, wrong ones low.
  const right = (i: number) => featuresOf(hit({ coverage: 0.7 + (i % 3) * 0.1, lead: 3 + i }), 0);
  const wrong = (i: number) => featuresOf(hit({ coverage: 0.25 + (i % 3) * 0.05, lead: 1 + i * 0.05, matched: 1 }), 0.5);
  const xs = [...Array.from({ length: 20 }, (_, i) => right(i)), ...Array.from({ length: 20 }, (_, i) => wrong(i))];
  const ys = [...new Array(20).fill(1), ...new Array(20).fill(0)];
  const fitted = fitLogistic(xs, ys);
  const scorer: ScorerWeights = { ...fitted, promote: 0.8, demote: 0.2 };
  it('learns which evidence makes a right answer', () => {
    expect(probability(scorer, right(5))).toBeGreaterThan(0.8);
    expect(probability(scorer, wrong(5))).toBeLessThan(0.2);
    expect(fitted.features).toEqual([...FEATURES]);
  });
  it('lets a confident hedge through and holds back an unlikely answer; off by name, the bands alone decide', () => {
    const hedge = hit({ coverage: 0.3, lead: 1.2, matched: 3 });
    expect(decide(question('when was it set up'), hedge, new Set(), scorer).status).toBe(
      probability(scorer, featuresOf(hedge, 0)) >= 0.8 ? 'answered' : 'unsure',
    );
    const unlikely = hit({ coverage: 0.36, lead: 1, matched: 2, questionMatch: 0, askedAlike: false });
    const p = probability(scorer, featuresOf(unlikely, 0.5));
    expect(p).toBeLessThan(0.2);
    expect(decide(question('when was it set up', { unknownShare: 0.5 }), unlikely, new Set(), scorer)).toMatchObject({
      status: 'unsure',
      demotedBy: ['calibrated'],
    });
    expect(decide(question('when was it set up', { unknownShare: 0.5 }), unlikely, new Set([CALIBRATED]), scorer)).toMatchObject({
      status: 'answered',
      demotedBy: [],
    });
  });
});
