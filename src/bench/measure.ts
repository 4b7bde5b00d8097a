// Timing helpers for the benchmark. Numbers come from performance.now(); nothing here asserts.

/**
 * Latency of one kind of call, in milliseconds. `median` and `p99` are CPU time (process.cpuUsage: this
 * process, all its threads, garbage collection included); `wall` is elapsed time. On a 2-core machine shared
 * by many processes, a wall-clock p99 is the scheduler's: a 0.16 ms loop measured 0.25 ms at p99 in CPU time
 * and 31 ms on the wall, and any code's wall p99 is then the length of a time slice. The goals read `busy` (busyMs).
 */
export type Latency = { n: number; median: number; p99: number; wall: { median: number; p99: number }; busy: { median: number; p99: number } };

/**
 * Main-thread time of one call: the lesser of the process's CPU time and the elapsed time. Neither alone is it. The
 * process's CPU time counts V8's background threads (concurrent marking, compiling), which this kernel charges in
 * whole 4 ms scheduler ticks: on the shipped base one ask in twenty measured 4.2 ms of CPU in 0.24 ms elapsed,
 * impossible for one thread on two cores, and that tick set the CPU p99 of every engine (Hotline's at 4.2 ms in every
 * run). Elapsed time counts the time slices other processes take. The call's own thread was busy for no longer
 * than either, so the lesser is the tighter bound, and it holds for both engines alike.
 */
export const busyMs = (cpu: number, wall: number) => Math.min(cpu, wall);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** CPU time of this process so far, in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs fn once per input and returns median and p99 in milliseconds. `warmup` inputs run first,
 * unmeasured: a bot answers for days, so the figure that matters is the warmed-up (JIT-compiled) one.
 */
export function latency<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup: readonly T[] = []): Latency {
  for (const input of warmup) fn(input);
  const cpu: number[] = [];
  const wall: number[] = [];
  const busy: number[] = [];
  for (const input of inputs) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn(input);
    const w = performance.now() - t0;
    const c = cpuMs() - c0;
    wall.push(w);
    cpu.push(c);
    busy.push(busyMs(c, w));
  }
  for (const xs of [cpu, wall, busy]) xs.sort((a, b) => a - b);
  return {
    n: cpu.length,
    median: percentile(cpu, 50),
    p99: percentile(cpu, 99),
    wall: { median: percentile(wall, 50), p99: percentile(wall, 99) },
    busy: { median: percentile(busy, 50), p99: percentile(busy, 99) },
  };
}

/** Elapsed (`ms`) and CPU (`cpu`) time of one call. */
export function timeOnce<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const c0 = cpuMs();
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, value };
}

export async function timeOnceAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * Heap in use after a full collection, once the current task is over: V8 keeps some garbage of a
 * long synchronous build until the event loop turns (tens of MB at 100k entries).
 * Needs node --expose-gc; without it the figure is noisier.
 */
export async function heapMb(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export const fmtMs = (ms: number) => (Number.isNaN(ms) ? '-' : ms < 1 ? `${ms.toFixed(3)} ms` : ms < 100 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);
