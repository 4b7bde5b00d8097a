import { describe, expect, it } from 'vitest';
import { formatAttributed, formatDiagnostic, countKnowledge, formatRuleCounts, formatSourceKinds } from '../../src/knowledge/format';
import { parseKnowledgeText, type ParsedFile } from '../../src/knowledge/parse';
import type { Entry, Source } from '../../src/knowledge/schema';
import {
  brokenHost,
  countRuleFindings,
  dateAfterToday,
  dayRange,
  entryWithoutSupportingSource,
  nameSpelledTwoWays,
  namesUsed,
  outletNames,
  pastPlan,
  personKey,
  quoteOnCopiesOnly,
  reportNotNamingOutlet,
  reprintWithoutOriginal,
  ruleFindings,
  sourcePublishedAfterToday,
  type RuleContext,
} from '../../src/knowledge/source-rules';
import { validateKnowledge } from '../../src/knowledge/validate';

const origin = { file: 'f.yaml', line: 1 };
const source = (id: string, fields: Partial<Source> = {}): Source => ({ id, kind: 'press', title: 'T', publisher: 'P', url: 'https://example.org/', ...fields });
const fact = (fields: Partial<Entry & { kind: 'fact' }> = {}): Entry => ({ kind: 'fact', id: 'f', text: 'A fact.', topics: ['t'], sources: ['s'], origin, ...fields });
const quote = (fields: Partial<Entry & { kind: 'quote' }> = {}): Entry => ({
  kind: 'quote',
  id: 'q',
  text: 'Words.',
  speaker: 'Someone',
  context: 'Said somewhere.',
  topics: ['t'],
  sources: ['s'],
  origin,
  ...fields,
});
const ctx = (...sources: Source[]): RuleContext => ({ today: '2026-12-02', sources: new Map(sources.map((s) => [s.id, s])) });

describe('source rules', () => {
  it('reads a partial date as the span of days it can mean', () => {
    expect(dayRange('2026')).toEqual({ first: '2026-01-01', last: '2026-12-31' });
    expect(dayRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(dayRange('2025-05-18')).toEqual({ first: '2025-05-18', last: '2025-05-18' });
  });

  it('warns on an entry with no official, press or analysis source', () => {
    expect(entryWithoutSupportingSource(fact({ sources: ['a', 'b'] }), ctx(source('a', { kind: 'reprint' }), source('b', { kind: 'reference' })))).toEqual([
      expect.objectContaining({ field: 'sources', message: expect.stringContaining('(its sources are: reprint, reference)') }),
    ]);
    for (const kind of ['official', 'press', 'analysis'] as const) {
      expect(entryWithoutSupportingSource(fact({ sources: ['a', 's'] }), ctx(source('a', { kind: 'state-media' }), source('s', { kind })))).toEqual([]);
    }
  });

  it('counts an entry shown as reported or as quoted as attributed, not as unsupported', () => {
    const copies = ctx(source('a', { kind: 'reprint', reprint_of: 'AFP' }));
    expect(entryWithoutSupportingSource(fact({ sources: ['a'], reported_by: 'a' }), copies)).toEqual([]);
    expect(entryWithoutSupportingSource(quote({ sources: ['a'], quoted_in: 'a' }), copies)).toEqual([]);
    expect(entryWithoutSupportingSource(fact({ sources: ['a'] }), copies)).toHaveLength(1);
    expect(entryWithoutSupportingSource(quote({ sources: ['a'] }), copies)).toHaveLength(1);
  });

  it('warns on a quote whose only sources are reprints or references, not on a fact', () => {
    const copies = ctx(source('s', { kind: 'reprint' }), source('r', { kind: 'reference' }));
    expect(quoteOnCopiesOnly(quote({ sources: ['s', 'r'] }), copies)).toHaveLength(1);
    expect(quoteOnCopiesOnly(fact({ sources: ['s', 'r'] }), copies)).toEqual([]);
    expect(quoteOnCopiesOnly(quote({ sources: ['s', 'p'] }), ctx(source('s', { kind: 'reprint' }), source('p', { kind: 'press' })))).toEqual([]);
    expect(quoteOnCopiesOnly(quote({ sources: ['s', 'r'], quoted_in: 's' }), copies)).toEqual([]); // shown "as quoted in", not as verified
  });

  it('reads the names an outlet goes by from its publisher and reprint_of', () => {
    expect(outletNames(source('s', { publisher: 'Defense News (Wendell Minnick)', reprint_of: 'Defense News' }))).toEqual(['Defense News (Wendell Minnick)', 'Defense News', 'Wendell Minnick']);
    expect(outletNames(source('s', { publisher: 'Reprint of Global Times', reprint_of: 'Global Times' }))).toEqual(['Global Times']);
  });

  it('warns on a fact shown as reported whose text does not name the outlet', () => {
    const sources = ctx(source('m', { kind: 'reprint', publisher: 'ClearSignal (summary of South China Morning Post)', reprint_of: 'South China Morning Post' }), source('p'));
    const reported = (text: string) => reportNotNamingOutlet(fact({ text, sources: ['m', 'p'], reported_by: 'm' }), sources);
    expect(reported('The South China Morning Post reported that the minister flew to Beijing.')).toEqual([]);
    expect(reported('According to ClearSignal, the minister flew to Beijing.')).toEqual([]);
    expect(reported('The minister flew to Beijing.')).toEqual([
      {
        field: 'text',
        message: 'the fact is shown as reported by "ClearSignal (summary of South China Morning Post)" (reported_by), but its text does not name that outlet: write it as "South China Morning Post reported that …"',
      },
    ]);
    expect(reportNotNamingOutlet(fact({ text: 'The minister flew to Beijing.', sources: ['p'] }), sources)).toEqual([]); // not shown as reported
  });

  it('warns on a date after today, counting a partial date from its first day', () => {
    expect(dateAfterToday(fact({ date: '2026-12-03' }), ctx())).toEqual([{ field: 'date', message: 'date 2026-12-03 is after today (2026-12-02): check the date' }]);
    expect(dateAfterToday(fact({ date: '2026-12' }), ctx())).toEqual([]);
    expect(dateAfterToday(fact({ date: '2026-12-01', end_date: '2027-01-05' }), ctx())).toEqual([expect.objectContaining({ field: 'end_date' })]);
    expect(sourcePublishedAfterToday(source('s', { published: '2027' }), ctx())).toEqual([expect.objectContaining({ field: 'published' })]);
    expect(sourcePublishedAfterToday(source('s', { published: '2026-12-02' }), ctx())).toEqual([]);
  });

  it('warns on a plan or schedule whose date has passed, and not before', () => {
    const past = (text: string, date: string) => pastPlan(fact({ text, date }), ctx());
    expect(past('The summit was scheduled for 14–15 May.', '2026-05-15')).toEqual([
      { field: 'text', message: 'the text says "scheduled" but its date (2026-05-15) has passed: say what happened (or that it is not known whether it happened)' },
    ]);
    expect(past('A further meeting was planned.', '2025-11')).toHaveLength(1);
    expect(past('Talks will be held in Beijing.', '2026-03-01')).toHaveLength(1);
    expect(past('The centre is to open in spring.', '2026-04-01')).toHaveLength(1);
    expect(past('The summit was scheduled for December.', '2026-12')).toEqual([]); // the month is not over
    expect(past('The code for unplanned encounters was approved.', '2014-04-22')).toEqual([]); // a word, not a plan
    expect(pastPlan(fact({ text: 'It was scheduled.' }), ctx())).toEqual([]); // no date to judge by
    expect(pastPlan(quote({ text: 'Talks are scheduled.', date: '2020' }), ctx())).toEqual([]); // a quote keeps its words
  });

  it('warns on a host ending in "." and on a bare IP address', () => {
    expect(brokenHost(source('s', { url: 'https://history.state.gov./a' }))).toEqual([
      { field: 'url', message: 'the address\'s host "history.state.gov." ends in ".": remove the trailing dot' },
    ]);
    expect(brokenHost(source('s', { url: 'http://161.35.110.226/x', archive_url: 'http://[2001:db8::1]/y' })).map((f) => f.field)).toEqual(['url', 'archive_url']);
    expect(brokenHost(source('s', { url: 'https://history.state.gov/a' }))).toEqual([]);
  });

  it('warns on a reprint that does not name its original', () => {
    expect(reprintWithoutOriginal(source('s', { kind: 'reprint' }))).toHaveLength(1);
    expect(reprintWithoutOriginal(source('s', { kind: 'reprint', reprint_of: 'Associated Press' }))).toEqual([]);
  });

  it('warns on a person written two ways, but not on a change of rank', () => {
    expect(personKey('Robert M. Gates')).toBe(personKey('Robert Gates'));
    expect(personKey('Lloyd J. Austin III')).toBe(personKey('Lloyd Austin'));
    expect(personKey('U.S. Joint Chiefs of Staff')).not.toBe(personKey('Joint Chiefs of Staff'));
    const entries = [
      quote({ id: 'a', speaker: 'Robert Gates' }),
      fact({ id: 'b', involved: ['Adm. Dong Jun', 'Robert M. Gates'], origin: { file: 'g.yaml', line: 7 } }),
      quote({ id: 'c', speaker: 'Dong Jun' }),
      quote({ id: 'd', speaker: 'Robert Gates' }),
    ];
    expect(nameSpelledTwoWays(namesUsed(entries)).map(({ use, finding }) => [use.entry.id, finding])).toEqual([
      ['b', { field: 'involved[1]', message: '"Robert M. Gates" is written "Robert Gates" at f.yaml:1 ("a"): write the name the same way everywhere' }],
    ]);
  });
});

describe('the rules in the validation path', () => {
  const files: Record<string, string> = {
    'k.yaml': `topics:
  - id: t
    name: T
sources:
  - id: mirror
    kind: reprint
    reprint_of: Associated Press
    title: T
    publisher: P
    url: https://mirror.example./a
  - id: wire
    kind: press
    title: T
    publisher: P
    url: https://example.org/b
facts:
  - id: summit
    text: The summit was scheduled for May.
    date: 2026-05
    topics: [t]
    sources: [wire]
  - id: copied
    text: A fact seen only in a mirror.
    topics: [t]
    sources: [mirror]
`,
  };
  const run = (today: string) => {
    const parsed = Object.entries(files).map(([name, text]) => parseKnowledgeText(name, text).parsed!) as ParsedFile[];
    return validateKnowledge(parsed, new Map(Object.entries(files)), { now: () => new Date(`${today}T12:00:00Z`) });
  };

  it('names file, line and field, and takes today from the injected clock', () => {
    expect(run('2026-12-02').diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'k.yaml:10:10: warning: "mirror" field url: the address\'s host "mirror.example." ends in ".": remove the trailing dot',
      'k.yaml:18:11: warning: "summit" field text: the text says "scheduled" but its date (2026-05) has passed: say what happened (or that it is not known whether it happened)',
      'k.yaml:25:14: warning: "copied" field sources: no official, press or analysis source supports this fact (its sources are: reprint): cite a government, wire, newspaper or think-tank page that says it, or write it as "<outlet> reported that …"',
    ]);
    expect(run('2026-05-20').diagnostics.map((d) => d.id)).toEqual(['mirror', 'copied']);
  });

  it('counts the findings of each rule on the base, zeros included, for kb:check', () => {
    const { base } = run('2026-12-02');
    const counts = countRuleFindings(ruleFindings(base!.entries, [...base!.sources.values()], '2026-12-02'));
    expect(formatRuleCounts(counts)).toEqual([
      '   1  entries without an official, press or analysis source',
      '   0  quotes resting only on reprints or references',
      '   0  facts shown as reported whose text does not name the outlet',
      '   0  entry dates after today',
      '   1  plans whose date has passed',
      '   0  reprints not naming the original',
      '   1  addresses with a broken host (trailing dot or bare IP)',
      '   0  sources published after today',
      '   0  names written two ways',
    ]);
    expect(countRuleFindings(ruleFindings(base!.entries, [...base!.sources.values()], '2026-05-20')).find((c) => c.id === 'past-plan')?.count).toBe(0);
  });

  it('counts sources by kind for kb:check', () => {
    const { base } = run('2026-12-02');
    const counts = countKnowledge(base!);
    expect(counts.sourcesByKind).toEqual({ official: 0, press: 1, analysis: 0, reference: 0, 'state-media': 0, reprint: 1 });
    expect(formatSourceKinds(counts.sourcesByKind)).toBe('sources by kind: official 0, press 1, analysis 0, reference 0, state-media 0, reprint 1');
  });
});

describe('entries shown as reported or as quoted', () => {
  const file = (factFields: string, quoteFields = '') => `topics:
  - id: t
    name: T
sources:
  - id: copy
    kind: reprint
    reprint_of: Defense News
    title: T
    publisher: Defense News (reposted)
    url: https://copy.example.org/a
facts:
  - id: reported
    text: Defense News reported that a line was set up.
    topics: [t]
    sources: [copy]
${factFields}
quotes:
  - id: words
    text: Keep the line open.
    speaker: Someone
    role: Minister
    context: Said somewhere.
    topics: [t]
    sources: [copy]
${quoteFields}
`;
  const run = (text: string) => validateKnowledge([parseKnowledgeText('k.yaml', text).parsed!] as ParsedFile[], new Map([['k.yaml', text]]), { now: () => new Date('2026-12-02T12:00:00Z') });

  it('takes reported_by and quoted_in as attributed: no unsupported-source warning, counted for kb:check', () => {
    const { base, diagnostics } = run(file('    reported_by: copy', '    quoted_in: copy'));
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(countKnowledge(base!).attributed).toEqual({ reported: 1, quoted: 1 });
    expect(formatAttributed(countKnowledge(base!).attributed)).toBe('shown as attributed, not as established: 1 fact as reported (reported_by), 1 quote as quoted (quoted_in)');
  });

  it('still warns on the same entries without the fields', () => {
    const { base, diagnostics } = run(file(''));
    expect(diagnostics.map((d) => [d.id, d.message.split(' (')[0]!.split(':')[0]])).toEqual([
      ['reported', 'no official, press or analysis source supports this fact'],
      ['words', 'no official, press or analysis source supports this quote'],
      ['words', 'the only sources of this quote are reprints or reference copies'],
    ]);
    expect(formatAttributed(countKnowledge(base!).attributed)).toBe('shown as attributed, not as established: 0 facts as reported (reported_by), 0 quotes as quoted (quoted_in)');
  });

  it('refuses a reported_by that is not one of the fact\'s sources, at its line', () => {
    const { base, diagnostics } = run(file('    reported_by: other'));
    expect(base).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual([
      'k.yaml:16:18: error: "reported" field reported_by: reported_by names "other", which is not one of this fact\'s sources: list it under sources too',
    ]);
  });
});
