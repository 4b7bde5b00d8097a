import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/text/visible';

describe('showControlCharacters', () => {
  it('shows escape sequences, newlines, carriage returns and tabs as visible escapes', () => {
    expect(showControlCharacters('\u001b[2Jevil.yaml')).toBe('\\u001b[2Jevil.yaml');
    expect(showControlCharacters('x\n✓ knowledge OK\r')).toBe('x\\n✓ knowledge OK\\r');
    expect(showControlCharacters('a\tb\u0007\u0000\u007f\u009b')).toBe('a\\tb\\u0007\\u0000\\u007f\\u009b');
  });

  it('shows bidirectional overrides and line separators, which reorder or break what is read', () => {
    expect(showControlCharacters('file\u202eLMY.yaml\u2028')).toBe('file\\u202eLMY.yaml\\u2028');
  });

  it('leaves ordinary text alone, accents, dashes, emoji and all', () => {
    const text = 'us-china/mmca.yaml:3:5: error: fact "café" — did you mean "x"? ✓ 👍';
    expect(showControlCharacters(text)).toBe(text);
  });

  it('can keep newlines for text laid out in lines', () => {
    expect(showControlCharacters('one\ntwo\u001b[0m\r\n', { keepNewlines: true })).toBe('one\ntwo\\u001b[0m\\r\n');
  });
});
