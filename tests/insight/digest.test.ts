import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Insight } from '../../src/insight/api';
import { createNullInsight } from '../../src/insight/api';
import { DIGEST_MAX, weeklyDigest } from '../../src/insight/digest';
import { openInsight } from '../../src/insight/index';
import { question, tempDir, vote } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('weeklyDigest', () => {
  it('lists usage, top gaps, 👎 entries with reasons, and entries nobody asked about', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordQuestion(question({ question: 'Who answers the PLA hotline?', userId: 'a' }));
    insight.recordQuestion(question({ question: 'who answers the PLA hotline', userId: 'b', at: new Date(Date.now() - 60_000) }));
    insight.recordQuestion(question({ question: 'When was the hotline set up?', status: 'answered', topEntryId: 'hotline-1963' }));
    insight.recordFeedback(vote({ entryId: 'hotline-1963', reason: 'Wrong month' }));

    const text = weeklyDigest(insight, ['hotline-1963', 'mmca-1998', 'dpt-2008']);
    expect(text).toContain('3 questions');
    expect(text).toContain('33 % answered');
    expect(text).toMatch(/1\. “Who answers the PLA hotline\?” — 2×, unknown, last \d{4}-\d\d-\d\d \(also: “who answers the PLA hotline”\)/);
    expect(text).toMatch(/`hotline-1963` — 1 👎, 0 👍: “Wrong month”/);
    expect(text).toMatch(/nobody asked about\*\* \(last 90 days\): 2 of 3\n`dpt-2008`, `mmca-1998`/);
    await insight.close();
  });

  it('neutralises mentions and markdown in what users typed', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    insight.recordQuestion(question({ question: '@everyone **look** <@123> [x](http://evil.example)' }));
    const text = weeklyDigest(insight, []);
    expect(text).not.toMatch(/@everyone|<@123>|\*\*look\*\*|\]\(/);
    expect(text).toContain('@\u200beveryone');
    await insight.close();
  });

  it('stays under the limit however much there is to say', async () => {
    const insight = openInsight({ path: join(tmp.dir, 'h.db') });
    for (let i = 0; i < 40; i++) {
      insight.recordQuestion(question({ question: `question number ${i} ${'padding '.repeat(40)}` }));
      insight.recordFeedback(vote({ entryId: `entry-${i}`, reason: 'r'.repeat(300) }));
    }
    const ids = Array.from({ length: 500 }, (_, i) => `an-entry-with-a-long-identifier-${i}`);
    const text = weeklyDigest(insight, ids);
    expect(text.length).toBeLessThanOrEqual(DIGEST_MAX);
    expect(text).toContain('Entries marked 👎');
    const short = weeklyDigest(insight, ids, { maxLength: 2_000 });
    expect(short.length).toBeLessThanOrEqual(2_000);
    expect(short).toMatch(/… \(digest shortened\)$/);
    for (let max = 200; max < 700; max += 1) expect(weeklyDigest(insight, ids, { maxLength: max }).length).toBeLessThanOrEqual(max);
    await insight.close();
  });

  it('says so when the database cannot be read', () => {
    const broken: Insight = {
      ...createNullInsight(),
      usage: () => {
        throw new Error('insight database data/hotline.db is unavailable: disk I/O error');
      },
    };
    expect(weeklyDigest(broken, ['a'])).toMatch(/could not be read: .*disk I\/O error/);
  });

  it('reports a quiet week plainly', () => {
    const text = weeklyDigest(createNullInsight(), ['a']);
    expect(text).toContain('No questions were recorded.');
    expect(text).toContain('nobody asked about** (last 90 days): 1 of 1');
  });
});
