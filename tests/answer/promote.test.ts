import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/schema';
import type { SearchHit } from '../../src/search/entry-index';
import { asksFrequency, asksOutcome, statesFrequency, statesOutcome, frequencyFirst, outcomeFirst } from '../../src/answer/promote';
import { asksContent, contentFirst, statesSigning } from '../../src/answer/promote';
import { definitionAsked, definitionFirst, factOverQuote, introducedNames, promoteSibling, whoNamesPeople } from '../../src/answer/promote';
import { asksFirst, contactKinds, earliestFirst, eventItselfFirst, statesDay } from '../../src/answer/promote';
import { tokenize } from '../../src/search/normalize';

const PEOPLE = new Set(['Lt Gen Sangha', 'Maj Gen Zakaria', 'Barack Obama']);
const peopleIn = (e: Entry) => (e.kind === 'fact' ? (e.involved ?? []).filter((n) => PEOPLE.has(n)).length : 0);

function hit(id: string, score: number, involved: string[], topics = ['india-pakistan']): SearchHit {
  const entry = { id, kind: 'fact', text: id, topics, involved, sources: ['s'] } as unknown as Entry;
  return { entry, doc: score, score, coverage: 1, matched: 3, mask: 7, questionMatch: 0, askedAlike: false };
}

const ids = (hits: readonly SearchHit[]) => hits.map((h) => h.entry.id);
/** A hit whose entry has this text. */
const withText = (id: string, score: number, text: string): SearchHit => {
  const h = hit(id, score, []);
  return { ...h, entry: { ...h.entry, text } as Entry };
};

describe('whoNamesPeople', () => {
  const armies = hit('ceasefire', 210, ['Indian Army', 'Pakistan Army']);
  const names = hit('dgmo-names', 150, ['Lt Gen Sangha', 'Maj Gen Zakaria']);
  it('puts a sibling naming people before a top hit that involves bodies only', () => {
    expect(ids(whoNamesPeople([armies, hit('statement', 180, ['Indian Army']), names], peopleIn))).toEqual(['dgmo-names', 'ceasefire', 'statement']);
  });
  it('leaves a top hit that names people, or names no one at all, where it is', () => {
    const shultz = hit('nrrc', 200, ['Lt Gen Sangha']);
    expect(ids(whoNamesPeople([shultz, names], peopleIn))).toEqual(['nrrc', 'dgmo-names']);
    const nobody = hit('p8', 200, []);
    expect(ids(whoNamesPeople([nobody, names], peopleIn))).toEqual(['p8', 'dgmo-names']);
  });
  it('looks only at siblings (a shared topic) close in score and within the first three', () => {
    expect(ids(whoNamesPeople([armies, hit('other', 200, ['Barack Obama'], ['us-china'])], peopleIn))).toEqual(['ceasefire', 'other']);
    expect(ids(whoNamesPeople([armies, hit('far', 100, ['Barack Obama'])], peopleIn))).toEqual(['ceasefire', 'far']);
    expect(ids(whoNamesPeople([armies, hit('b', 200, []), hit('c', 200, []), names], peopleIn))).toEqual(['ceasefire', 'b', 'c', 'dgmo-names']);
  });
});

describe('factOverQuote', () => {
  const as = (h: SearchHit, kind: string, coverage = 1): SearchHit => ({ ...h, entry: { ...h.entry, kind } as Entry, coverage });
  it('puts a fact sibling covering as much of the question before a top quote', () => {
    expect(ids(factOverQuote([as(hit('bohn-quote', 105, []), 'quote'), hit('not-red-phone', 103, [])]))).toEqual(['not-red-phone', 'bohn-quote']);
  });
  it('leaves a top fact, or a fact sibling covering less, where it is', () => {
    expect(ids(factOverQuote([hit('fact', 100, []), as(hit('quote', 90, []), 'quote')]))).toEqual(['fact', 'quote']);
    expect(ids(factOverQuote([as(hit('quote', 100, []), 'quote'), as(hit('fact', 90, []), 'fact', 0.5)]))).toEqual(['quote', 'fact']);
  });
});

describe('frequencyFirst', () => {
  it('tells a text stating how often from one naming a single occurrence, and a question asking how often', () => {
    const stating = [
      'The mechanism has three parts: a hotline, direct contact, and annual meetings.',
      'The talks are held twice a year.',
      'They meet every two years.',
    ];
    expect(stating.filter(statesFrequency)).toEqual(stating);
    expect(['The first annual meeting was held in Beijing in December 2018.', 'The 19th talks were held in Washington.'].some(statesFrequency)).toBe(false);
    const asked = ['how often does the japan china mechanism meet', 'how frequently are the talks held'];
    expect(asked.map((q) => asksFrequency(tokenize(q)))).toEqual([true, true]);
    expect(asksFrequency(tokenize('how long did the talks last'))).toBe(false);
  });
  it('puts a sibling stating how often before a top hit about one meeting', () => {
    const first = withText('first-meeting', 200, 'The first annual meeting was held in Beijing.');
    const parts = withText('components', 160, 'It has three parts, among them annual meetings.');
    expect(ids(frequencyFirst([first, parts]))).toEqual(['components', 'first-meeting']);
    expect(ids(frequencyFirst([parts, first]))).toEqual(['components', 'first-meeting']);
  });
});

describe('outcomeFirst', () => {
  it('reads questions asking what came of an event, and texts stating an outcome', () => {
    const asking = 'what came out of the busan meeting|what did the 2014 intercept lead to|what was the outcome of the talks|what resulted from the call'.split(
      '|',
    );
    expect(asking.filter((q) => asksOutcome(tokenize(q)))).toEqual(asking);
    expect(['what came before the 2026 talks', 'when did the talks lead off', 'did the call lead to talks'].some((q) => asksOutcome(tokenize(q)))).toBe(false);
    expect(statesOutcome('The August 2014 P-8 intercept spurred the talks that produced the two memoranda.')).toBe(true);
    expect(statesOutcome('On 19 August 2014 a Chinese J-11 fighter intercepted a U.S. Navy P-8A.')).toBe(false);
    expect(statesOutcome('They discussed plans for a call between commanders, which took place in September.')).toBe(true);
    expect(statesOutcome('The talks yielded a joint statement.')).toBe(true);
    expect(statesOutcome('The meeting ended with a pledge to keep talking.')).toBe(true);
    expect(statesOutcome('The two sides reached a consensus on the channels.')).toBe(true);
    expect(statesOutcome('The call took place in September 2024.')).toBe(false);
  });
  it('puts a sibling stating an outcome before a top hit telling the event', () => {
    const event = withText('intercept', 200, 'A Chinese fighter intercepted a U.S. Navy patrol plane.');
    const after = withText('led-to-mous', 190, 'The intercept spurred the talks that produced two memoranda.');
    expect(ids(outcomeFirst([event, after]))).toEqual(['led-to-mous', 'intercept']);
  });
  it('looks for the outcome down to the fifth hit, as an aftermath shares fewer of the event’s words', () => {
    const event = withText('meeting', 300, 'Hegseth met Dong Jun in Kuala Lumpur.');
    const more = [1, 2, 3].map((i) => withText(`told-${i}`, 290, 'Hegseth and Dong spoke again.'));
    const agreed = withText('agreed', 270, 'After the meeting, Hegseth posted that they had agreed to set up channels.');
    expect(ids(outcomeFirst([event, ...more, agreed]))[0]).toBe('agreed');
    expect(ids(outcomeFirst([event, ...more, withText('x', 260, 'x'), agreed]))[0]).toBe('meeting');
  });
});

describe('contentFirst', () => {
  it('reads questions asking what a document says, and texts telling its signing', () => {
    const ask = (q: string) => asksContent(tokenize(q), q);
    expect(
      ['what does the incsea agreement forbid', "what's in the dma agreement", 'what is in the syria memorandum', 'what are the cues rules'].every(ask),
    ).toBe(true);
    expect(['when was incsea signed', 'what happened in the 2014 intercept', 'did the code include china'].some(ask)).toBe(false);
    expect(statesSigning('INCSEA was signed in Moscow on 25 May 1972.')).toBe(true);
    expect(statesSigning("INCSEA's rules bar each navy from simulating attacks.")).toBe(false);
  });
  it('puts a sibling telling what the text says before a top hit telling its signing, and only then', () => {
    const signed = 'The memorandum was signed on 20 October 2015.';
    const says = 'Its protocols call for professional airmanship and set radio frequencies.';
    for (const order of [
      [signed, says],
      [says, signed],
    ]) {
      const hits = order.map((text, i) => withText(text === says ? 'protocols' : 'signed', 200 - 50 * i, text));
      expect(ids(contentFirst(hits))).toEqual(['protocols', 'signed']);
    }
  });
});

describe('promoteSibling', () => {
  it('lifts the sibling measuring most above a top hit measuring less, and only then', () => {
    const better = (h: SearchHit) => ({ a: 0, b: 1, c: 2 })[h.entry.id] ?? 0;
    expect(ids(promoteSibling([hit('a', 100, []), hit('b', 90, []), hit('c', 80, [])], better))).toEqual(['c', 'a', 'b']);
    expect(ids(promoteSibling([hit('c', 100, []), hit('b', 90, [])], better))).toEqual(['c', 'b']);
    expect(ids(promoteSibling([], better))).toEqual([]);
  });
});

describe('definitionFirst', () => {
  const fact = (id: string, score: number, text: string) => ({ ...hit(id, score, []), entry: { ...hit(id, score, []).entry, text } as Entry });
  it('reads the short names a text spells out, in capitals, without a plural s', () => {
    expect([...introducedNames('A secure Defense Telephone Link (DTL) between the Directors General (DGMOs); a (small) note')]).toEqual(['dtl', 'dgmo']);
  });
  it('puts the sibling introducing the asked name before one using it in passing', () => {
    const content = fact('cues-content', 100, 'CUES gives navies standard phrases.');
    const adopted = fact('cues-adopted', 90, 'Navy chiefs approved the Code for Unplanned Encounters at Sea (CUES).');
    expect(ids(definitionFirst([content, adopted], ['cues']))).toEqual(['cues-adopted', 'cues-content']);
    expect(ids(definitionFirst([content, adopted], ['mmca']))).toEqual(['cues-content', 'cues-adopted']);
  });
  it('reads "what is X" questions only', () => {
    const asked = (q: string) => definitionAsked(tokenize(q), q);
    expect(asked('What is the NNRRC?')).toEqual(['nnrrc']);
    expect(asked("what's the india pakistan dgmo hotline")).toEqual(['india', 'pakistan', 'dgmo', 'hotline']);
    expect(asked('what the dtl')).toBeUndefined();
    expect(asked('what is the range of the j-11')).toBeUndefined();
    expect(asked('when was the dtl set up')).toBeUndefined();
  });
});

describe('earliestFirst', () => {
  /** A dated hit with this text. */
  const dated = (id: string, score: number, date: string, text: string): SearchHit => {
    const h = withText(id, score, text);
    return { ...h, entry: { ...h.entry, date } as Entry };
  };
  const meeting = dated('meeting', 300, '2025-10-31', 'The Kuala Lumpur meeting was their first face-to-face meeting.');
  const call = dated('call', 200, '2025-09-09', 'Hegseth and Dong held their first call, a video teleconference.');
  it('reads "first" and "earliest", not "the first X since Y" or "the first real X"', () => {
    expect(asksFirst(tokenize('when did hegseth first talk to dong jun'))).toBe(true);
    expect(asksFirst(tokenize('what was the earliest meeting'))).toBe(true);
    expect(asksFirst(tokenize('first top general call since the 2022 freeze'))).toBe(false);
    expect(asksFirst(tokenize("what was the first hotline message that wasn't a test"))).toBe(false);
    expect(asksFirst(tokenize('what was the first real message over the hotline'))).toBe(false);
    expect(asksFirst(tokenize('when did hegseth talk to dong jun'))).toBe(false);
  });
  it('tells the kinds of contact a text tells', () => {
    expect(contactKinds('They held a video call.')).toEqual([0]);
    expect(contactKinds('They met on the sidelines.')).toEqual([1]);
    expect(contactKinds('The first message sent was a test.')).toEqual([2]);
    expect(contactKinds('They signed an agreement to set up a telephone link.')).toEqual([]);
  });
  it('puts the earliest sibling telling a contact of the top hit’s kind first', () => {
    // The meeting text says nothing of a call: a second meeting sibling, earlier, is the first meeting.
    const earlier = dated('earlier-meeting', 180, '2024-05-31', 'Austin and Dong met in person in Singapore.');
    expect(ids(earliestFirst([meeting, earlier, call]))).toEqual(['earlier-meeting', 'meeting', 'call']);
    // A call is a contact of another kind than a meeting: the meeting stays first.
    expect(ids(earliestFirst([meeting, call]))).toEqual(['meeting', 'call']);
    const both = dated('meeting-and-call', 300, '2025-10-31', 'They met in Kuala Lumpur; they had spoken by video teleconference before.');
    expect(ids(earliestFirst([both, call]))).toEqual(['call', 'meeting-and-call']);
  });
  it('passes over a precursor that tells no contact, an undated top hit, and a later sibling', () => {
    const agreed = dated('agreed', 250, '2007-09', 'Bush and Hu agreed to create the defense hotline.');
    const firstCall = dated('first-call', 300, '2008-04-10', 'Gates used the link for the first time, calling Gen. Liang.');
    expect(ids(earliestFirst([firstCall, agreed]))).toEqual(['first-call', 'agreed']);
    const undated = withText('undated', 300, 'The two held a call.');
    expect(earliestFirst([undated, call])[0]!.entry.id).toBe('undated');
    expect(ids(earliestFirst([call, dated('later', 250, '2025-11-01', 'They had spoken again by phone call.')]))).toEqual(['call', 'later']);
  });
});

describe('eventItselfFirst', () => {
  const dated = (id: string, score: number, date: string | undefined, text: string): SearchHit => {
    const h = withText(id, score, text);
    return { ...h, entry: { ...h.entry, date } as Entry };
  };
  it('reads a day written in full, not a month or a year alone', () => {
    expect(statesDay('On 1 April 2001 a U.S. Navy EP-3E and a Chinese J-8 collided.')).toBe(true);
    expect(statesDay('A working group met on 3–4 April 2024.')).toBe(true);
    expect(statesDay('It was signed on June 12, 1989.')).toBe(true);
    expect(statesDay('The pilot was lost at sea after the collision in April 2001.')).toBe(false);
  });
  it('puts the sibling of the top hit’s month stating the day before one telling the aftermath', () => {
    const aftermath = dated('pilot-lost', 35, '2001-04-01', 'The Chinese pilot was lost at sea after the collision.');
    const event = dated('collision', 27, '2001-04-01', 'On 1 April 2001 a U.S. Navy EP-3E and a Chinese J-8 collided.');
    expect(ids(eventItselfFirst([aftermath, event]))).toEqual(['collision', 'pilot-lost']);
  });
  it('leaves a top hit alone when the sibling is of another month or the top is undated', () => {
    const origin = dated('origin', 35, '1971', 'The DGMO hotline was set up after the 1971 war.');
    const call = dated('call', 30, '2025-05-10', 'The DGMOs spoke on 10 May 2025.');
    expect(ids(eventItselfFirst([origin, call]))).toEqual(['origin', 'call']);
    const undated = dated('undated', 35, undefined, 'The DGMO hotline links the two armies.');
    expect(ids(eventItselfFirst([undated, call]))).toEqual(['undated', 'call']);
  });
});
