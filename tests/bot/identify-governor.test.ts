import { describe, expect, it } from 'vitest';
import { IdentifyGovernor, type SessionStartLimit } from '../../src/bot/identify-governor';

// A fake clock: waits advance time instead of sleeping.
function setup(limit: Partial<SessionStartLimit> = {}, over: Record<string, unknown> = {}) {
  let now = 1_000_000;
  const waits: number[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const budget: SessionStartLimit = { total: 1000, remaining: 1000, reset_after: 3_600_000, ...limit };
  const governor = new IdentifyGovernor({
    fetchLimit: async () => budget,
    logger: { warn: (_o, m) => void warnings.push(m), error: (_o, m) => void errors.push(m) },
    now: () => now,
    wait: async (ms) => {
      waits.push(Math.round(ms));
      now += ms;
    },
    random: () => 1, // the top of the jitter range: deterministic
    ...over,
  });
  return { governor, waits, warnings, errors, budget, advance: (ms: number) => (now += ms) };
}

describe('IdentifyGovernor', () => {
  it('spacing: the first identify goes at once, the next waits for Discord’s 5 s', async () => {
    const { governor, waits, advance } = setup();
    await governor.waitForIdentify(0);
    governor.ready();
    advance(60_000); // a session that lasted: no stall
    await governor.waitForIdentify(0);
    await governor.waitForIdentify(0);
    expect(waits).toEqual([5_000]);
  });

  it('backoff: each identify that never reached READY doubles the wait, up to the cap', async () => {
    const { governor, waits } = setup({}, { maxBackoffMs: 40_000 });
    for (let i = 0; i < 7; i++) await governor.waitForIdentify(0);
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 40_000, 40_000]);
  });

  it('jitter keeps the wait within the upper half of the backoff, never below the spacing', async () => {
    const low = setup({}, { random: () => 0 });
    for (let i = 0; i < 5; i++) await low.governor.waitForIdentify(0);
    expect(low.waits).toEqual([5_000, 5_000, 10_000, 20_000]);
  });

  it('a READY followed soon by "invalid session" is still a stall; one that lasts ends it', async () => {
    const { governor, waits, advance } = setup();
    await governor.waitForIdentify(0);
    governor.ready();
    advance(2_000); // READY, then invalidated after 2 s
    await governor.waitForIdentify(0);
    expect(waits.at(-1)).toBe(3_000); // 5 s backoff, 2 s of which have passed
    governor.ready();
    advance(120_000);
    await governor.waitForIdentify(0);
    expect(governor.failures).toBe(1);
    expect(waits).toHaveLength(1);
  });

  it('warns once the failures reach warnAfter', async () => {
    const { governor, warnings } = setup({}, { warnAfter: 3 });
    for (let i = 0; i < 3; i++) await governor.waitForIdentify(0);
    expect(warnings).toEqual([]);
    await governor.waitForIdentify(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('failing to reach READY');
  });

  it('budget: with the reserve or fewer identifies left, it says so at error level and waits for the reset', async () => {
    const { governor, waits, errors } = setup({ remaining: 10, reset_after: 7_200_000 });
    await governor.waitForIdentify(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only 10 of 1000 daily identifies left');
    expect(errors[0]).toContain('resets the bot token');
    expect(waits).toEqual([7_200_000]);
  });

  it('a budget it cannot read does not block identifying', async () => {
    const { governor, waits } = setup({}, { fetchLimit: async () => Promise.reject(new Error('offline')) });
    await governor.waitForIdentify(0);
    expect(waits).toEqual([]);
  });

  it('lets one shard identify at a time', async () => {
    const { governor, waits } = setup();
    await Promise.all([governor.waitForIdentify(0), governor.waitForIdentify(1), governor.waitForIdentify(2)]);
    expect(waits.length).toBe(2); // the second and third each waited their turn
  });
});
