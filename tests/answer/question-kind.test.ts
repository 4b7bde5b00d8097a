import { describe, expect, it } from 'vitest';
import { asksGoesOn, questionKind } from '../../src/answer/question-kind';
import { speakerAsked } from '../../src/answer/speaker';
import { tokenize } from '../../src/search/normalize';
import { readIntent } from '../../src/search/query';

const kind = (q: string) => questionKind(tokenize(q), readIntent(tokenize(q), q), 2026, q);

describe('questionKind', () => {
  it.each([
    ['was the 2023 balloon shootdown a mistake', 'opinion'],
    // "By mistake" says how something happened, not what to think of it.
    ['is there a line to stop the two forces clashing by mistake', 'fact'],
    ['is austin doing a good job', 'opinion'],
    ['who is to blame for the 2022 freeze', 'opinion'],
    ['should the us trust china', 'opinion'],
    ['can the us trust the pla', 'opinion'],
    ['what do you think of the mmca', 'opinion'],
    ['will china agree to restart talks', 'prediction'],
    ['what will the next round decide', 'prediction'],
    ['is the hotline going to be cut again', 'prediction'],
    // A verb closing the question after "going to": a forecast; a place after it is a trip ("going to beijing with trump").
    ['is the ceasefire from may 2025 going to hold', 'prediction'],
    ['is hegseth going to beijing with trump', 'fact'],
    ['could the us russia military dialogue collapse again this year', 'prediction'],
    ['what happens to the mmca in 2030', 'prediction'],
    ['where will the us and china meet in 2030', 'prediction'],
    ['will there be a summit next year', 'prediction'],
    ['next shangri-la dialogue, will dong jun show up', 'prediction'],
    ['is a war coming between the us and china', 'prediction'],
    ['is a war with china coming', 'prediction'],
    ['does the mmca even do anything', 'opinion'],
    ['hotline better than email?', 'opinion'],
    ['was the hotline worth building', 'opinion'],
    ['are the chinese lying about the balloon', 'opinion'],
    ['did the us overreact to the ep-3 collision', 'opinion'],
    ['is the hotline just for show', 'opinion'],
    ['does china actually want military talks', 'opinion'],
    ['which is more useful, the dtl or the mmca', 'opinion'],
    ['how should the us respond if china blockades taiwan', 'opinion'],
    ['what should beijing have done after the collision', 'opinion'],
    ['how long until the hotline gets used again', 'prediction'],
    ['could the dialogue collapse again this year', 'prediction'],
    // A hypothetical asks for a forecast too; "what if the cable broke — was there a spare" asks what was in place.
    ['how would a war over taiwan start', 'prediction'],
    ['what would happen if the hotline went down in a crisis', 'prediction'],
    ['what if the cable to moscow broke, was there a spare radio link', 'fact'],
    ['what would austin have said if dong had called', 'prediction'],
    ['what did austin say he would have done', 'fact'],
    ['was biden too soft on xi at woodside?', 'opinion'],
    ['who was the better secdef, austin or hegseth', 'opinion'],
    ['is the dod right that china uses channels to punish', 'opinion'],
    ['is renaming it a good move', 'opinion'],
    // A verdict on a person or a deal, on blame, on whether it matters or was only for show.
    ["who's really at fault for the 2001 plane crash", 'opinion'],
    ['was kennedy a good president', 'opinion'],
    ['is trump good for us china relations', 'opinion'],
    ['was the 1972 incsea deal a big win', 'opinion'],
    ['was shooting down the balloon an overreaction', 'opinion'],
    ['was it wrong for china to cancel the talks', 'opinion'],
    ['does the us deserve the blame for the freeze', 'opinion'],
    ['does the hotline actually matter', 'opinion'],
    ['are these talks just theater', 'opinion'],
    ['would it be smarter to just cut all contact', 'opinion'],
    // Whether something works, or was the right call, asks for a verdict; how it worked asks for facts.
    ['was cutting the lines in 2022 the right call', 'opinion'],
    ['is hegseth any good at his job', 'opinion'],
    ['does the india pakistan hotline work well', 'opinion'],
    ['do these hotlines even work', 'opinion'],
    ['was it a red phone, or how did it really work', 'fact'],
    ['did the hotline work in 1967', 'fact'],
    ['how reliable is the moscow washington hotline today', 'opinion'],
    ['how effective was the mmca', 'opinion'],
    ['how long was the 1963 teletype link', 'fact'],
    ['how do i call the pentagon', 'advice'],
    ['best vpn to use in china?', 'advice'],
    ['should i learn chinese', 'advice'],
    ['hi bot', 'chat'],
    ['thanks!', 'chat'],
    ['who are you', 'chat'],
    ["who's gonna replace the defense minister", 'prediction'],
    ['what should i major in to work at the pentagon', 'advice'],
    ['what time is it in helsinki', 'chat'],
  ])('%s → %s', (q, k) => expect(kind(q)).toBe(k));
  it.each([
    'when was the moscow washington hotline set up',
    'was that red phone a real thing or just from the movies',
    'is it true the ceasefire has no end date',
    'why does the pentagon think beijing turns contacts on and off',
    'did biden and xi agree that ai should never control nuclear launch decisions',
    'when will the next mmca meeting be held',
    'where will trump and xi meet in may 2026',
    'what did hegseth say about relations never being better',
    'what happened in 2025',
    'what time did the guns go quiet between india and pakistan',
    'what should the hotline be used for, according to the 1963 memorandum',
    'is there another maritime consultative meeting coming up in 2026',
    'after kl were there more talks coming according to hegseth',
    'which official claimed ties were the best ever',
    'who had the defense minister job right before dong jun',
    'is there a good summary of the 1972 incsea deal',
  ])('%s → fact', (q) => expect(kind(q)).toBe('fact'));
});

describe('asksGoesOn', () => {
  it.each([
    ['will the navy talks continue next year', true],
    ['will the defense talks resume in 2027', true],
    ['will the summit go ahead next year', true],
    ['will the next mmca working group agree on anything new', false],
    ['will the summit lead to a new hotline by the end of the year', false],
    ['did the talks continue in 2024', false],
  ])('%s → %s', (q, goesOn) => expect(asksGoesOn(tokenize(q))).toBe(goesOn));
});

describe('speakerAsked', () => {
  const asked = (q: string) => speakerAsked(tokenize(q));
  it('finds the person whose words are asked for', () => {
    expect(asked('what did putin say about nato')).toEqual({ name: ['putin'], words: true, titled: false });
    expect(asked('what did dong jun warn hegseth about')).toEqual({ name: ['dong', 'jun'], words: true, titled: false });
    expect(asked('what did johnson and kosygin talk about')).toEqual({ name: ['johnson', 'and', 'kosygin'], words: true, titled: false });
    expect(asked('obama quote on military channels')).toEqual({ name: ['obama'], words: true, titled: false });
    expect(asked('what did pelosi actually say in taipei')).toEqual({ name: ['pelosi'], words: true, titled: false });
    expect(asked('did hegseth say relations have never been better')).toEqual({ name: ['hegseth'], words: false, titled: false });
    expect(asked('did gen gerasimov ever comment on the deal')).toEqual({ name: ['gerasimov'], words: true, titled: true });
    // "Say anything", "talk about", "comment on" ask for the words; "say that…", "say relations…" test a claim.
    expect(asked('did gorbachev say anything when the centers opened')).toEqual({ name: ['gorbachev'], words: true, titled: false });
    expect(asked('did grandpa say that the line was red')).toEqual({ name: ['grandpa'], words: false, titled: false });
  });
  it('leaves descriptions and pronouns alone', () => {
    expect(asked('what did the chinese navy say')).toBeUndefined();
    expect(asked('what did he say')).toBeUndefined();
    expect(asked('my cousin says the deal was short')).toBeUndefined();
    expect(asked('when was the hotline set up')).toBeUndefined();
  });
  it('reads "talk to Y" as a conversation and a bare verb form after a name as another word', () => {
    expect(asked('did gen brown talk to his chinese counterpart')).toBeUndefined();
    expect(asked('brown talked with liu in december')).toBeUndefined();
    expect(asked('trump state visit beijing may 2026')).toBeUndefined();
    // The claim shapes still read.
    expect(asked('campbell said china resisted')).toEqual({ name: ['campbell'], words: false, titled: false });
    expect(asked('kirby stated the line was used')).toEqual({ name: ['kirby'], words: false, titled: false });
  });
});
