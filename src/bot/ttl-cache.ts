import { randomBytes } from 'node:crypto';

// Short-lived state behind a button or modal (an answer's view, a draft being previewed, a /kb gaps list): custom ids
// hold 100 characters, so they carry a key to this instead. Bounded in size and age; a restart
// forgets everything, and the button then says so.

export class TtlCache<T> {
  #items = new Map<string, { value: T; at: number }>();
  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  put(value: T): string {
    let key = randomBytes(6).toString('base64url');
    while (this.#items.has(key)) key = randomBytes(6).toString('base64url');
    this.#items.set(key, { value, at: Date.now() });
    while (this.#items.size > this.max) this.#items.delete(this.#items.keys().next().value!);
    return key;
  }

  get(key: string): T | undefined {
    const item = this.#items.get(key);
    if (!item) return undefined;
    if (Date.now() - item.at > this.ttlMs) {
      this.#items.delete(key);
      return undefined;
    }
    return item.value;
  }

  /** Items held (some may have expired and not been asked for since). */
  get size(): number {
    return this.#items.size;
  }
}
