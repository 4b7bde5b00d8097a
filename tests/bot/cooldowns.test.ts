import { describe, expect, it } from 'vitest';
import { Cooldowns } from '../../src/bot/cooldowns';

const limit = { uses: 3, perMs: 15_000 };

describe('Cooldowns', () => {
  it('allows `uses` per window, then says how long to wait', () => {
    const c = new Cooldowns();
    expect([0, 1, 2].map((i) => c.take('ask', 'u1', limit, 1_000 + i))).toEqual([0, 0, 0]);
    expect(c.take('ask', 'u1', limit, 2_000)).toBe(15_000 - 1_000);
    expect(c.take('ask', 'u2', limit, 2_000)).toBe(0);
    expect(c.take('ask', 'u1', limit, 16_000)).toBe(0);
  });

  it('shares one allowance between commands that name the same bucket', () => {
    const c = new Cooldowns();
    c.take('ask', 'u1', limit, 0);
    c.take('ask', 'u1', limit, 0);
    c.take('ask', 'u1', limit, 0);
    expect(c.take('ask', 'u1', limit, 1)).toBeGreaterThan(0);
    expect(c.take('quote', 'u1', limit, 1)).toBe(0);
  });

  it('forgets members whose window has passed, so memory holds only recent askers', () => {
    const c = new Cooldowns();
    for (let i = 0; i < 20_000; i++) c.take('ask', `u${i}`, limit, i / 10);
    expect(c.size).toBe(20_000);
    // Far past every window: the next use drops all the stale members from the front.
    c.take('ask', 'late', limit, 1_000_000);
    expect(c.size).toBe(1);
  });

  it('drops only the members whose window has passed, not those still waiting', () => {
    const c = new Cooldowns();
    c.take('ask', 'old', limit, 0);
    c.take('ask', 'recent', limit, 10_000);
    c.take('ask', 'now', limit, 16_000);
    expect(c.size).toBe(2);
  });

  it('treats a zero window as no limit', () => {
    const c = new Cooldowns();
    for (let i = 0; i < 10; i++) expect(c.take('ask', 'u', { uses: 1, perMs: 0 }, 0)).toBe(0);
    expect(c.size).toBe(0);
  });
});
