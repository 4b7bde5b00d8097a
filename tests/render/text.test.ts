import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine';
import type { Answer } from '../../src/answer/model';
import { renderText } from '../../src/render/text';
import { fixtureBase } from '../answer/fixture';

const engine = createEngine(fixtureBase());

describe('renderText', () => {
  it('marks citations as footnotes and lists the sources', () => {
    const text = renderText(engine.ask('hotline-operational-1963'));
    expect(text).toContain('went into service on 30 August 1963. [1][2]');
    expect(text).toMatch(/Sources:\n {2}\[1\] Editorial Note — U\.S\. Department of State, Office of the Historian\. https:\/\/history\.state\.gov/);
    expect(text).toContain('  [2] Memorandum of Understanding');
  });
  it('shows a quote as a quote with speaker, role and date', () => {
    const text = renderText(engine.ask('gates-hotline-quote-2007'));
    expect(text).toContain('“These hotlines are established principally');
    expect(text).toContain('— Robert M. Gates, U.S. Secretary of Defense, 2007-06-02');
    expect(text).toContain('Shangri-La Dialogue');
  });
  it('says plainly that it does not know, and suggests topics', () => {
    const text = renderText(engine.ask('who won the 2022 world cup'), { topics: ['Hotlines and direct links'] });
    expect(text).toContain("I don't know");
    expect(text).toContain('Hotlines and direct links');
  });
  it('lists did-you-mean entries when unsure', () => {
    const base = engine.ask('hotline-mou-1963');
    const unsure: Answer = { ...base, status: 'unsure', related: [] };
    const text = renderText(unsure);
    expect(text).toContain('Did you mean');
    expect(text).toContain('1. 1963-06-20: The U.S.–Soviet memorandum');
    expect(text).toContain('(ask: hotline-mou-1963)');
  });
  it('heads a timeline', () => {
    expect(renderText(engine.ask('1963'))).toMatch(/^Timeline \(2 dated entries, oldest first\):/);
  });
});
