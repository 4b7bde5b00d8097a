import { describe, expect, it } from 'vitest';
import type { Answer, AnswerResult, Citation } from '../../src/answer/model';
import type { Entry } from '../../src/knowledge/schema';
import { citationLine, paginate, renderAnswer, renderQuotes, renderSources, renderTimeline, type Reply } from '../../src/bot/render';
import { embedLength } from '../../src/bot/discord-text';
import { messageProblems } from '../support/discord-stand-in';

// The renderer must produce messages Discord accepts whatever the answer holds: checked with the
// same limits the stand-in enforces (those of the real API), on ordinary and on extreme answers.

const sentence = (i: number) => `Sentence number ${i} describes a fictional event in some detail.`;

function fact(id: string, text: string, sources: string[], extra: Partial<Entry> = {}): Entry {
  return { kind: 'fact', id, text, topics: ['t'], sources, origin: { file: 'f.yaml', line: 1 }, ...extra } as Entry;
}

function answer(results: AnswerResult[], citations: Citation[], extra: Partial<Answer> = {}): Answer {
  return { question: 'What happened?', status: 'answered', mode: 'search', results, citations, related: [], knowledgeVersion: 'v1', ...extra };
}

function citation(n: number, long = false): Citation {
  return {
    n,
    id: `s${n}`,
    title: long ? `A very long [bracketed] source title ${'x'.repeat(200)} ${n}` : `Source ${n}`,
    publisher: long ? `Publisher ${'p'.repeat(100)}` : 'Publisher',
    published: '2001-02-03',
    url: long ? `https://example.org/${'a'.repeat(400)}(${n})` : `https://example.org/${n}`,
  };
}

function accepted(reply: Reply): void {
  const body = { content: reply.content, embeds: reply.embeds, components: reply.components };
  expect(messageProblems(body)).toBeUndefined();
  expect(reply.allowedMentions.parse).toEqual([]);
}

describe('renderAnswer', () => {
  it('leads with the answer: its own page with its sources; the next result is on the next page', () => {
    const a = answer(
      [
        { entry: fact('a', 'First fact.', ['x', 'y']), score: 1, citations: [1, 2] },
        { entry: fact('b', 'Second fact.', ['y', 'z']), score: 0.9, citations: [2, 3] },
      ],
      [
        { n: 1, id: 'x', title: 'X', publisher: 'PX', url: 'https://example.org/x' },
        { n: 2, id: 'y', title: 'Y', publisher: 'PY', published: '1999' },
        { n: 3, id: 'z', title: 'Z', publisher: 'PZ' },
      ],
    );
    const reply = renderAnswer(a, { key: 'k' });
    accepted(reply);
    const embed = reply.embeds[0]!;
    expect(embed.description).toBe('First fact. **[1][2]**');
    expect(embed.fields!.map((f) => f.name)).toEqual(['Sources']);
    expect(embed.fields![0]!.value.split('\n')).toEqual(['**[1]** [X](https://example.org/x) — PX', '**[2]** Y — PY, 1999']);
    const second = renderAnswer(a, { key: 'k', page: 1 }).embeds[0]!;
    expect(second.description).toBe('Second fact. **[2][3]**');
    expect(second.fields![0]!.value.split('\n')).toEqual(['**[2]** Y — PY, 1999', '**[3]** Z — PZ']);
  });

  it('shows a quote as a quote with speaker, role and date', () => {
    const quote = {
      kind: 'quote',
      id: 'q',
      text: 'Keep the line open.\nAlways.',
      speaker: 'A. Speaker',
      role: 'Minister',
      date: '2003-06-01',
      context: 'At a meeting.',
      topics: ['t'],
      sources: ['x'],
      origin: { file: 'f', line: 1 },
    } as Entry;
    const reply = renderAnswer(answer([{ entry: quote, score: 1, citations: [1] }], [citation(1)]), { key: 'k' });
    expect(reply.embeds[0]!.description).toBe('> Keep the line open.\n> Always.\n— **A. Speaker**, Minister, 1 June 2003 **[1]**\n*At a meeting.*');
  });

  it('shows a fact with reported_by as reported by the outlet, and a quote with quoted_in as quoted', () => {
    const copy: Citation = { n: 1, id: 'x', title: 'X', publisher: 'Blog *copy*', published: '2009-09-01', kind: 'reprint', reprintOf: 'Defense News' };
    const reported = fact('a', 'Defense News reported that a line was set up.', ['x'], { reported_by: 'x' } as Partial<Entry>);
    expect(renderAnswer(answer([{ entry: reported, score: 1, citations: [1] }], [copy]), { key: 'k' }).embeds[0]!.description).toBe(
      'Defense News reported that a line was set up. **[1]**\n*Reported by Defense News*',
    );
    const quote = {
      kind: 'quote',
      id: 'q',
      text: 'Words.',
      speaker: 'S',
      context: 'C.',
      topics: ['t'],
      sources: ['x'],
      quoted_in: 'x',
      origin: { file: 'f', line: 1 },
    } as Entry;
    expect(renderAnswer(answer([{ entry: quote, score: 1, citations: [1] }], [copy]), { key: 'k' }).embeds[0]!.description).toBe(
      '> Words.\n— **S**, as quoted in Blog \\*copy\\*, 1 September 2009 **[1]**\n*C.*',
    );
  });

  it('escapes markdown and breaks mentions in the echoed question', () => {
    const reply = renderAnswer(
      answer([{ entry: fact('a', 'A.', ['x']), score: 1, citations: [1] }], [citation(1)], {
        question: '@everyone <@&123456789012345678> **x** [y](https://evil.example)',
      }),
      { key: 'k' },
    );
    const title = reply.embeds[0]!.title!;
    expect(title).not.toMatch(/@everyone|<@&|\*\*x\*\*|\[y\]\(/);
    expect(title).toContain('@\u200beveryone');
  });

  it('allows exactly one mention when asked to address a user, and no other', () => {
    const reply = renderAnswer(answer([{ entry: fact('a', 'A.', ['x']), score: 1, citations: [1] }], [citation(1)]), {
      key: 'k',
      mention: '123456789012345678',
    });
    expect(reply.content).toBe('*Suggested for <@123456789012345678>:*');
    expect(reply.allowedMentions).toEqual({ parse: [], users: ['123456789012345678'] });
    const bogus = renderAnswer(answer([], []), { key: 'k', mention: 'everyone' });
    expect(bogus.allowedMentions).toEqual({ parse: [] });
  });

  it('keeps an extreme answer inside every limit, splitting long text at sentence ends', () => {
    const long = Array.from({ length: 120 }, (_, i) => sentence(i)).join(' '); // ~7,800 characters
    const citations = Array.from({ length: 30 }, (_, i) => citation(i + 1, true));
    const results = Array.from({ length: 9 }, (_, i) => ({
      entry: fact(
        `e${i}`,
        long,
        citations.map((c) => c.id),
      ),
      score: 1,
      citations: citations.map((c) => c.n),
    }));
    const a = answer(results, citations, { related: Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, label: 'x'.repeat(150) })) });
    const pages = paginate(a, { title: 't', color: 0, footer: 'f', leadInDescription: true, compactSources: true, perPage: 3 });
    expect(pages.flat()).toEqual(results); // every result on exactly one page
    for (let page = 0; page < pages.length; page++) {
      const reply = renderAnswer(a, { key: 'k', page });
      accepted(reply);
      expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(6000);
      for (const text of [reply.embeds[0]!.description ?? '', ...(reply.embeds[0]!.fields ?? []).map((f) => f.value)]) {
        // Split pieces end at a sentence end (or are the citation list); never mid-word.
        if (text.startsWith('Sentence')) expect(text).toMatch(/\.( \*\*\[[\d\]\[]+\*\*)?$|…$/);
      }
    }
  });

  it('renders did-you-mean buttons and an unknown answer within limits', () => {
    const unsure = answer(
      Array.from({ length: 3 }, (_, i) => ({ entry: fact(`e${i}`, 'y'.repeat(900), ['x']), score: 0.3, citations: [1] })),
      [citation(1)],
      { status: 'unsure' },
    );
    const reply = renderAnswer(unsure, { key: 'k' });
    accepted(reply);
    expect(reply.components[0]!.components.map((c: any) => c.custom_id)).toEqual(['ask:pick:k:e0', 'ask:pick:k:e1', 'ask:pick:k:e2']);
    accepted(renderAnswer(answer([], [], { status: 'unknown', question: 'q'.repeat(6000) }), { key: 'k' }));
  });

  it('keeps every custom_id within 100 characters with the longest ids', () => {
    const id = 'a'.repeat(64);
    const reply = renderAnswer(answer([{ entry: fact(id, 'A.', ['x']), score: 1, citations: [1] }], [citation(1)], { related: [{ id, label: 'L' }] }), {
      key: 'abcdefgh',
    });
    accepted(reply);
  });
});

describe('lists and sources', () => {
  it('pages a 200-entry timeline and quote list within the limits', () => {
    const citations = Array.from({ length: 200 }, (_, i) => citation(i + 1, i % 3 === 0));
    const results = citations.map((c, i) => ({
      entry: fact(`e${i}`, `${sentence(i)} ${'More words here. '.repeat(40)}`, [c.id], { date: String(1900 + (i % 100)) }),
      score: 1,
      citations: [c.n],
    }));
    const a = answer(results, citations, { mode: 'timeline' });
    let page = 0;
    let seen = 0;
    for (;;) {
      const reply = renderTimeline(a, { page, pagerPrefix: 'tl:p:topic:1900:2000', title: 'Timeline', empty: 'none' });
      accepted(reply);
      seen += reply.embeds[0]!.fields!.filter((f) => f.name !== 'Sources' && !f.name.startsWith('Sources')).length;
      const next = reply.components[0]?.components[1] as { disabled?: boolean } | undefined;
      if (!next || next.disabled) break;
      page++;
    }
    expect(seen).toBeGreaterThanOrEqual(200);
    accepted(renderQuotes(a, { page: 3, pagerPrefix: 'qt:page:k', title: 'Quotes', empty: 'none' }));
  });

  it('says so when a list is empty', () => {
    const reply = renderTimeline(answer([], [], { status: 'unknown' }), { pagerPrefix: 'tl:p:::', title: 'Timeline', empty: 'No dated events match.' });
    expect(reply.embeds[0]!.description).toBe('No dated events match.');
    expect(reply.components).toEqual([]);
  });

  it('lists many long sources without breaking the message', () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation(i + 1, true));
    const reply = renderSources(answer([], citations), { details: () => ({ archiveUrl: 'https://example.org/archive', note: 'n'.repeat(400) }) });
    accepted(reply);
    expect(reply.embeds[0]!.description).toContain('60 sources');
  });

  it('escapes brackets in titles and parentheses in URLs so links stay links', () => {
    expect(citationLine({ n: 4, id: 'x', title: 'A [draft] text', publisher: 'P', url: 'https://example.org/a_(b)' })).toBe(
      '**[4]** [A \\[draft\\] text](https://example.org/a_%28b%29) — P',
    );
  });
});

describe('renderAnswer: declined questions', () => {
  it('says why, shows what the record shows for an opinion, and stays within Discord limits', () => {
    const entry = fact('f1', 'The two sides signed the link agreement in 2008.', ['s1']);
    const a = answer([], [citation(1)], { status: 'unknown', declined: { reason: 'opinion' }, record: { entry, score: 0.8, citations: [1] } });
    const reply = renderAnswer(a, { key: 'k' });
    const description = reply.embeds[0]!.description ?? '';
    expect(description).toContain('does not give opinions');
    expect(description).toContain('What the record shows');
    expect(description).toContain('signed the link agreement in 2008');
    expect(messageProblems(reply)).toBeUndefined();
  });
  it('says it has no quotes by the person asked about', () => {
    const reply = renderAnswer(answer([], [], { status: 'unknown', declined: { reason: 'no-quotes', speaker: 'Putin' } }), { key: 'k' });
    expect(reply.embeds[0]!.description).toContain('I have no quotes by Putin.');
  });
});
