import { describe, expect, it } from 'vitest';
import { dayIn } from '../../src/answer/evidence';

describe('dayIn', () => {
  it('reads a day named with its month, either way round', () => {
    expect(dayIn(['the', 'june', '5', '1967', 'message'])).toEqual({ month: 6, day: 5 });
    expect(dayIn(['on', '10th', 'may'])).toEqual({ month: 5, day: 10 });
    expect(dayIn(['in', 'june', '1967'])).toBeUndefined();
    expect(dayIn(['may', 'the', 'talks', 'resume'])).toBeUndefined();
  });
});
