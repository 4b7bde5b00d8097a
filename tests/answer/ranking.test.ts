import { describe, expect, it } from 'vitest';
import type { EvidenceReader, NamedInQuestion } from '../../src/answer/evidence';
import { firstWhere, RANKING_RULE_NAMES, RANKING_RULES, rankContext, rankHits, type RankContext, type RankingRule } from '../../src/answer/ranking';
import type { Entry } from '../../src/knowledge/schema';
import { buildEntryIndex, type SearchHit } from '../../src/search/entry-index';
import { smallBase } from './fixture';

// Each ranking rule by name: when it applies (read from a real question of a small base), and what it moves.

const base = smallBase('us-china', 'U.S.–China military channels', [
  '  - id: talks',
  '    text: U.S. and Chinese naval officers held MMCA talks in Shanghai in April 2025.',
  '    topics: [us-china]',
  '    sources: [s1]',
]);
const index = buildEntryIndex(base);

function hit(id: string, score: number, over: Partial<Entry> = {}, rest: Partial<SearchHit> = {}): SearchHit {
  const entry = { id, kind: 'fact', text: id, topics: ['us-china'], sources: ['s1'], ...over } as unknown as Entry;
  return { entry, doc: 0, score, coverage: 1, matched: 3, mask: 7, questionMatch: 0, askedAlike: false, ...rest };
}
const ids = (hits: readonly SearchHit[]) => hits.map((h) => h.entry.id);

/** Evidence that answers only what a test gives it. */
const evidence = (over: Partial<EvidenceReader> = {}): EvidenceReader => ({ required: () => 0, ...over }) as unknown as EvidenceReader;

/** The rules' reading of `question`, with the named things and evidence a test gives. */
function ctx(question: string, named: NamedInQuestion = { concepts: [] }, reader = evidence(), disabled: string[] = []): RankContext {
  return rankContext(question, index.search(question).query, named, reader, new Set(disabled));
}
const rule = (name: string): RankingRule => {
  const found = RANKING_RULES.find((r) => r.name === name);
  if (!found) throw new Error(`no ranking rule "${name}"`);
  return found;
};
const speaker = { name: 'Hegseth', matches: ['Pete Hegseth'], keys: [], quoted: true };

describe('RANKING_RULES', () => {
  it('runs in a fixed order, each rule under its own name', () => {
    expect(RANKING_RULE_NAMES).toEqual([
      'first',
      'named-things',
      'speaker',
      'gives-words',
      'sayer-words',
      'quote-asked',
      'fact-over-quote',
      'description-asked',
      'year',
      'where',
      'who-names-people',
      'required',
      'describes-person',
      'plan',
      'frequency',
      'outcome',
      'content',
      'definition',
      'event-itself',
    ]);
  });
});

describe('firstWhere', () => {
  it('puts the passing hits first, each group in its own order, and hands back the same array when they are first already', () => {
    const hits = [hit('a', 3), hit('b', 2), hit('c', 1)];
    expect(ids(firstWhere(hits, (h) => h.entry.id !== 'a'))).toEqual(['b', 'c', 'a']);
    expect(firstWhere(hits, (h) => h.entry.id === 'a')).toBe(hits);
    expect(firstWhere(hits, () => false)).toBe(hits);
  });
});

describe('rankHits', () => {
  it('names the rules that changed the top hit, in the order they ran', () => {
    const swap: RankingRule = { name: 'swap', applies: () => true, rank: (h) => [h[1]!, h[0]!, ...h.slice(2)] };
    const keep: RankingRule = { name: 'keep', applies: () => true, rank: (h) => h };
    const never: RankingRule = { name: 'never', applies: () => false, rank: () => [] };
    const hits = [hit('a', 3), hit('b', 2)];
    const out = rankHits(hits, ctx('who led the talks'), [keep, swap, never]);
    expect(ids(out.hits)).toEqual(['b', 'a']);
    expect(out.movedBy).toEqual(['swap']);
  });
  it('skips a rule switched off by its answer check name (EngineOptions.disable)', () => {
    const years = evidence({ namesYears: (_q, h) => h.entry.id === 'dated' });
    const hits = [hit('undated', 3), hit('dated', 2)];
    expect(ids(rankHits(hits, ctx('who led the talks in 2025', undefined, years)).hits)).toEqual(['dated', 'undated']);
    expect(ids(rankHits(hits, ctx('who led the talks in 2025', undefined, years, ['year'])).hits)).toEqual(['undated', 'dated']);
  });
});

describe('first', () => {
  it('applies to "when did X first call Y", and puts the earliest like sibling first', () => {
    expect(rule('first').applies(ctx('when did hegseth first talk to dong jun'))).toBe(true);
    expect(rule('first').applies(ctx('when did hegseth talk to dong jun'))).toBe(false);
    const meeting = hit('meeting', 3, { date: '2025-10-31', text: 'They met; they had spoken by video call before.' } as Partial<Entry>);
    const call = hit('call', 2, { date: '2025-09-09', text: 'They held their first call.' } as Partial<Entry>);
    expect(ids(rule('first').rank([meeting, call], ctx('when did hegseth first talk to dong jun')))).toEqual(['call', 'meeting']);
  });
  it('runs before the rules reading what must hold, which have the last word', () => {
    const years = evidence({ namesYears: (_q, h) => h.entry.id === 'meeting' });
    const meeting = hit('meeting', 3, { date: '2025-10-31', text: 'They met; they had spoken by video call before.' } as Partial<Entry>);
    const call = hit('call', 2, { date: '2024-09-09', text: 'They held their first call.' } as Partial<Entry>);
    expect(ids(rankHits([meeting, call], ctx('when did hegseth first talk to dong jun in 2025', undefined, years)).hits)).toEqual(['meeting', 'call']);
  });
});

describe('named-things', () => {
  const named: NamedInQuestion = { concepts: [{ key: 'taiwan', label: 'Taiwan' }] };
  const lacks = evidence({ lacks: (h) => (h.entry.id === 'taiwan' ? [] : ['Taiwan']) });
  it('applies when the question names things, and puts the entries involving them all first', () => {
    expect(rule('named-things').applies(ctx('what did dong jun say about taiwan', named))).toBe(true);
    expect(rule('named-things').applies(ctx('what did dong jun say'))).toBe(false);
    expect(ids(rule('named-things').rank([hit('other', 3), hit('taiwan', 2)], ctx('q', named, lacks)))).toEqual(['taiwan', 'other']);
    expect(rule('named-things').disable).toBe('named-things');
  });
});

describe('speaker and gives-words', () => {
  const bySpeaker = evidence({ bySpeaker: (h) => h.entry.id === 'quote', givesWords: (h) => h.entry.id === 'report' });
  it('apply to "what did X say", and put X’s words first', () => {
    const c = ctx('what did hegseth tell dong', { concepts: [], speaker }, bySpeaker);
    expect(rule('speaker').applies(c) && rule('gives-words').applies(c)).toBe(true);
    expect(rule('speaker').applies(ctx('who led the talks'))).toBe(false);
    expect(ids(rule('speaker').rank([hit('call', 3), hit('quote', 2)], c))).toEqual(['quote', 'call']);
    expect(ids(rule('gives-words').rank([hit('call', 3), hit('report', 2)], c))).toEqual(['report', 'call']);
    expect(rule('speaker').disable).toBe('speaker');
  });
});

describe('sayer-words', () => {
  it('applies only when one known concept names the sayer and no person is asked about', () => {
    const c = ctx('what did china say about the talks');
    expect(rule('sayer-words').applies({ ...c, sayer: { span: true, keys: ['china'] } })).toBe(true);
    expect(rule('sayer-words').applies({ ...c, sayer: { span: true, keys: [] } })).toBe(false);
    expect(rule('sayer-words').applies({ ...c, named: { concepts: [], speaker }, sayer: { span: true, keys: ['china'] } })).toBe(false);
    const words = evidence({ givesWordsOf: (h, keys) => h.entry.id === 'statement' && keys[0] === 'china' });
    const hits = [hit('talks', 3), hit('statement', 2)];
    expect(ids(rule('sayer-words').rank(hits, { ...c, evidence: words, sayer: { span: true, keys: ['china'] } }))).toEqual(['statement', 'talks']);
  });
});

describe('where', () => {
  it('applies to "where was X signed", and puts a sibling of the same date saying where first', () => {
    expect(rule('where').applies(ctx('where were the talks held'))).toBe(true);
    expect(rule('where').applies(ctx('who led the talks'))).toBe(false);
    const places = evidence({ tellsWhere: (h) => h.entry.id !== 'signers' });
    const signers = hit('signers', 3, { date: '2008-02-29' } as Partial<Entry>);
    const signed = hit('signed', 2, { date: '2008-02-29' } as Partial<Entry>);
    const later = hit('later', 2, { date: '2008-04-10' } as Partial<Entry>);
    const c = { ...ctx('where was the agreement signed'), evidence: places };
    expect(ids(rule('where').rank([signers, signed], c))).toEqual(['signed', 'signers']);
    // Another date is another event: its place is not the one asked.
    expect(ids(rule('where').rank([signers, later], c))).toEqual(['signers', 'later']);
  });
});

describe('quote-asked', () => {
  it('applies to "what were the words of the letter" (words asked, no sayer named), not when a sayer is named or to yes/no questions', () => {
    expect(rule('quote-asked').applies(ctx('what were the words of the letter'))).toBe(true);
    expect(rule('quote-asked').applies(ctx('what did the navy say about the talks'))).toBe(false);
    expect(rule('quote-asked').applies(ctx('did the letter say sorry'))).toBe(false);
    expect(ids(rule('quote-asked').rank([hit('letter', 3), hit('words', 2, { kind: 'quote' } as Partial<Entry>)], ctx('q')))).toEqual(['words', 'letter']);
  });
});

describe('fact-over-quote', () => {
  it('applies when no one’s words are asked for, not to "why" or "what did X say"', () => {
    expect(rule('fact-over-quote').applies(ctx('was the hotline a red phone'))).toBe(true);
    expect(rule('fact-over-quote').applies(ctx('why was the hotline set up'))).toBe(false);
    expect(rule('fact-over-quote').applies(ctx('what did hegseth say', { concepts: [], speaker }))).toBe(false);
  });
});

describe('description-asked', () => {
  it('applies to "how did X describe/rate Y", not to "how did X say…" or "what did X describe"', () => {
    expect(rule('description-asked').applies(ctx('how did the us delegation head describe the maritime talks'))).toBe(true);
    expect(rule('description-asked').applies(ctx("how did a former situation room director rate the hotline's record"))).toBe(true);
    expect(rule('description-asked').applies(ctx('how did the talks end'))).toBe(false);
    expect(rule('description-asked').applies(ctx('what did the report describe'))).toBe(false);
  });
  it('lifts a sibling quote over the fact telling the occasion', () => {
    const c = ctx('how did the us delegation head describe the maritime talks');
    const quote = hit('words', 2, { kind: 'quote' } as Partial<Entry>);
    expect(ids(rule('description-asked').rank([hit('delegation-head', 3), quote], c))).toEqual(['words', 'delegation-head']);
    expect(ids(rule('description-asked').rank([hit('delegation-head', 3), hit('other-fact', 2)], c))).toEqual(['delegation-head', 'other-fact']);
  });
});

describe('year', () => {
  it('puts the entries naming the year asked first', () => {
    const years = evidence({ namesYears: (_q, h) => h.entry.id === 'dated' });
    const c = ctx('who led the talks in 2025', undefined, years);
    expect(rule('year').applies(c)).toBe(true);
    expect(ids(rule('year').rank([hit('undated', 3), hit('dated', 2)], c))).toEqual(['dated', 'undated']);
    expect(rule('year').disable).toBe('year');
  });
});

describe('who-names-people', () => {
  it('applies to "who were…", not to "who is X"', () => {
    expect(rule('who-names-people').applies(ctx('who were the dgmos'))).toBe(true);
    expect(rule('who-names-people').applies(ctx('who is ian francis'))).toBe(false);
  });
});

describe('required', () => {
  it('applies when the question has concepts the answer cannot do without, and lifts a sibling matching them', () => {
    const c = ctx('what route did the cable take', undefined, evidence({ required: () => 4 }));
    expect(c.required).toBe(4);
    expect(rule('required').applies(c)).toBe(true);
    expect(rule('required').applies(ctx('what route did the cable take'))).toBe(false);
    expect(ids(rule('required').rank([hit('context', 3, {}, { mask: 3 }), hit('route', 2, {}, { mask: 7 })], c))).toEqual(['route', 'context']);
  });
});

describe('describes-person', () => {
  it('applies to "who is X", and lifts a sibling describing X even at a third of the top score', () => {
    const describes = evidence({ describesPerson: (_q, h) => (h.entry.id === 'role' ? 1 : 0) });
    const c = ctx('who is ian francis', undefined, describes);
    expect(rule('describes-person').applies(c)).toBe(true);
    expect(rule('describes-person').applies(ctx('who were the dgmos'))).toBe(false);
    expect(rule('describes-person').applies(ctx('who was mark milley'))).toBe(true);
    expect(rule('describes-person').applies(ctx('who was the pilot'))).toBe(false);
    expect(ids(rule('describes-person').rank([hit('quote', 10), hit('role', 3.5)], c))).toEqual(['role', 'quote']);
  });
});

describe('plan', () => {
  it('applies to "is another meeting planned", and lifts a sibling stating a plan', () => {
    const plans = evidence({ shapes: (h) => new Set(h.entry.id === 'plan' ? ['plan'] : []) });
    const c = ctx('is another meeting planned', undefined, plans);
    expect(rule('plan').applies(c)).toBe(true);
    expect(rule('plan').applies(ctx('when was the meeting held'))).toBe(false);
    expect(ids(rule('plan').rank([hit('held', 3), hit('plan', 2)], c))).toEqual(['plan', 'held']);
  });
});

describe('frequency, outcome, content and definition', () => {
  it('each applies to its own kind of question only', () => {
    expect(rule('frequency').applies(ctx('how often do the talks meet'))).toBe(true);
    expect(rule('outcome').applies(ctx('what came out of the talks'))).toBe(true);
    expect(rule('content').applies(ctx('what does the agreement forbid'))).toBe(true);
    expect(rule('definition').applies(ctx('what is mmca'))).toBe(true);
    expect(rule('event-itself').applies(ctx('what was the ep-3 incident'))).toBe(true);
    expect(rule('event-itself').applies(ctx('what happened in the 2014 p-8 intercept'))).toBe(true);
    expect(rule('event-itself').applies(ctx('what happened to the chinese pilot'))).toBe(false);
    expect(rule('event-itself').applies(ctx('is there a hotline between the indian and chinese armies'))).toBe(true);
    expect(rule('event-itself').applies(ctx('are there rules for air encounters'))).toBe(true);
    expect(rule('event-itself').applies(ctx('is the hotline still there'))).toBe(false);
    for (const name of ['frequency', 'outcome', 'content', 'definition', 'event-itself']) expect(rule(name).applies(ctx('who led the talks'))).toBe(false);
  });
});
