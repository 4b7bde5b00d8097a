import type { Cooldown } from './command';

// Per-member allowances ("3 uses per 15 s"), in a structure whose cost per use does not grow with
// the number of members. Each bucket keeps its members in a Map ordered by last use (a member is
// re-inserted on every use), so those whose window has passed are always at the front: every call
// drops them from there and stops at the first one still waiting. Each member is dropped at most
// once per use, so the work is constant per call on average, and memory holds only members who
// used the command within the last window.

type Bucket = { perMs: number; members: Map<string, number[]> };

export class Cooldowns {
  #buckets = new Map<string, Bucket>();

  /**
   * Milliseconds until `member` may use `bucket` again (0: now). An allowed use is counted.
   * `limit.perMs <= 0` means no limit.
   */
  take(bucket: string, member: string, limit: Cooldown, now = Date.now()): number {
    if (limit.perMs <= 0 || limit.uses <= 0) return 0;
    const state = this.#bucket(bucket, limit.perMs);
    this.#expire(state, now);
    const recent = (state.members.get(member) ?? []).filter((t) => now - t < limit.perMs);
    if (recent.length >= limit.uses) return limit.perMs - (now - recent[0]!);
    recent.push(now);
    state.members.delete(member); // re-inserted last: the Map stays in last-use order
    state.members.set(member, recent);
    return 0;
  }

  /** Members tracked (all buckets): those who used a command within its window. */
  get size(): number {
    let n = 0;
    for (const b of this.#buckets.values()) n += b.members.size;
    return n;
  }

  #bucket(name: string, perMs: number): Bucket {
    let state = this.#buckets.get(name);
    if (!state || state.perMs !== perMs) {
      // A changed window (settings reloaded) starts the bucket afresh rather than mixing orders.
      state = { perMs, members: new Map() };
      this.#buckets.set(name, state);
    }
    return state;
  }

  #expire(state: Bucket, now: number): void {
    for (const [member, times] of state.members) {
      if (now - times[times.length - 1]! < state.perMs) break;
      state.members.delete(member);
    }
  }
}
