import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { renderJson } from '../../src/render/json';
import { renderText } from '../../src/render/text';
import { fixtureBase, smallBase } from './fixture';

// The engine's new refusals, on the small fixture base (two hotline facts, two U.S.–China agreements, a Gates
// quote): each says why, and each flips to an answer with its check switched off.

const engine = createEngine(fixtureBase());

describe('opinion and prediction questions', () => {
  it('never answers an opinion, and shows the entry that bears on it as the record', () => {
    const q = 'was signing the defense telephone link agreement in shanghai in 2008 a mistake';
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.results).toEqual([]);
    expect(a.declined).toEqual({ reason: 'opinion' });
    expect(a.record?.entry.id).toBe('dtl-2008');
    expect(a.citations.length).toBeGreaterThan(0);
    const text = renderText(a);
    expect(text).toContain('does not give opinions');
    expect(text).toContain('What the record shows');
    expect(text).toContain('Defense Telephone Link (DTL) in Shanghai');
    expect(JSON.parse(renderJson(a))).toMatchObject({ status: 'unknown', results: [], declined: { reason: 'opinion' }, record: { id: 'dtl-2008' } });
    expect(createEngine(fixtureBase(), { disable: ['opinion'] }).ask(q).status).toBe('answered');
  });
  it('never answers a forecast', () => {
    const q = 'will the us and china sign a new defense telephone link agreement in 2031';
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.declined).toEqual({ reason: 'prediction' });
    expect(renderText(a)).toContain('does not make forecasts');
    expect(createEngine(fixtureBase(), { disable: ['prediction'] }).ask(q).status).not.toBe('unknown');
  });
  it('still answers a factual question about the same thing', () => {
    expect(engine.ask('when did the us and china sign the defense telephone link agreement').status).toBe('answered');
  });
});

describe('speakers', () => {
  it("says it has no quotes by a person it has none by, rather than give another speaker's words", () => {
    const q = 'what did putin say about hotlines avoiding misunderstanding and miscalculations';
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.declined).toEqual({ reason: 'no-quotes', speaker: 'Putin' });
    expect(renderText(a)).toContain('I have no quotes by Putin.');
    const lax = createEngine(fixtureBase(), { disable: ['speaker'] }).ask(q);
    expect(lax.status).not.toBe('unknown');
    expect(lax.results[0]!.entry.id).toBe('gates-hotline-quote-2007');
  });
  it('reads a name the base never uses as a speaker even when one of its words typo-matches an alias ("marco" → March)', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: talks-march',
      '    text: In March 2024 U.S. and Chinese officers held military talks in Hawaii on maritime safety.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const a = createEngine(base).ask('what did marco rubio say about china military talks');
    expect(a.status).toBe('unknown');
    expect(a.declined).toEqual({ reason: 'no-quotes', speaker: 'Marco Rubio' });
  });
  it('answers with the quote of the speaker asked about', () => {
    const a = engine.ask('what did gates say about hotlines avoiding misunderstanding');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.entry.id).toBe('gates-hotline-quote-2007');
  });
});

describe('named things', () => {
  it('declines a country the base never mentions', () => {
    const q = 'when did the vietnamese washington moscow hotline go into service';
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.declined).toEqual({ reason: 'unknown-names', names: ['Vietnam'] });
    expect(renderText(a)).toContain('nothing on Vietnam');
    expect(createEngine(fixtureBase(), { disable: ['unknown-names', 'named-things', 'pair'] }).ask(q).status).toBe('answered');
  });
  it('declines a system designator the base never writes', () => {
    const q = 'when did the us and china sign the df-21 agreement in beijing';
    expect(engine.ask(q).status).toBe('unknown');
    expect(engine.ask(q).declined).toEqual({ reason: 'unknown-names', names: ['df-21'] });
    expect(createEngine(fixtureBase(), { disable: ['unknown-names'] }).ask(q).status).toBe('answered');
  });
  it('declines a force, unit, system, event or titled person the base never names, and a plural designator', () => {
    for (const [q, name] of [
      ['when did the us and china sign the defense telephone link for the fujian carrier', 'fujian'],
      ['did the seventh fleet use the defense telephone link with china', 'seventh'],
      ['did the 82nd airborne use the defense telephone link with china', '82nd'],
      ['when did the us and china sign the defense telephone link for F-35s', 'F-35'],
      ['was the thaad system part of the defense telephone link agreement with china', 'thaad'],
      ['did the doklam standoff lead to the defense telephone link with china', 'doklam'],
      ['did the us and china sign the defense telephone link after talks with minister brezhnikov', 'brezhnikov'],
    ]) {
      expect(engine.ask(q!).declined, q).toEqual({ reason: 'unknown-names', names: [name] });
      expect(createEngine(fixtureBase(), { disable: ['unknown-names'] }).ask(q!).declined, q).toBeUndefined();
    }
  });
  it('declines a compass word the base never puts before a name it puts another one before', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: vtc',
      '    text: Adm. Paparo held a video call with the commander of the PLA Southern Theater Command in September 2024.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '  - id: korea',
      '    text: The inter-Korean military line on the eastern side of the peninsula was restored in 2018.',
      '    topics: [us-china]',
      '    sources: [s1]',
      '  - id: west',
      '    text: The western inter-Korean military line was restored in July 2018.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const small = createEngine(base);
    const q = 'did paparo hold a video call with the pla eastern theater command in september 2024';
    expect(small.ask(q).declined).toEqual({ reason: 'unknown-names', names: ['eastern theater'] });
    expect(createEngine(base, { disable: ['unknown-names'] }).ask(q).status).toBe('answered');
    // The name the base gives, shortened ("the southern command"), and a compass word the base puts near the name.
    expect(small.ask('did paparo hold a video call with the pla southern command in september 2024').status).toBe('answered');
    expect(small.ask('when was the eastern inter-korean military line restored').results[0]?.entry.id).toBe('korea');
  });
  it('declines a name read as a typo of a word the base never puts before the same head', () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: dtl',
      '    text: In 2008 the U.S. and China agreed on a standing defense telephone link; the Liaoning carrier was not yet in service.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const small = createEngine(base);
    // "shandong" is read as "standing", but the base has no "standing carrier".
    const q = 'did the shandong carrier ever use the defense telephone link with the us';
    expect(small.ask(q).declined).toEqual({ reason: 'unknown-names', names: ['shandong'] });
    expect(createEngine(base, { disable: ['unknown-names'] }).ask(q).declined).toBeUndefined();
    // A slip in a name the base puts before the head is a slip.
    expect(small.ask('did the liaonig carrier ever use the defense telephone link with the us').declined).toBeUndefined();
  });
  it("declines a unit named by a known word the base never puts before the unit's head", () => {
    const base = smallBase('us-china', 'U.S.–China military channels', [
      '  - id: dtl',
      '    text: In 2008 the U.S. and China set up a defense telephone link that the PLA Rocket Force could also use for support.',
      '    topics: [us-china]',
      '    sources: [s1]',
    ]);
    const q = 'could the pla support force use the defense telephone link set up in 2008';
    expect(createEngine(base).ask(q).declined).toEqual({ reason: 'unknown-names', names: ['support force'] });
    expect(createEngine(base, { disable: ['unknown-names'] }).ask(q).declined).toBeUndefined();
    expect(createEngine(base).ask('could the pla rocket force use the defense telephone link set up in 2008').declined).toBeUndefined();
  });
  it('declines a question whose subject (the word after its auxiliary) the base never uses', () => {
    const q = 'has brezhnikov used the defense telephone link with china';
    expect(engine.ask(q).declined).toEqual({ reason: 'unknown-names', names: ['brezhnikov'] });
    expect(createEngine(fixtureBase(), { disable: ['unknown-names'] }).ask(q).declined).toBeUndefined();
    // "Did grandpa say…" asks whether a claim is true, whoever made it.
    expect(engine.ask('did grandpa say the defense telephone link was set up in shanghai in 2008').declined).toBeUndefined();
  });
  it('does not give an entry that leaves out a country the question names', () => {
    // The Moscow hotline entries do not involve China.
    const q = 'when did the washington moscow hotline with china go into service';
    expect(engine.ask(q).status).not.toBe('answered');
    expect(createEngine(fixtureBase(), { disable: ['named-things'] }).ask(q).status).toBe('answered');
  });
});

describe('small talk and advice', () => {
  it('says what Hotline is for', () => {
    const a = engine.ask('hi bot, thanks!');
    expect(a.status).toBe('unknown');
    expect(a.declined).toEqual({ reason: 'chat' });
    expect(engine.ask('how do i set up a hotline with my friend in shanghai').declined).toEqual({ reason: 'advice' });
  });
});
