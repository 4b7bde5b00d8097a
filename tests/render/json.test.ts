import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import { renderJson, toJsonAnswer } from '../../src/render/json';
import { fixtureBase } from '../answer/fixture';

const engine = createEngine(fixtureBase());

describe('JSON contract', () => {
  it('has exactly the contract fields, in order', () => {
    const j = toJsonAnswer(engine.ask('hotline-operational-1963'));
    expect(Object.keys(j)).toEqual(['question', 'status', 'results']);
    expect(Object.keys(j.results[0]!)).toEqual(['id', 'kind', 'text', 'date', 'score', 'sources']);
    expect(j.results[0]!.sources[0]).toEqual({
      id: 'frus-1964-68-v14-d217',
      title: 'Editorial Note',
      publisher: 'U.S. Department of State, Office of the Historian',
      url: 'https://history.state.gov/historicaldocuments/frus1964-68v14/d217',
    });
  });
  it('adds speaker for quotes and published when the source has it', () => {
    const j = toJsonAnswer(engine.ask('gates-hotline-quote-2007'));
    expect(Object.keys(j.results[0]!)).toEqual(['id', 'kind', 'text', 'speaker', 'date', 'score', 'sources']);
    expect(j.results[0]).toMatchObject({ kind: 'quote', speaker: 'Robert M. Gates', date: '2007-06-02' });
    expect(j.results[0]!.sources[0]).toMatchObject({ id: 'afps-gates-2007', published: '2007-06-02' });
  });
  it('leaves out url when a source has none', () => {
    const j = toJsonAnswer(engine.ask('dtl-2008'));
    expect(j.results[0]!.sources[0]).toEqual({
      id: 'tias-dtl-2008',
      title: 'Telecommunication: Defense Telephone Link',
      publisher: 'U.S. Department of State',
    });
  });
  it('gives an empty results list when unknown', () => {
    expect(toJsonAnswer(engine.ask('who won the 2022 world cup'))).toEqual({ question: 'who won the 2022 world cup', status: 'unknown', results: [] });
  });
  it('keeps scores within 0..1', () => {
    for (const r of toJsonAnswer(engine.ask('china defense hotline')).results) expect(r.score >= 0 && r.score <= 1).toBe(true);
  });
  it('is one line, whatever the question holds', () => {
    const line = renderJson(engine.ask('line one\nline two\r\n"quoted"'));
    expect(line.includes('\n')).toBe(false);
    expect(JSON.parse(line).question).toBe('line one\nline two\r\n"quoted"');
  });
});
