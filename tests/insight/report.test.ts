import { describe, expect, it } from 'vitest';
import type { GapRow } from '../../src/insight/api';
import { csvField, gapsAsCsv, gapsAsText } from '../../src/insight/report';

const row = (over: Partial<GapRow> = {}): GapRow => ({
  question: 'Who runs the hotline?',
  count: 3,
  lastAsked: '2026-11-20T10:15:00.000Z',
  status: 'unknown',
  examples: [],
  ...over,
});

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('+1')).toBe("'+1");
  });
});

describe('gap report', () => {
  it('writes CSV with a header and one row per group', () => {
    const csv = gapsAsCsv([row({ examples: ['who runs the hotline', 'who runs hotlines'] }), row({ question: 'a, "b"', count: 1 })]);
    expect(csv.split('\r\n')).toEqual([
      'count,status,last_asked,question,examples',
      '3,unknown,2026-11-20T10:15:00.000Z,Who runs the hotline?,who runs the hotline | who runs hotlines',
      '1,unknown,2026-11-20T10:15:00.000Z,"a, ""b""",',
      '',
    ]);
  });

  it('prints a table with examples under their group, and says when there is nothing', () => {
    const text = gapsAsText([row({ examples: ['who runs hotlines'] })], 'Heading');
    expect(text).toContain('    3  2026-11-20 10:15  unknown  Who runs the hotline?');
    expect(text).toMatch(/\n\s+~ who runs hotlines\n/);
    expect(gapsAsText([], 'Heading')).toContain('No unknown or unsure questions.');
  });
});

describe('gaps output cannot be forged', () => {
  it('escape sequences and control characters from members are shown, not sent to the terminal, in text and CSV', async () => {
    const { gapsAsText, gapsAsCsv } = await import('../../src/insight/report');
    const question = 'pizza \u001b[2J\u001b[H\u001b]0;owned\u0007\u001b[31mFAKE: 0 unanswered questions\u001b[0m \u202e';
    const rows = [{ question, count: 1, lastAsked: '2026-12-02T01:24:00.000Z', status: 'unknown', examples: ['=HYPERLINK("x")\u001b[1m'] }];
    for (const out of [gapsAsText(rows, 'heading'), gapsAsCsv(rows)]) {
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f\u202e]/);
      expect(out).toContain('\\u001b[2J');
    }
    expect(gapsAsCsv(rows)).toContain(`'=HYPERLINK`);
  });
});
