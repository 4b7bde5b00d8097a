import { describe, expect, it } from 'vitest';
import { escapeUserText } from '../../src/text/user-text';

describe('escapeUserText (one escaper for members and moderators)', () => {
  it('shows markdown and mentions as typed, never as formatting or pings', () => {
    const out = escapeUserText('**bold** @everyone <@123> [x](https://evil.example)');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('@\u200beveryone');
    expect(out).toContain('<\u200b@');
    expect(out).not.toMatch(/\[x\]\(/);
  });

  it('removes direction overrides, zero-width and control characters (NUL, U+2060) that would hide or reorder text', () => {
    expect(escapeUserText('abc\u202edef\u2060\u0000g\u200bh')).toBe('abcdefgh');
  });

  it('folds to one line and cuts at a word, within the length asked', () => {
    const out = escapeUserText('word '.repeat(100), 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out.endsWith('word…')).toBe(true);
    expect(out).not.toContain('\n');
  });
});
