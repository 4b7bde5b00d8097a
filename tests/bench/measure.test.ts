import { describe, expect, it } from 'vitest';
import { busyMs, latency, percentile } from '../../src/bench/measure';

describe('busyMs', () => {
  it('takes the lesser of CPU and elapsed time', () => {
    // Background threads charged a 4 ms tick to a 0.24 ms call; another process held the core for 30 ms of a 0.2 ms call.
    expect(busyMs(4.25, 0.24)).toBe(0.24);
    expect(busyMs(0.2, 30)).toBe(0.2);
  });
});

describe('latency', () => {
  it('reports main-thread percentiles no higher than either the CPU or the elapsed ones', () => {
    let x = 0;
    const l = latency(
      Array.from({ length: 200 }, (_, i) => i),
      (i) => {
        for (let k = 0; k < 2000 + i * 50; k++) x += Math.sqrt(k);
      },
    );
    expect(x).toBeGreaterThan(0);
    expect(l.n).toBe(200);
    expect(l.busy.p99).toBeLessThanOrEqual(l.p99);
    expect(l.busy.p99).toBeLessThanOrEqual(l.wall.p99);
    expect(l.busy.median).toBeLessThanOrEqual(Math.min(l.median, l.wall.median));
    expect(l.busy.median).toBeGreaterThan(0);
  });
  it('reads percentiles from a sorted list', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});
