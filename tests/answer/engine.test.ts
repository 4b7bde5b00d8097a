import { describe, expect, it } from 'vitest';
import type { CheckName, Decision } from '../../src/answer/answerability';
import type { KnowledgeBase } from '../../src/knowledge/base';
import { createEngine } from '../../src/answer/engine';
import { fixtureBase, smallBase } from './fixture';

const engine = createEngine(fixtureBase());

/** One fact's lines for smallBase, under one topic and the one source. */
const factLines = (id: string, text: string, topic: string) => [`  - id: ${id}`, `    text: ${text}`, `    topics: [${topic}]`, '    sources: [s1]'];
/** One fact and one quote on it for smallBase (the quote dated, with its context), under one topic. */
const factAndQuote = (topic: string, fact: [string, string], quote: [id: string, text: string, speaker: string, context: string]) => [
  ...factLines(fact[0], fact[1], topic),
  'quotes:',
  `  - id: ${quote[0]}`,
  `    text: ${quote[1]}`,
  `    speaker: ${quote[2]}`,
  '    date: 2001-04-11',
  `    context: ${quote[3]}`,
  `    topics: [${topic}]`,
  '    sources: [s1]',
];
function decisionOf(e: ReturnType<typeof createEngine>, q: string): Decision {
  let d: Decision | undefined;
  e.ask(q, { trace: (x) => (d = x) });
  return d!;
}
const ids = (q: string) => engine.ask(q).results.map((r) => r.entry.id);
const ids2 = (base: KnowledgeBase, q: string) =>
  createEngine(base)
    .ask(q)
    .results.map((r) => r.entry.id);
/** The question is not answered on this base, the check named is among what demoted it, and with it off the question is answered. */
function expectRefusedBy(base: KnowledgeBase, q: string, check: CheckName) {
  expect(createEngine(base).ask(q).status, q).not.toBe('answered');
  expect(decisionOf(createEngine(base), q).demotedBy, q).toContain(check);
  expect(createEngine(base, { disable: [check] }).ask(q).status, q).toBe('answered');
}

describe('ask: search', () => {
  it('answers a paraphrase with the right entry first', () => {
    const a = engine.ask('when did the washington moscow hotline go into service');
    expect(a.status).toBe('answered');
    expect(a.mode).toBe('search');
    expect(a.results[0]!.entry.id).toBe('hotline-operational-1963');
  });
  it('survives typos', () => {
    expect(ids('moscow hotlne servce')[0]).toBe('hotline-operational-1963');
  });
  it('matches an acronym to its spelled-out name', () => {
    expect(ids('when was the DTL agreement signed')[0]).toBe('dtl-2008');
    expect(ids('military maritime consultative agreement')[0]).toBe('mmca-1998');
    expect(ids('MMCA')[0]).toBe('mmca-1998');
  });
  it('uses the base synonyms', () => {
    expect(ids('soviet union direct communications link memorandum geneva')[0]).toBe('hotline-mou-1963');
    expect(ids('USSR memorandum geneva')[0]).toBe('hotline-mou-1963');
  });
  it('says unknown for questions outside the base, even with a shared word', () => {
    expect(engine.ask('who won the 2022 world cup').status).toBe('unknown');
    expect(engine.ask('how many aircraft carriers does china have').status).not.toBe('answered');
    expect(engine.ask('who won the 2022 world cup').results).toEqual([]);
  });
  it('does not answer when the entry misses the thing asked about, or a country the question names', () => {
    expect(engine.ask('what weapons did the us and china agree on in beijing').status).not.toBe('answered');
    expect(engine.ask('when was the india moscow hotline in service').status).not.toBe('answered');
    expect(engine.ask('where did the us and china sign the maritime agreement').status).toBe('answered');
    const lax = createEngine(fixtureBase(), { disable: ['required', 'capitals', 'named-things', 'unknown-names', 'pair'] });
    expect(lax.ask('what weapons did the us and china agree on in beijing').status).toBe('answered');
    expect(lax.ask('when was the india moscow hotline in service').status).toBe('answered');
  });
  it('answers "between A and B" only with an entry filed under a topic between those two countries', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: calls-2022',
      '    text: After the Speaker visited Taiwan in 2022, China did not answer U.S. hotline calls.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const small = createEngine(base);
    expect(small.ask('is there a hotline between china and taiwan').status).not.toBe('answered');
    expect(small.ask('did china answer hotline calls between the us and china after taiwan').status).toBe('answered');
    expect(createEngine(base, { disable: ['pair'] }).ask('is there a hotline between china and taiwan').status).toBe('answered');
    // "Does A have a line with B" names the two sides too, and so do countries the base is not about.
    expect(small.ask('does taiwan have its own military hotline with beijing').status).not.toBe('answered');
    expect(small.ask('does the us have a hotline with china').status).toBe('answered');
    expect(createEngine(base, { disable: ['pair', 'capitals'] }).ask('does taiwan have its own military hotline with beijing').status).toBe('answered');
  });
  it("puts a sibling giving the speaker's words before one saying the call took place (promoteSibling, givesWords)", () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: call-2025',
      '    text: Defense Secretary Pete Hegseth and Adm. Dong Jun, the Chinese defense minister, held their first video call on 9 September 2025.',
      '    topics: [us-china]',
      '    involved: [Pete Hegseth, Adm. Dong Jun]',
      '    sources: [s1]',
      '  - id: call-message',
      '    text: In their video call of September 2025, Hegseth told Dong Jun that the United States does not seek conflict with China.',
      '    topics: [us-china]',
      '    involved: [Pete Hegseth]',
      '    sources: [s1]',
      // A quote by Hegseth on record: facts that merely involve him pass the speaker check too.
      'quotes:',
      '  - id: hegseth-quote',
      '    text: Peace through strength.',
      '    speaker: Pete Hegseth',
      '    date: 2025-05-31',
      '    context: Said in a speech in Singapore.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(ids2(base, 'what did hegseth tell dong jun in the september 2025 video call')[0]).toBe('call-message');
  });
  it('puts a sibling reporting a country\'s words first for "what did <country> say"', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: talks-2025',
      '    text: U.S. and Chinese naval officers held MMCA talks in Shanghai in April 2025 on air and maritime safety.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '  - id: china-account',
      '    text: At the April 2025 Shanghai MMCA talks on air and maritime safety, China said U.S. drills near its coast caused the risk.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(ids2(base, 'what did china say about the april 2025 shanghai mmca talks on maritime safety')[0]).toBe('china-account');
  });
  it('orders a fact and a quote on one subject by whether words are asked for (quote sibling, factOverQuote)', () => {
    const letter = smallBase(
      'us-china',
      'U.S.–China military channels',
      factAndQuote(
        'us-china',
        [
          'letter-sent',
          'On 11 April 2001 the U.S. ambassador delivered a letter to the Chinese foreign minister about the EP-3 collision, and the crew was freed.',
        ],
        [
          'letter-words',
          'Please convey to the Chinese people our sincere regret over the loss of their pilot.',
          'Joseph Prueher',
          'The U.S. letter on the EP-3 collision.',
        ],
      ),
    );
    const redPhone = smallBase(
      'us-ussr',
      'U.S.–Soviet channels',
      factAndQuote(
        'us-ussr',
        ['not-red', 'The hotline was never a red telephone; it was a teletype link.'],
        [
          'bohn',
          'The hotline was never a red telephone, whatever the films show; it was a teletype, and a red phone it was not.',
          'Michael Bohn',
          'A former Situation Room director on the hotline, a red telephone only in films.',
        ],
      ),
    );
    const cases: Array<[KnowledgeBase, string, string]> = [
      // The words asked for, no one named as saying them: the quote.
      [letter, 'what did the u.s. letter on the ep-3 collision say', 'letter-words'],
      // A yes/no "did … say" is not asking for the words: the order is the ranking's.
      [letter, 'did the u.s. ambassador deliver a letter to the chinese foreign minister about the ep-3 collision and say so', 'letter-sent'],
      // No one's words asked for: the fact, before the quote that outscores it.
      [redPhone, 'was the hotline a red telephone', 'not-red'],
      // A verb of saying asks for someone's words: the quote keeps its place.
      [redPhone, 'which situation room director claimed the hotline was never a red telephone', 'bohn'],
    ];
    for (const [base, q, id] of cases) expect(ids2(base, q)[0], q).toBe(id);
  });
  it('puts a sibling matching the thing asked about before one sharing only the context (promoteSibling, required)', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: radio',
      '    text: The 1963 hotline cable had a radio line as its backup, in case the cable failed.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '    questions: [What did the hotline take as backup?]',
      '  - id: wire',
      '    text: The 1963 hotline cable took a route through London and Helsinki.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(ids2(base, 'what route did the 1963 hotline cable take')[0]).toBe('wire');
  });
  it('answers "who is X" with a fact saying what X is before a quote by X (promoteSibling, describesPerson)', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: talks',
      '    text: The U.S. delegation at the April 2024 MMCA talks in Honolulu was led by Col. Ian Francis of U.S. Indo-Pacific Command.',
      '    topics: [us-china]',
      '    sources: [s1]',
      'quotes:',
      '  - id: francis-quote',
      '    text: Open, direct and clear communications are of the utmost importance.',
      '    speaker: Col. Ian Francis',
      '    date: 2024-04-04',
      '    context: Said after the talks.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(ids2(base, 'who is ian francis')[0]).toBe('talks');
  });
  it('puts a sibling stating a plan before a meeting already held, for "is another X planned"', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: held',
      '    text: Another MMCA meeting was held in Honolulu in November 2025.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '    questions: [Where was the November 2025 MMCA meeting?]',
      '  - id: follow-up',
      '    text: After the Honolulu talks, a further MMCA meeting would be held in 2026.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(createEngine(base).ask('is another mmca meeting in honolulu planned').results[0]?.entry.id).toBe('follow-up');
  });
  it('does not answer "what did the Chinese ambassador say" with a quote by an ambassador of another country', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: letter',
      '    text: In April 2001 a U.S. letter ended the standoff over the landing on Hainan.',
      '    topics: [us-china]',
      '    sources: [s1]',
      'quotes:',
      '  - id: sorry',
      '    text: We are very sorry the landing did not have verbal clearance.',
      '    speaker: Joseph W. Prueher',
      '    role: U.S. Ambassador to China',
      '    date: 2001-04-11',
      '    context: Said in the letter that ended the standoff.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expectRefusedBy(base, 'what did the chinese ambassador say about the landing', 'role-speaker');
    expect(decisionOf(createEngine(base), 'what did the us ambassador say about the landing').demotedBy).not.toContain('role-speaker');
  });
  it('does not answer "who led the PLA side" with the head of the U.S. delegation', () => {
    const base = smallBase(
      'us-china',
      'U.S.–China military channels',
      [
        '  - id: us-head',
        '    text: The U.S. delegation at the April 2024 MMCA talks in Honolulu was led by Col. Ian Francis, who spoke with the PLA.',
        '    topics: [us-china]',
        '    sources: [s1]',
      ],
      [],
      [['PLA', "Chinese People's Liberation Army"]],
    );
    expectRefusedBy(base, 'who led the chinese delegation at the mmca talks in honolulu', 'role-speaker');
    // A force stands for the country one of its names holds.
    expectRefusedBy(base, 'who led the pla side at the mmca talks in honolulu', 'role-speaker');
    expect(decisionOf(createEngine(base), 'who led the us delegation at the mmca talks in honolulu').demotedBy).not.toContain('role-speaker');
  });
  it('takes the two sides of a line from one topic, and reads them past a "between" that names no countries', () => {
    const base = smallBase(
      'us-china',
      'U.S.–China military channels',
      [
        '  - id: cold-war',
        '    text: A U.S. lawmaker said the military hotline with China should work like the Cold War line with Russia.',
        '    topics: [us-china, us-russia]',
        '    sources: [s1]',
      ],
      [['us-russia', 'U.S.–Russia military channels']],
    );
    const e = createEngine(base);
    // Filed under U.S.–China and under U.S.–Russia: neither topic is between China and Russia.
    for (const q of [
      'china russia military hotline like the cold war line',
      'china russia military hotline like the cold war line between lawmakers and the military',
    ])
      expectRefusedBy(base, q, 'pair');
    expect(e.ask('us china military hotline like the cold war line').status).toBe('answered');
    // "Between A and B", B no country (an alliance, a body): the answer's text must name B.
    expectRefusedBy(base, 'is there a military hotline between russia and nato like the cold war line', 'pair');
    expect(decisionOf(e, 'is there a military hotline between china and a lawmaker like the cold war line').demotedBy).not.toContain('pair');
  });
  it('holds the answer to the person the question makes its actor ("how many messages did X send")', () => {
    const base = smallBase('us-russia', 'U.S.–Soviet links', [
      '  - id: count',
      '    text: About 20 hotline messages were sent during the Six-Day War of June 1967.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: nixon',
      '    text: Richard Nixon used the hotline during the 1971 India–Pakistan war.',
      '    topics: [us-russia]',
      '    involved: [Richard Nixon]',
      '    sources: [s1]',
    ]);
    const q = 'how many hotline messages did nixon send during the six-day war';
    expect(createEngine(base).ask(q).status).not.toBe('answered');
    const lax = createEngine(base, { disable: ['named-things'] }).ask(q);
    expect([lax.status, lax.results[0]?.entry.id]).toEqual(['answered', 'count']);
    // Not the actor: a person named elsewhere in the question is context.
    expect(decisionOf(createEngine(base), 'how many hotline messages were sent in the six-day war nixon read about').demotedBy).not.toContain('named-things');
  });
  it('reads two countries joined by "and" as the two sides, and no country inside a place name', () => {
    const base = smallBase(
      'sea',
      'Incidents at sea',
      [
        '  - id: template',
        '    text: South Korea and Japan each signed an incidents at sea agreement with Russia, modelled on the U.S. one.',
        '    topics: [sea]',
        '    sources: [s1]',
        '  - id: strait',
        '    text: In 2024 talks the U.S. raised Taiwan Strait transits with China.',
        '    topics: [us-china]',
        '    sources: [s1]',
      ],
      [['us-china', 'U.S.–China military channels']],
    );
    const e = createEngine(base);
    // Japan and South Korea are each a side with Russia, not the two sides of one agreement.
    expectRefusedBy(base, 'when did japan and south korea sign an incidents at sea agreement', 'pair');
    expect(e.ask('did japan sign an incidents at sea agreement with russia').status).toBe('answered');
    // "Taiwan Strait" is a place: its "Taiwan" is no side ("the U.S. and Taiwan" would be).
    expect(e.ask('did the us and taiwan strait transits come up in 2024 talks with china').status).toBe('answered');
    expectRefusedBy(base, 'did the us and taiwan raise strait transits in 2024 talks', 'pair');
    // Countries named in a clause of time ("while…", "during…") are the setting, not the two sides.
    expect(decisionOf(e, 'did russia sign an incidents at sea agreement while japan and south korea talked').demotedBy).not.toContain('pair');
    expectRefusedBy(base, 'did japan and south korea sign an incidents at sea agreement while russia talked', 'pair');
  });
  it('takes a kind of place asked for ("which cities", "what venue") as answered by an entry that names a place', () => {
    const facts = (text: string) => factLines('wire', text, 'us-ussr');
    const q = 'which cities did the 1963 hotline wire pass through';
    const placed = smallBase('us-ussr', 'U.S.–Soviet military channels', facts('The 1963 hotline wire ran from Washington by way of London to Moscow.'));
    expect(createEngine(placed).ask(q).status).toBe('answered');
    // An entry that names no place does not say which cities.
    expectRefusedBy(
      smallBase('us-ussr', 'U.S.–Soviet military channels', facts('The 1963 hotline wire carried teletype messages day and night.')),
      q,
      'required',
    );
    // A post (a military outpost) is a kind of place too: "which posts does the hotline connect".
    expect(createEngine(placed).ask('which posts did the 1963 hotline wire pass through').status).toBe('answered');
  });
  it('takes a kind of gathering asked for ("what conference", "which summit") as answered by an entry that names one', () => {
    const facts = (text: string) => factLines('met', text, 'us-china');
    const q = 'what conference was hegseth at when he met dong jun in kuala lumpur';
    const named = smallBase(
      'us-china',
      'U.S.–China military channels',
      facts("Hegseth met Dong Jun in Kuala Lumpur at the ASEAN Defence Ministers' Meeting-Plus."),
    );
    expect(createEngine(named).ask(q).status).toBe('answered');
    // An entry that names no gathering does not say which conference.
    expectRefusedBy(smallBase('us-china', 'U.S.–China military channels', facts('Hegseth met Dong Jun in Kuala Lumpur for an hour.')), q, 'required');
  });
  it('reads "the parts of X" as asking what X held, as "part" is no subject word', () => {
    const facts = (text: string) => factLines('talks', text, 'us-china');
    const base = smallBase('us-china', 'U.S.–China military channels', facts('One part of the Woodside package was the resumption of senior military talks.'));
    expect(createEngine(base).ask('what were the parts of the woodside military package').status).toBe('answered');
  });
  it('takes "the exact words" of something as answered by a quote, not by a fact telling of it', () => {
    const q = 'exact words of the 2021 joint statement on the line of control ceasefire';
    const quoted = smallBase('india-pakistan', 'India–Pakistan military channels', [
      '  - id: other',
      '    text: Reporters asked for the exact words of the 2003 Line of Control ceasefire, which were never released.',
      '    topics: [india-pakistan]',
      '    sources: [s1]',
      'quotes:',
      '  - id: statement',
      '    text: strict observance of all agreements, understandings and cease firing along the Line of Control',
      '    speaker: Indian and Pakistani armies (joint statement)',
      '    date: 2021-02-25',
      '    context: Joint statement announcing the February 2021 ceasefire.',
      '    topics: [india-pakistan]',
      '    sources: [s1]',
    ]);
    const a = createEngine(quoted).ask(q);
    expect([a.status, a.results[0]?.entry.id]).toEqual(['answered', 'statement']);
    // A fact telling of the statement does not give its words.
    const told = smallBase('india-pakistan', 'India–Pakistan military channels', [
      ...factLines('told', 'In a joint statement of February 2021 the two armies announced a ceasefire along the Line of Control.', 'india-pakistan'),
      ...factLines('other', 'Officers chose their exact words with care at the 1999 talks.', 'india-pakistan'),
    ]);
    expectRefusedBy(told, q, 'required');
  });
  it('answers "who headed X" with a runner-up that names who did, when the best hit names no one doing it', () => {
    const facts = (id: string, text: string) => factLines(id, text, 'us-china');
    const talks = facts(
      'talks',
      'The 2024 Pentagon policy talks with a Chinese delegation were the first Pentagon policy talks since 2020, said Secretary Austin.',
    );
    const q = 'who headed the chinese delegation at the 2024 pentagon policy talks';
    const base = smallBase('us-china', 'U.S.–China military channels', [
      ...talks,
      ...facts('heads', 'Gen. Li Wei headed the Chinese delegation at the 2024 talks.'),
    ]);
    // The search puts the talks first; they never say who headed the delegation.
    expect(createEngine(base, { disable: ['who-verb'] }).ask(q).results[0]!.entry.id).toBe('talks');
    const a = createEngine(base).ask(q);
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('heads');
    // A runner-up that fails a check too (it names no person) gives no answer: the question stays a "did you mean".
    const lacking = smallBase('us-china', 'U.S.–China military channels', [
      ...talks,
      ...facts('navy', 'The navy headed the Chinese delegation at the 2024 talks.'),
    ]);
    expect(createEngine(lacking).ask(q).status).toBe('unsure');
  });
  it('requires the head of the thing asked for and its modifiers the base knows, not a modifier no entry holds', () => {
    const base = smallBase(
      'us-china',
      'U.S.–China military channels',
      factLines('contact', 'In 2021 the first military contact of the new U.S. administration with the PLA was a video call.', 'us-china'),
    );
    const e = createEngine(base);
    // "Post-freeze" is no word of the base: the answer may say it otherwise ("of the new administration").
    expect(e.ask('what was the first post-freeze military contact with the pla').status).toBe('answered');
    // The head itself stays required.
    expect(decisionOf(e, 'what was the first military handshake with the pla').demotedBy).toContain('required');
  });
  it('answers "the X of Y" (Y a country) only with an entry where X stands close to Y', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: summit',
      '    text: Presidents Trump and Xi met at an air base in Busan, South Korea, in October 2025.',
      '    topics: [us-china]',
      '    involved: [Donald Trump, Xi Jinping]',
      '    sources: [s1]',
      '  - id: minister',
      '    text: China’s defense minister Dong Jun spoke with the U.S. defense secretary in September 2025.',
      '    topics: [us-china]',
      '    involved: [Dong Jun]',
      '    sources: [s1]',
    ]);
    const small = createEngine(base);
    expect(small.ask('who is the president of south korea').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['owner', 'identity'] }).ask('who is the president of south korea').status).toBe('answered');
    expect(small.ask("who is china's defense minister").status).toBe('answered');
  });
  it('answers "who is X" only with an entry that has a curated "who" question about X', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: apology',
      '    text: U.S. Ambassador Joseph Prueher wrote the letter of regret that ended the Hainan standoff in April 2001.',
      '    topics: [us-china]',
      '    questions: [what letter ended the hainan standoff]',
      '    involved: [Joseph Prueher]',
      '    sources: [s1]',
      '  - id: hegseth',
      '    text: Pete Hegseth became U.S. Secretary of Defense in January 2025.',
      '    topics: [us-china]',
      '    questions: [who is pete hegseth, when did hegseth take office]',
      '    involved: [Pete Hegseth]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    // Names an ambassador in passing: not about who holds the post today.
    expect(engine.ask('who is the us ambassador to china').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['identity'] }).ask('who is the us ambassador to china').status).toBe('answered');
    const a = engine.ask('who is hegseth');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('hegseth');
    // A person the base names in full, named in full by the entry's text: what it says of them answers "who is".
    const named = engine.ask('who is joseph prueher');
    expect(named.status).toBe('answered');
    expect(named.results[0]!.entry.id).toBe('apology');
    // Asking more than the name ("…, the current ambassador") is not a bare "who is X".
    expect(engine.ask('who is joseph prueher, the current us ambassador to china').status).not.toBe('answered');
  });
  it('answers "how many X" only with a number standing near X when the text names X', () => {
    // Filed under one topic that pairs both sides the questions name, so only the count is at stake.
    const base = smallBase('us-ussr', 'U.S.–Soviet and India–China channels', [
      '  - id: notice',
      '    text: Under INCSEA each side gives three to five days of notice before actions that could endanger warships.',
      '    topics: [us-ussr]',
      '    sources: [s1]',
      '  - id: lines',
      '    text: By 2021 there were six hotlines between Indian and Chinese ground commanders.',
      '    topics: [us-ussr]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    expect(engine.ask('how many warships does each side have under incsea').status).not.toBe('answered');
    // The number is there ("three to five days"), but not of warships.
    expect(createEngine(base, { disable: ['quantity', 'count-near'] }).ask('how many warships does each side have under incsea').status).toBe('answered');
    expect(engine.ask('how many hotlines do indian and chinese ground commanders have').status).toBe('answered');
  });
  it('answers "who <verb> X" only with an entry that uses the verb', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: campbell',
      '    text: Kurt Campbell, U.S. Deputy Secretary of State, said in 2025 that China resisted military channels.',
      '    topics: [us-china]',
      '    involved: [Kurt Campbell]',
      '    sources: [s1]',
      '  - id: signed',
      '    text: Defense Secretary Gates and Defense Minister Cao Gangchuan signed the DTL agreement in 2008; Deputy Secretary England replaced Gates at a later meeting.',
      '    topics: [us-china]',
      '    involved: [Robert Gates, Cao Gangchuan]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    expect(engine.ask('who signed the dtl agreement').status).toBe('answered');
    // "Replaced" is a word of the base (another entry), but not of the one about Campbell.
    expect(engine.ask('who replaced kurt campbell as deputy secretary of state').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['who-verb'] }).ask('who replaced kurt campbell as deputy secretary of state').status).toBe('answered');
    // A verb no entry's text uses at all: no entry says who did that.
    expectRefusedBy(base, 'who translated for gates and cao gangchuan when they signed the dtl agreement in 2008', 'who-verb');
    // With a particle ("who signed up to", "who got to") the verb alone is not what is asked.
    expect(decisionOf(engine, 'who stepped up to sign the dtl agreement in 2008').demotedBy).not.toContain('who-verb');
    // "Did X ever <verb>": whether the act happened, answered only by an entry that uses the verb.
    expectRefusedBy(base, 'did kurt campbell ever apologize for what he said about china in 2025', 'who-verb');
    expect(decisionOf(engine, 'did gates ever sign the dtl agreement').demotedBy).not.toContain('who-verb');
  });
  it('reads "who led / represented X" as who took part when the entry names the people on both sides', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: talks',
      '    text: The 2024 policy talks in Beijing were held between Michael Chase and Song Yanchao.',
      '    topics: [us-china]',
      '    involved: [Michael Chase, Song Yanchao]',
      '    sources: [s1]',
      '  - id: gates',
      '    text: Robert Gates led a visit to the Second Artillery in 2011 and was replaced by Leon Panetta later that year.',
      '    topics: [us-china]',
      '    involved: [Robert Gates]',
      '    sources: [s1]',
      '  - id: signing',
      '    text: The 1998 maritime agreement was signed in Beijing by the two governments.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    const a = engine.ask('who led the 2024 policy talks');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('talks');
    // A verb of one act ("replaced") is still needed in the entry's own words.
    expect(engine.ask('who replaced song yanchao at the 2024 policy talks').status).not.toBe('answered');
  });
  it('counts a related word as the thing counted ("ships" for "warships")', () => {
    const base = smallBase('us-ussr', 'U.S.–Soviet channels', [
      '  - id: shadowing',
      '    text: In 1970 Soviet ships shadowed U.S. carriers in the Mediterranean for three days.',
      '    topics: [us-ussr]',
      '    sources: [s1]',
    ]);
    expect(createEngine(base).ask('how many warships did the soviet navy have in the mediterranean').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['quantity', 'count-near'] }).ask('how many warships did the soviet navy have in the mediterranean').status).toBe(
      'answered',
    );
  });
  it('answers "when is the next X" only with an entry about plans', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: shangri-la-2024',
      '    text: Austin and Dong Jun met at the Shangri-La Dialogue in Singapore in May 2024.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '  - id: mmca-next',
      '    text: The two navies planned to hold the next MMCA working group in 2026.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    expect(engine.ask('when is the next shangri-la dialogue').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['plan'] }).ask('when is the next shangri-la dialogue').status).toBe('answered');
    expect(engine.ask('when is the next mmca working group').status).toBe('answered');
  });
  it('answers "how much does X cost" only with an entry that states a sum of money', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: p8',
      '    text: In August 2014 a Chinese J-11 fighter flew within about 20 feet of a U.S. Navy P-8 Poseidon patrol aircraft.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(createEngine(base).ask('how much does a p-8 poseidon patrol aircraft cost').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['money'] }).ask('how much does a p-8 poseidon patrol aircraft cost').status).toBe('answered');
  });
  it('answers "how old is X" only with an entry that gives an age or a birth', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: summit',
      '    text: Xi Jinping is due to host Donald Trump in Beijing in April 2026.',
      '    topics: [us-china]',
      '    involved: [Xi Jinping, Donald Trump]',
      '    sources: [s1]',
      '  - id: hegseth',
      '    text: Pete Hegseth, born in 1980, became U.S. Secretary of Defense in January 2025.',
      '    topics: [us-china]',
      '    involved: [Pete Hegseth]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    expect(engine.ask('how old is xi jinping').status).not.toBe('answered');
    expect(createEngine(base, { disable: ['age'] }).ask('how old is xi jinping').status).toBe('answered');
    expect(engine.ask('how old is pete hegseth').results[0]!.entry.id).toBe('hegseth');
    expect(engine.ask('how old is pete hegseth').status).toBe('answered');
  });
  it('answers "why" only with an entry that states a cause: a causal word, or a curated "why" question on the same thing', () => {
    const base = smallBase('us-russia', 'U.S.–Russia military channels', [
      '  - id: route',
      '    text: The 1963 hotline ran over a wire circuit through London, Copenhagen, Stockholm and Helsinki.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: radio',
      '    text: A radio circuit through Tangier backed up the wire because a cut cable would have silenced the line.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: renamed',
      '    text: In 2021 the risk reduction center was renamed the National and Nuclear Risk Reduction Center.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '    questions: [Why was the risk reduction center renamed in 2021?]',
      '  - id: moved',
      '    text: In 2019 the hotline terminal moved to a new building at the Pentagon.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '    questions: [What led to the move of the hotline terminal in 2019?]',
      '  - id: readouts',
      '    text: Under a 2025 order the defense secretary may be called the Secretary of War, so Pentagon readouts may use either title.',
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: fax',
      '    text: The hotline fax terminal was installed in 1986, and so far no message has been sent over it in anger.',
      '    topics: [us-russia]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    expectRefusedBy(base, 'why was the hotline wire circuit routed through london and helsinki', 'cause-stated');
    // ", so …" tells what followed from the sentence's first half: the readouts use the title because of the order.
    expect(decisionOf(engine, 'why do pentagon readouts use the title secretary of war').demotedBy).not.toContain('cause-stated');
    // "so far" is a time, not a consequence.
    expect(decisionOf(engine, 'why was the hotline fax terminal installed in 1986').demotedBy).toContain('cause-stated');
    // A question that also asks for something else is answered by what the entry does state.
    expect(decisionOf(engine, 'how was the hotline wire circuit routed through london and helsinki, and why').demotedBy).not.toContain('cause-stated');
    // The same entry answers what it does state.
    expect(engine.ask('did the 1963 hotline wire circuit run through london and helsinki').results[0]!.entry.id).toBe('route');
    expect(engine.ask('did the 1963 hotline wire circuit run through london and helsinki').status).toBe('answered');
    // A causal word in the text, or a curated "why" question about the same thing, states a cause.
    expect(engine.ask('why did a radio circuit through tangier back up the wire').status).toBe('answered');
    expect(engine.ask('why did the risk reduction center get renamed in 2021').status).toBe('answered');
    // A curated "what led to…" question asks for a cause as "why" does.
    expect(decisionOf(engine, 'why did the hotline terminal move to a new building in 2019').demotedBy).not.toContain('cause-stated');
    // "Why did X matter" asks what X meant, which the entry states without a causal word.
    expect(decisionOf(engine, 'why did the 1963 hotline wire circuit through london and helsinki matter').demotedBy).not.toContain('cause-stated');
    expect(decisionOf(engine, "why's the 1963 hotline wire circuit through london and helsinki a big deal").demotedBy).not.toContain('cause-stated');
  });
  it('does not take a curated "why" question that shares only one person for one on the same thing', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: declined',
      '    text: In June 2023 Li Shangfu turned down a meeting with Lloyd Austin at the Shangri-La Dialogue in Singapore.',
      '    topics: [us-china]',
      '    involved: [Li Shangfu, Lloyd Austin]',
      '    sources: [s1]',
      '    questions: [Why did Li Shangfu refuse to meet Austin?]',
    ]);
    expectRefusedBy(base, 'why was li shangfu fired in 2023', 'cause-stated');
    // Two people shared (or a thing besides the person): the same event.
    expect(createEngine(base).ask('why did li shangfu snub lloyd austin in singapore').status).toBe('answered');
  });
  it('does not answer "why did X" ("what caused X") with an entry that names X mostly in an aside, the question\'s own setting aside', () => {
    const base = smallBase('us-russia', 'U.S.–Soviet links', [
      '  - id: liberty',
      "    text: After Israeli forces attacked the USS Liberty in June 1967, Johnson used the hotline to tell Kosygin the fleet was going to the Liberty's aid.",
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: origin',
      '    text: The hotline grew out of the Cuban missile crisis of October 1962.',
      '    topics: [us-russia]',
      '    sources: [s1]',
    ]);
    // The attack is the entry's setting ("Liberty" in the main clause does not change that).
    expectRefusedBy(base, 'why did israeli forces attack the uss liberty in 1967', 'cause');
    // What the entry tells, asked with the attack as the question's own setting.
    expect(createEngine(base).ask('why did johnson use the hotline after the uss liberty attack').status).toBe('answered');
    // "What caused X": an entry naming X only as what caused something else ("grew out of X") tells what X caused;
    // "why" questions, as often asking what X led to, still answered.
    expectRefusedBy(base, 'what caused the cuban missile crisis', 'cause');
    expect(createEngine(base).ask('what did the cuban missile crisis lead to').status).toBe('answered');
    expect(createEngine(base).ask('why did the cuban missile crisis lead to the hotline').status).toBe('answered');
  });
  it('does not answer "why did X" with an entry giving X only as the reason cited for something else ("pointed to X", "citing X")', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: declined',
      '    text: In June 2023 Li Shangfu turned down a meeting with Lloyd Austin in Singapore. Beijing pointed to U.S. sanctions on Li Shangfu.',
      '    topics: [us-china]',
      '    involved: [Li Shangfu, Lloyd Austin]',
      '    sources: [s1]',
      '    questions: [Why did Li Shangfu refuse to meet Austin?]',
    ]);
    // The sanctions are Beijing's reason for the refusal: what caused them the entry never says.
    expectRefusedBy(base, 'why did the us sanction li shangfu', 'cause');
    // What the entry tells is still answered.
    expect(createEngine(base).ask('why did li shangfu turn down a meeting with lloyd austin').status).toBe('answered');
  });
  it('reads the causal word in the sentence that holds what is asked about (or the next, when it points back)', () => {
    const base = smallBase('us-russia', 'U.S.–Russia military channels', [
      '  - id: delay',
      "    text: The hotline grew out of the Cuban missile crisis. During the crisis it took almost twelve hours to decode Khrushchev's first message.",
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: fleet',
      '    text: In June 1967 McNamara proposed turning the Sixth Fleet toward the eastern Mediterranean. The move was meant as a signal to Moscow.',
      '    topics: [us-russia]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    // "Grew out of" says why the hotline exists, not why decoding took twelve hours.
    expectRefusedBy(base, "why did it take twelve hours to decode khrushchev's first message", 'cause-stated');
    expect(engine.ask('why was the hotline set up after the cuban missile crisis').status).toBe('answered');
    // "The move was meant as…" goes on about the sentence before it.
    expect(engine.ask('why did mcnamara propose turning the sixth fleet toward the eastern mediterranean').status).toBe('answered');
  });
  it('reads a full name the synonyms join ("Samuel Paparo") in a fact naming the surname only', () => {
    const base = smallBase(
      'us-china',
      'U.S.–China military channels',
      [
        '  - id: urged',
        '    text: In the September 2024 call, Paparo urged the PLA to reconsider its dangerous tactics in the South China Sea.',
        '    topics: [us-china]',
        '    involved: [Adm. Samuel J. Paparo]',
        '    sources: [s1]',
      ],
      [],
      [['Samuel Paparo', 'Adm. Samuel J. Paparo']],
    );
    const engine = createEngine(base);
    expect(decisionOf(engine, 'what did samuel paparo say in the september 2024 call').demotedBy).not.toContain('speaker');
    expect(decisionOf(engine, 'what did paparo say in the september 2024 call').demotedBy).not.toContain('speaker');
  });
  it('reads the person of "what did the chinese delegation leader li wei say" past the description, when the base knows them', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: visit',
      "    text: China's Defense Ministry said Gen. Li Wei led a delegation to Hawaii in September 2024 and met Adm. Grant Hollis there.",
      '    topics: [us-china]',
      '    involved: [Gen. Li Wei, Adm. Grant Hollis]',
      '    sources: [s1]',
    ]);
    const q = 'what did the chinese delegation leader li wei say in hawaii';
    expect(createEngine(base).ask(q).status).toBe('unknown');
    expect(decisionOf(createEngine(base), q).demotedBy).toContain('speaker');
    // A description ending in words that name nobody the base knows is left alone.
    expect(decisionOf(createEngine(base), 'what did the chinese defense ministry spokesman say in hawaii').demotedBy).not.toContain('speaker');
  });
  it('answers "what did X say" (X quoted nowhere) only with a fact reporting X\'s words: a speech verb after X in the same clause', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: visit',
      "    text: China's Defense Ministry said Gen. Li Wei led a delegation to Hawaii in September 2024 and met Adm. Grant Hollis there.",
      '    topics: [us-china]',
      '    involved: [Gen. Li Wei, Adm. Grant Hollis]',
      '    sources: [s1]',
      '  - id: warning',
      '    text: After meeting Gen. Li Wei in Hawaii, Adm. Grant Hollis warned that unsafe intercepts could cost lives.',
      '    topics: [us-china]',
      '    involved: [Adm. Grant Hollis, Gen. Li Wei]',
      '    sources: [s1]',
    ]);
    const engine = createEngine(base);
    // The ministry's words, and Hollis's, are not Li Wei's.
    for (const q of ['what did gen li wei say in hawaii in september 2024', 'did li wei say anything about the delegation to hawaii']) {
      expect(engine.ask(q).status, q).toBe('unknown');
      expect(decisionOf(engine, q).demotedBy, q).toContain('speaker');
      expect(createEngine(base, { disable: ['speaker'] }).ask(q).status, q).not.toBe('unknown');
    }
    const a = engine.ask('what did adm grant hollis say after meeting li wei in hawaii');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('warning');
    // "Called X a Y" reports words; "called X" alone is a phone call.
    const phone = [
      '  - id: phone',
      '    text: In 2017 Gen. Joseph Dunford called Gen. Fang Fenghui about the staff dialogue.',
      '    topics: [us-china]',
      '    involved: [Joseph Dunford, Fang Fenghui]',
      '    sources: [s1]',
    ];
    const called = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: hopeful',
      '    text: The staff dialogue was signed in 2017; Gen. Joseph Dunford called its signing a hopeful step.',
      '    topics: [us-china]',
      '    involved: [Joseph Dunford]',
      '    sources: [s1]',
      ...phone,
    ]);
    const said = createEngine(called).ask('what did dunford say about the staff dialogue');
    expect(said.status).toBe('answered');
    expect(said.results[0]!.entry.id).toBe('hopeful');
    const onlyPhone = smallBase('us-china', 'U.S.–China military channels', phone);
    expect(createEngine(onlyPhone).ask('what did dunford say about the staff dialogue').status).toBe('unknown');
  });
  it('answers a question naming a year only with a dated entry that names it or spans it, and puts such entries first', () => {
    const delegation = [
      '  - id: delegation-2024',
      '    text: Rear Adm. Jane Doe headed the U.S. delegation at the MMCA working group in Honolulu in April 2024.',
      '    date: 2024-04-03',
      '    topics: [us-china]',
      '    involved: [Rear Adm. Jane Doe]',
      '    sources: [s1]',
    ];
    const base = smallBase('us-china', 'U.S.–China military channels', delegation);
    expectRefusedBy(base, 'who headed the us delegation at the mmca working group in april 2025', 'year');
    expect(createEngine(base).ask('who headed the us delegation at the mmca working group in april 2024').status).toBe('answered');
    // A span of years asked ("from 2023 to 2025") is met by an entry in any part of it, not only one naming both ends.
    expect(decisionOf(createEngine(base), 'who headed the us delegation at the mmca working group from 2023 to 2025').demotedBy).not.toContain('year');
    expectRefusedBy(base, 'who headed the us delegation at the mmca working group from 2025 to 2026', 'year');
    // An entry that names the year goes before a better-scored one that does not.
    const both = smallBase('us-china', 'U.S.–China military channels', [
      ...delegation,
      '  - id: talks-2025',
      '    text: U.S. and Chinese officers held an MMCA working group in Shanghai in April 2025.',
      '    date: 2025-04-02',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(ids2(both, 'who headed the us delegation at the mmca working group in april 2025')[0]).toBe('talks-2025');
    expect(createEngine(both, { disable: ['year'] }).ask('who headed the us delegation at the mmca working group in april 2025').results[0]!.entry.id).toBe(
      'delegation-2024',
    );
    // An undated entry (a standing fact) is exempt: the year may name the agreement rather than an event.
    const agenda = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: agenda',
      '    text: The MMCA agreement covers search and rescue and communications between ships at sea.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    expect(createEngine(agenda).ask('does the 1998 mmca agreement cover search and rescue').status).toBe('answered');
    // A day named with its month: an entry dated to another day does not answer; one of that day does, and a
    // message from X that "raised" something reports X's words.
    const message = smallBase('us-russia', 'U.S.–Russia military channels', [
      '  - id: june-10',
      '    text: On 10 June 1967 a hotline message from Kosygin raised the prospect of Soviet military steps.',
      '    date: 1967-06-10',
      '    topics: [us-russia]',
      '    involved: [Alexei Kosygin]',
      '    sources: [s1]',
    ]);
    expectRefusedBy(message, 'what did kosygin say in the june 5 1967 hotline message', 'year');
    expect(createEngine(message).ask('what did kosygin say in the june 10 1967 hotline message').status).toBe('answered');
  });
  it('answers with an entry far ahead of the rest that matches every informative word the base knows', () => {
    const base = smallBase('us-russia', 'U.S.–Russia military channels', [
      '  - id: shayrat',
      "    text: Before U.S. cruise missiles struck Syria's Shayrat airbase in April 2017, the U.S. military warned Russian forces over the deconfliction line.",
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: ukraine',
      "    text: In March 2022 the Pentagon set up a deconfliction line with Russia's Ministry of Defence.",
      '    topics: [us-russia]',
      '    sources: [s1]',
      '  - id: moscow',
      '    text: The Washington–Moscow hotline went into service in August 1963.',
      '    topics: [us-russia]',
      '    sources: [s1]',
    ]);
    const q = 'were russians warned before the shayrat bombing raid';
    const a = createEngine(base).ask(q);
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('shayrat');
    // Its coverage alone would not do: the lead over the runner-up is what lets it through.
    expect(decisionOf(createEngine(base), q).demotedBy).toEqual([]);
    expect(base.entries.length).toBe(3);
    // A long question whose many stray words no entry holds, about things one entry alone matches.
    const long = 'did grandpa say cruise missiles struck shayrat airbase in 2017 after whispered gossip, quarrels, rumours and chatter';
    expect(createEngine(base).ask(long).status).toBe('answered');
    expect(decisionOf(createEngine(base), long).demotedBy).toEqual([]);
  });
  it('leaves keywords with a word the base never uses unanswered, but not questions or short slips', () => {
    expect(engine.ask('shanghai defense telephone link budget').status).not.toBe('answered');
    expect(createEngine(fixtureBase(), { disable: ['keywords', 'required'] }).ask('shanghai defense telephone link budget').status).toBe('answered');
    expect(engine.ask('defense telephone link shanghai 2008').status).toBe('answered');
    // A word naming which side of the subject is wanted ("history") is no subject the base lacks.
    expect(decisionOf(engine, 'defense telephone link history').demotedBy).not.toContain('keywords');
  });
  it('takes a capital for its country: the entry must name the city or the country', () => {
    expect(engine.ask('when was the tokyo moscow hotline in service').status).not.toBe('answered');
    expect(engine.ask('when did the washington hotline to the kremlin go into service').status).toBe('answered');
  });
  it('does not answer "how many" with an entry that states no quantity', () => {
    expect(engine.ask('how many hotlines did the us and china set up in shanghai').status).not.toBe('answered');
    expect(createEngine(fixtureBase(), { disable: ['quantity', 'count-near'] }).ask('how many hotlines did the us and china set up in shanghai').status).toBe(
      'answered',
    );
  });
  it('prefers the quotes of the person a "what did X say" question names', () => {
    expect(ids('what did gates say about the defense telephone link')[0]).toBe('gates-hotline-quote-2007');
    expect(ids('defense telephone link')[0]).toBe('dtl-2008');
  });
  it('scores results between 0 and 1, best first', () => {
    const a = engine.ask('defense hotline china');
    expect(a.results.length).toBeGreaterThan(0);
    for (const r of a.results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const scores = a.results.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });
});

describe('ask: citations and related', () => {
  it('numbers citations 1..n in order of first use', () => {
    const a = engine.ask('hotline-operational-1963');
    expect(a.citations.map((c) => c.n)).toEqual([1, 2]);
    expect(a.citations.map((c) => c.id)).toEqual(['frus-1964-68-v14-d217', 'state-hotline-mou-1963']);
    expect(a.results[0]!.citations).toEqual([1, 2]);
  });
  it('does not repeat a source cited by two results', () => {
    const a = engine.ask('when did the hotline between washington and moscow start', { limit: 3 });
    const citedIds = a.citations.map((c) => c.id);
    expect(new Set(citedIds).size).toBe(citedIds.length);
  });
  it('lists related entries sharing topics, never the answer itself', () => {
    const a = engine.ask('hotline-operational-1963');
    expect(a.related.length).toBeGreaterThan(0);
    expect(a.related.map((r) => r.id)).not.toContain('hotline-operational-1963');
    expect(a.related.map((r) => r.id)).toContain('hotline-mou-1963');
  });
});

describe('ask: structured queries', () => {
  it('answers an entry id at once', () => {
    const a = engine.ask('  DTL-2008 ');
    expect(a.mode).toBe('id');
    expect(a.results.map((r) => r.entry.id)).toEqual(['dtl-2008']);
    expect(engine.ask('entry:mmca-1998').results[0]!.entry.id).toBe('mmca-1998');
  });
  it('answers an exact curated question or keyword at once, with full confidence', () => {
    const a = engine.ask('When was the hotline agreement signed?');
    expect(a.status).toBe('answered');
    expect(a.results[0]).toMatchObject({ score: 1 });
    expect(a.results[0]!.entry.id).toBe('hotline-mou-1963');
    expect(ids('Defense hotline')[0]).toBe('dtl-2008');
  });
  it("lists a speaker's quotes for their name", () => {
    for (const q of ['gates', 'Robert M. Gates', 'quotes by Gates', 'what did gates say']) {
      const a = engine.ask(q);
      expect(a.mode, q).toBe('speaker');
      expect(a.results.map((r) => r.entry.id)).toEqual(['gates-hotline-quote-2007']);
    }
  });
  it('gives the timeline for a year or a range, oldest first', () => {
    const y = engine.ask('1963');
    expect(y.mode).toBe('timeline');
    expect(y.results.map((r) => r.entry.id)).toEqual(['hotline-mou-1963', 'hotline-operational-1963']);
    for (const q of ['from 1998 to 2008', '1998-2008', '1998–2008', 'between 1998 and 2008']) {
      expect(
        engine.ask(q).results.map((r) => r.entry.id),
        q,
      ).toEqual(['mmca-1998', 'gates-hotline-quote-2007', 'dtl-2008']);
    }
    expect(engine.ask('2030').status).toBe('unknown');
  });
  it('searches when a year comes with topic words', () => {
    expect(engine.ask('hotline 1963 geneva').mode).toBe('search');
  });
});

describe('ask: hostile input never throws', () => {
  const inputs = [
    '',
    '   ',
    'x'.repeat(6000),
    'hotline '.repeat(800),
    '🙂🙂🙂',
    'hot\u200Bline\u200D moscow',
    'مرحبا ما هو الخط الساخن',
    '**hotline** `1963` [link](http://x)',
    '@everyone @here <@123456>',
    "'hotline !moscow ^1963 =link | $dtl",
    '\u0000\u0001\uFFFF\uD800',
    'undefined',
    'constructor',
    '__proto__',
  ];
  it.each(inputs.map((q) => [q.slice(0, 30), q]))('%s', (_, q) => {
    const a = engine.ask(q);
    expect(['answered', 'unsure', 'unknown']).toContain(a.status);
  });
  it('returns unknown for empty and emoji-only input', () => {
    expect(engine.ask('').status).toBe('unknown');
    expect(engine.ask('🙂🙂').status).toBe('unknown');
  });
  it('still understands a question hidden by zero-width characters', () => {
    expect(engine.ask('moscow hot\u200Bline service').results[0]?.entry.id).toBe('hotline-operational-1963');
  });
  it('does not take fuse.js operators as syntax', () => {
    expect(engine.ask("'moscow !hotline").results[0]?.entry.id).toBe(engine.ask('moscow hotline').results[0]?.entry.id);
  });
  it('tolerates non-string input from untyped callers', () => {
    expect(engine.ask(undefined as unknown as string).status).toBe('unknown');
    expect(engine.suggest(null as unknown as string)).toBeInstanceOf(Array);
  });
});

describe('suggest', () => {
  it('keeps Discord limits: at most 25 choices, names and values at most 100 characters', () => {
    for (const partial of ['', 'h', 'hotline', 'x'.repeat(500), 'the']) {
      const s = engine.suggest(partial, 100);
      expect(s.length).toBeLessThanOrEqual(25);
      for (const c of s) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
        expect(c.name.length).toBeGreaterThan(0);
      }
    }
  });
  it('completes an unfinished last word', () => {
    const s = engine.suggest('when was the hotline agre');
    expect(s[0]).toEqual({ name: 'When was the hotline agreement signed?', value: 'When was the hotline agreement signed?' });
  });
  it('completes from the start of curated questions, even when only filler words were typed', () => {
    expect(engine.suggest('when did').map((c) => c.value)[0]).toBe('When did the hotline start working?');
    expect(
      engine
        .suggest('when')
        .map((c) => c.value)
        .slice(0, 2)
        .sort(),
    ).toEqual(['When did the hotline start working?', 'When was the hotline agreement signed?']);
  });
  it('offers entries without curated questions as entry:<id>', () => {
    expect(engine.suggest('maritime consul').map((c) => c.value)).toContain('entry:mmca-1998');
  });
  it('respects the limit', () => {
    expect(engine.suggest('', 2)).toHaveLength(2);
  });
});

describe('speakers, sources, topics, lists', () => {
  it('suggests speakers by any part of the name', () => {
    expect(engine.suggestSpeakers('gat')).toEqual([{ name: 'Robert M. Gates (1 quote)', value: 'Robert M. Gates' }]);
    expect(engine.suggestSpeakers('zzz')).toEqual([]);
  });
  it('suggests sources by id, title or publisher', () => {
    expect(engine.suggestSources('tias-d')[0]?.value).toBe('tias-dtl-2008');
    expect(engine.suggestSources('tias-m')[0]?.value).toBe('tias-mmca-1998');
    expect(engine.suggestSources('american forces').map((s) => s.value)).toEqual(['afps-gates-2007']);
  });
  it('counts entries per topic, largest first', () => {
    const t = engine.topics();
    expect(t[0]).toMatchObject({ count: 4 });
    expect(t[0]!.topic.id).toBe('hotlines');
  });
  it('finds a source with the entries citing it', () => {
    expect(engine.source('state-hotline-mou-1963')?.entries.map((e) => e.id)).toEqual(['hotline-mou-1963', 'hotline-operational-1963']);
    expect(engine.source('nope')).toBeUndefined();
  });
  it('filters quotes by fuzzy speaker and by topic', () => {
    expect(engine.quotes({ speaker: 'gates' }).results).toHaveLength(1);
    expect(engine.quotes({ topic: 'us-ussr' }).status).toBe('unknown');
  });
  it('filters the timeline by topic', () => {
    expect(engine.timeline({ topic: 'us-china' }).results.map((r) => r.entry.id)).toEqual(['mmca-1998', 'gates-hotline-quote-2007', 'dtl-2008']);
  });
  it('answers for one entry, or undefined for an unknown id', () => {
    expect(engine.answerFor('dtl-2008')?.results[0]!.entry.id).toBe('dtl-2008');
    expect(engine.answerFor('missing')).toBeUndefined();
  });
});
