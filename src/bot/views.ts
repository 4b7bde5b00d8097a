import { TtlCache } from './ttl-cache';
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

/** Answers' views: at most 5,000, for 6 hours. */
export class ViewCache {
  #views: TtlCache<View>;
  constructor(max = 5000, ttlMs = 6 * 60 * 60 * 1000) {
    this.#views = new TtlCache<View>(max, ttlMs);
  }

  put(view: Omit<View, 'createdAt'>): string {
    return this.#views.put({ ...view, createdAt: Date.now() });
  }

  get(key: string): View | undefined {
    return this.#views.get(key);
  }

  get size(): number {
    return this.#views.size;
  }
}
