import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/normalize';
import { buildAliasTable } from '../../src/search/aliases';
import { buildIndex } from '../../src/search/inverted-index';
import { analyzeQuery, readIntent } from '../../src/search/query';
import { createTypoCorrector } from '../../src/search/typo';

const intent = (q: string) => readIntent(tokenize(q), q);

describe('readIntent', () => {
  it('reads when, who and quote cues', () => {
    expect(intent('how far back does the idea of a hotline go')).toMatchObject({ when: true, measure: false });
    expect(intent('how far is moscow from washington')).toMatchObject({ when: false, measure: true });
    expect(intent('when was the DTL set up')).toMatchObject({ when: true, who: false, quote: false });
    expect(intent('who signed INCSEA')).toMatchObject({ who: true });
    expect(intent('what did Gates say about hotlines')).toMatchObject({ quote: true });
  });
  it('reads "where" as asking for a place only when it asks, not when it joins a clause', () => {
    expect(intent('where did the plane land')).toMatchObject({ where: true });
    expect(intent('the hotline where are both ends')).toMatchObject({ where: true });
    expect(intent('the intercept where a fighter buzzed a patrol plane, did it lead to anything')).toMatchObject({ where: false });
    expect(intent('when was the DTL set up')).toMatchObject({ where: false });
  });
  it('finds what a "how many" question counts: the last word of the noun phrase', () => {
    expect(intent('how many aircraft carriers does china have').countOf).toBe('carriers');
    expect(intent('how many messages went back and forth').countOf).toBe('messages');
    expect(intent('how many times was the line used').countOf).toBeUndefined();
    // A past verb after the noun ends the phrase; one before a noun is part of it.
    expect(intent('how many chinese officials showed up in hawaii').countOf).toBe('officials');
    expect(intent('how many ships sailed').countOf).toBe('ships');
    expect(intent('how many armed drones does it have').countOf).toBe('drones');
    expect(intent('when was the hotline set up').countOf).toBeUndefined();
  });
  it('finds the thing a question asks about from its shape', () => {
    expect(intent('what weapons did russia use in ukraine').focus).toBe('weapons');
    expect(intent('which talks did beijing call off').focus).toBe('talks');
    expect(intent('what two agreements did they sign').focus).toBe('agreements');
    expect(intent('what is the range of the DF-21 missile').focus).toBe('range');
    expect(intent('who is the president of south korea').focus).toBe('president');
    // "what is X called": the naming verb asks for X's name; the head is the noun before it.
    expect(intent("what is the state department's nuclear risk office called now").focus).toBe('office');
    // A name or title asked for is shown as the name itself, never as the word "title": no focus to require.
    expect(intent("what's the title of the campbell and doshi piece").focus).not.toBe('title');
    expect(intent('what is the name of the 2014 code').focus).not.toBe('name');
    expect(intent("who is xi jinping's wife").focus).toBe('wife');
    expect(intent("what is the chinese navy's biggest ship").focus).toBe('ship');
    expect(intent('what is the us nuclear doctrine').focus).toBe('doctrine');
    // Keywords: the head of the noun phrase is its last word, years aside.
    expect(intent('china aircraft carriers').focus).toBe('carriers');
    expect(intent('pla budget 2025').focus).toBe('budget');
    // "X of Y" typed as keywords asks for X.
    expect(intent('top speed of the j-11 fighter').focus).toBe('speed');
    expect(intent('rules of the road at sea').focus).toBe('rules');
    expect(intent('when was the hotline set up').focus).toBeUndefined();
    expect(intent('what does the us seventh fleet do').focusPhrase).toEqual(['us', 'seventh', 'fleet']);
    expect(intent('what does INCSEA stand for').focus).toBe('incsea');
    expect(intent('who is the president of south korea').focusOwner).toEqual(['south', 'korea']);
    expect(intent("who is xi jinping's wife").focusOwner).toEqual(['xi', 'jinping']);
    // A plural possessive names the owner too.
    expect(intent("what was the soviets' first test message").focusOwner).toEqual(['soviets']);
    expect(intent('how many aircraft carriers does china have').focusPhrase).toEqual(['aircraft', 'carriers']);
    expect(intent('who is the guy running the pentagon').focus).toBeUndefined();
    expect(intent('does the pla have aircraft carriers').focusPhrase).toEqual(['aircraft', 'carriers']);
    // What the answer is found on, and what something was like.
    expect(intent('what was on the menu at the summit lunch').focus).toBe('menu');
    expect(intent('what was the weather like in busan').focus).toBe('weather');
    expect(intent('what was in the 2015 air safety memorandum').focus).toBeUndefined();
    // "What is X and …": X, with another question after it.
    expect(intent('what is aukus and does it include a hotline').focus).toBe('aukus');
    expect(intent('which chinese coast guard cutters are covered by the rules').focusPhrase).toEqual(['chinese', 'coast', 'guard', 'cutters']);
    expect(intent('who is hegseth and what did he say').focus).toBeUndefined();
    expect(intent('did the us and russia have some arrangement over syria').focus).toBe('arrangement');
    // A verb or a type word after "what/which" is not a thing to match.
    expect(intent('what pushed the us and china into signing').focus).toBeUndefined();
    expect(intent('which building housed the american end').focus).toBeUndefined();
    expect(intent('what year did the hotline open').focus).toBeUndefined();
    expect(intent('when was the hotline set up').focus).toBeUndefined();
    // "What kind of X": X, not the word "kind".
    expect(intent('what kind of jet did they use').focus).toBe('jet');
    expect(intent('which type of ships does incsea cover').focusPhrase).toEqual(['ships']);
  });
  it('reads "what\'s" and "whats" as "what is"', () => {
    expect(intent("what's the range of the DF-21 missile")).toMatchObject({ focus: 'range', focusOwner: ['df', '21', 'missile'] });
    expect(intent('whats the range of the DF-21 missile').focus).toBe('range');
    expect(intent("what's the us nuclear doctrine").focus).toBe('doctrine');
    // "What is the X for/in Y": X. Not for "who": "who was the chinese lead at the talks" names a role, often paraphrased.
    expect(intent('whats the us china trade deficit for 2024').focus).toBe('deficit');
    expect(intent('what is the hotline for').focus).toBeUndefined();
    expect(intent('who was the chinese lead at the talks').focus).toBeUndefined();
  });
  it('recognises "how long did X last", not "how long ago" or "how long until"', () => {
    expect(intent('how long did the hegseth dong meeting last').duration).toBe(true);
    expect(intent('how long ago was the hotline set up').duration).toBe(false);
    expect(intent('how long until the next round').duration).toBe(false);
    expect(intent('when did the meeting take place').duration).toBe(false);
  });
  it('recognises "who is X" and "how old is X"', () => {
    expect(intent('who is pete hegseth')).toMatchObject({ identity: true, age: false });
    expect(intent("who's the guy running the pentagon")).toMatchObject({ identity: true });
    expect(intent('whos kurt campbell')).toMatchObject({ identity: true });
    expect(intent('who signed INCSEA')).toMatchObject({ identity: false });
    expect(intent('hey who replaced kurt campbell').whoVerb).toBe('replaced');
    expect(intent('who is pete hegseth').whoVerb).toBeUndefined();
    // A light verb's sense is in the words after it: "took part", "set up" name no relation an entry must use.
    expect(intent('who took part in the november talks').whoVerb).toBeUndefined();
    expect(intent('who set up the theater commander call').whoVerb).toBeUndefined();
    // Its object then stands for the verb: "who took notes" is answered by an entry about notes, not any about the call.
    expect(intent('who took notes at the austin dong call').whoVerb).toBe('notes');
    expect(intent('who made the call to dong jun').whoVerb).toBe('call');
    expect(intent('who took office as defense minister in 2023').whoVerb).toBeUndefined();
    expect(intent('who signed the 2008 agreement').whoVerb).toBe('signed');
    expect(intent('did china ever apologize for the 2014 intercept').whoVerb).toBe('apologize');
    expect(intent('did china apologize for the 2014 intercept').whoVerb).toBeUndefined();
    expect(intent('how old is xi jinping')).toMatchObject({ age: true, identity: false });
    expect(intent('how old was the hotline in 1991')).toMatchObject({ age: true });
    expect(intent('when is the next shangri-la dialogue')).toMatchObject({ upcoming: true });
    expect(intent('what did obama say next to xi')).toMatchObject({ upcoming: false });
    // "When will…": a future event, which only an entry about plans tells.
    expect(intent('when will the us and china talk again')).toMatchObject({ upcoming: true });
    expect(intent('when did the us and china talk again')).toMatchObject({ upcoming: false });
    // "Where will…": the place of a scheduled event, asked as "when will" asks its time.
    expect(intent('where will trump and xi meet in may 2026')).toMatchObject({ upcoming: true });
    expect(intent('where did trump and xi meet')).toMatchObject({ upcoming: false });
    expect(intent('how much does a p-8 cost')).toMatchObject({ money: true });
    expect(intent('how much did the us spend on the hotline')).toMatchObject({ money: true });
    expect(intent('how much notice does incsea require')).toMatchObject({ money: false });
  });
  it('recognises questions asking for a measure', () => {
    expect(intent('how far can a tomahawk missile fly').measure).toBe(true);
    expect(intent('how big is the us navy').measure).toBe(true);
    expect(intent('how long did it take to set up').measure).toBe(false);
    expect(intent('how did the hotline start').measure).toBe(false);
  });
  it('tells keywords from sentences', () => {
    expect(intent('china aircraft carriers').keywords).toBe(true);
    expect(intent('rules of the road at sea').keywords).toBe(true);
    expect(intent('kurt campbell complaint that beijing resists').keywords).toBe(false);
    expect(intent('when was the hotline set up').keywords).toBe(false);
  });
  it('recognises requests for a procedure or for writing', () => {
    expect(intent('how do i join the us navy').task).toBe(true);
    expect(intent('how to reset my password').task).toBe(true);
    expect(intent('write me a poem about the navy').task).toBe(true);
    expect(intent('hey bot translate hello into russian').task).toBe(true);
    expect(intent('roleplay as khrushchev and send me a hotline message').task).toBe(true);
    // How a name is spelt or said is a fact of the record.
    expect(intent("how do you spell china's defense minister's name").task).toBe(false);
    expect(intent('how do you write a cover letter').task).toBe(true);
    expect(intent('pretend you are the soviet duty officer').task).toBe(true);
    expect(intent('how did the hotline start').task).toBe(false);
    expect(intent('how does the MMCA work').task).toBe(false);
    expect(intent('who wrote the letter of the two sorries').task).toBe(false);
  });
});

describe('analyzeQuery', () => {
  const aliases = buildAliasTable([], []);
  const index = buildIndex([{ text: 'India and Pakistan talk on a hotline every Tuesday.' }], aliases);
  const typos = createTypoCorrector(index.vocabulary.keys(), () => 1);
  const concepts = (q: string) => analyzeQuery(q, { index, aliases, typos }).concepts.map((c) => c.words.join(' '));
  it('reads where the asker heard a claim as no part of it', () => {
    expect(concepts('i keep reading that india and pakistan talk every tuesday')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('my cousin says india and pakistan talk every tuesday')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    // Not when the words are the subject: "who read the message", "my hotline".
    expect(concepts('who read the tuesday message')).toContain('read');
  });
  it('reads the closing verb of "what does X V" that no entry uses as asking what X says', () => {
    expect(concepts('what does the india hotline forbid')).toEqual(['india', 'hotline']);
    expect(concepts('what did the tuesday hotline require?')).toEqual(['tuesday', 'hotline']);
    // A verb the base uses stays a word of the question; so does an unknown word in another shape.
    expect(concepts('what did india and pakistan talk')).toContain('talk');
    expect(concepts('does the india hotline forbid')).toContain('forbid');
    expect(concepts('what does forbid')).toContain('forbid');
  });
  it('reads a confirmation clause as asking whether, not as a subject', () => {
    expect(concepts('india and pakistan talk every tuesday, is that actually true?')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('is it true that india and pakistan talk every tuesday')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('am i right that india and pakistan talk every tuesday')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('did i get that right, india and pakistan talk every tuesday')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('india and pakistan talk every tuesday, true or false')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    expect(concepts('india and pakistan talk every tuesday, right?')).toEqual(['india', 'pakistan', 'talk', 'tuesday']);
    // A judgement of an act, and "right" as a word of the claim, stay.
    expect(concepts('is it right to talk every tuesday')).toContain('right');
    expect(concepts('did india and pakistan talk right after tuesday')).toContain('right');
  });
  it('reads a two-digit year as the base writes it, where the words around it make it a year', () => {
    const years = buildIndex([{ text: 'The pact was signed on 25 May 1972; in 2010 a J-11 flew by, and in 2025 another.' }], aliases);
    const yearTypos = createTypoCorrector(years.vocabulary.keys(), () => 1);
    const terms = (q: string) => analyzeQuery(q, { index: years, aliases, typos: yearTypos }).concepts.map((c) => c.alts[0]!.term);
    expect(terms('who signed the 72 pact')).toContain('1972');
    expect(terms('was it signed in june 72')).toContain('1972');
    expect(terms('what happened on may 10')).toContain('10');
    // A day before its month is a day: "the 10 may call", "from 25 may".
    expect(terms('what was said in the 10 may call')).toContain('10');
    expect(terms('what was signed from 25 may')).toContain('25');
    expect(terms('what was signed from 25 may')).not.toContain('2025');
    expect(terms('what did the j-11 do')).toContain('11');
    expect(terms('was it signed in 85')).toContain('85');
  });
  it('joins a base word typed in two, when one part is no base word', () => {
    const joined = buildIndex([{ text: 'The hotline to the SecDef office was tested.' }], aliases);
    const joinedTypos = createTypoCorrector(joined.vocabulary.keys(), () => 1);
    const words = (q: string) => analyzeQuery(q, { index: joined, aliases, typos: joinedTypos }).concepts.map((c) => c.words.join(' '));
    expect(words('who called the sec def on the hot line')).toEqual(['called', 'secdef', 'hotline']);
    // Two base words stay two: "office tested" is no "officetested".
    expect(words('office tested')).toEqual(['office', 'tested']);
  });
});
