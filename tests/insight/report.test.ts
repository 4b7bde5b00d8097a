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
