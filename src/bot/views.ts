import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/model';

// Buttons carry at most 100 characters, too few for a question; they carry a short key to the view
// they belong to instead. Views live in memory for a while (a restart forgets them and the button
// says so), and are answers already computed, so paging never searches again.

export type View = {
  kind: 'ask' | 'quotes';
  answer: Answer;
  /** Who asked: clicks by anyone else get a private reply instead of changing the shared message. */
  userId: string;
  via: 'slash' | 'context-menu' | 'button';
  /** Whether the message is private (the member asked to hide it, or it is not an answer). */
  hidden: boolean;
  /** Whether the member asked to hide it (`hide`): what follows from the view stays private too. */
  hide?: boolean;
  title?: string;
  /** Extra state of the view (the mention of an /ask, say). */
  mention?: string;
  createdAt: number;
};

export class ViewCache {
  #views = new Map<string, View>();
  constructor(
    private readonly max = 5000,
    private readonly ttlMs = 6 * 60 * 60 * 1000,
  ) {}

  put(view: Omit<View, 'createdAt'>): string {
    let key = randomBytes(6).toString('base64url');
    while (this.#views.has(key)) key = randomBytes(6).toString('base64url');
    this.#views.set(key, { ...view, createdAt: Date.now() });
    while (this.#views.size > this.max) this.#views.delete(this.#views.keys().next().value!);
    return key;
  }

  get(key: string): View | undefined {
    const view = this.#views.get(key);
    if (!view) return undefined;
    if (Date.now() - view.createdAt > this.ttlMs) {
      this.#views.delete(key);
      return undefined;
    }
    return view;
  }

  get size(): number {
    return this.#views.size;
  }
}
