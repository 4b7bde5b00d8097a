import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Functions passed to page.evaluate run in the browser, where these exist.
declare const window: Record<string, unknown>;
declare const document: { referrer: string };
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { knowledgePage } from '../../src/site/page';
import { hostileFiles } from './hostile-knowledge';

// The knowledge page in a real headless browser (Debian's chromium driven by playwright-core): it
// opens from a file with no server, the search box filters entries, a source link opens its page,
// and knowledge text that looks like HTML stays text. Without chromium the test is skipped on a
// developer's machine (with the reason) but fails in CI, which installs it (.ci/run).

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!present && !inCi) console.warn(`skipping the browser test: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

// Flags for a quiet, offline, throw-away browser.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dir: string;
let context: BrowserContext;
let pageUrl: string;
const requested: string[] = [];

describe.skipIf(!present && !inCi)('knowledge page in chromium', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hotline-site-'));
    const loaded = loadKnowledgeFromStrings(hostileFiles());
    if (!loaded.ok) throw new Error(`fixture invalid: ${loaded.errors.map((e) => e.message).join('; ')}`);
    const file = path.join(dir, 'knowledge.html');
    await writeFile(file, knowledgePage(loaded.base, { generatedAt: new Date('2026-12-02T03:00:00Z') }));
    pageUrl = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      chromiumSandbox: false,
    });
    // No network: every http(s) request is recorded and answered here.
    await context.route(/^https?:/, async (route) => {
      requested.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Example Gazette</title><p>the source page</p>' });
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens from a file with no request, lists every entry by topic, and runs no knowledge text as HTML', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pageUrl);
    expect(await page.title()).toBe('Hotline knowledge base');
    expect(await page.locator('article.entry').count()).toBe(5);
    expect(await page.locator('section.topic h2').allInnerTexts()).toEqual(['Exampleland–Sampleland link (3)', 'Test talks (2)']);
    // Oldest first within a topic.
    expect(await page.locator('#topic-exampleland-link article').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual([
      'link-agreed',
      'link-tested',
      'hostile-fact',
    ]);
    expect(await page.locator('#count').innerText()).toBe('5 of 5 entries');

    // The hostile text shows as written, and nothing in it ran or became an element.
    await expect.poll(() => page.locator('#entry-hostile-fact p').first().innerText()).toContain('<script>window.pwned = 1</script>');
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('#injected, img').count()).toBe(0);
    expect(await page.locator('[data-source="hostile-source"]').innerText()).toContain('"><b id="injected">bold</b>');
    expect(errors).toEqual([]);
    expect(requested).toEqual([]);
    await page.close();
  });

  it('filters entries as words are typed, hiding topics left empty', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.locator('#search').fill('every YEAR');
    expect(await page.locator('#count').innerText()).toBe('1 of 5 entries');
    expect(await page.locator('article.entry:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['talks-yearly']);
    expect(await page.locator('#topic-exampleland-link').isVisible()).toBe(false);

    // A source's publisher and a speaker are searchable too; accents do not matter.
    await page.locator('#search').fill('example archive');
    expect(await page.locator('article.entry:visible').count()).toBe(3);
    await page.locator('#search').fill('alex éxample');
    expect(await page.locator('article.entry:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['minister-quote']);
    await page.locator('#search').fill('');
    expect(await page.locator('#count').innerText()).toBe('5 of 5 entries');
    await page.close();
  });

  it('follows a source link to its page, in a new tab without a referrer', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const link = page.locator('#entry-link-agreed a', { hasText: 'Example Gazette report on the link' });
    expect(await link.getAttribute('href')).toBe('https://example.org/gazette/link');
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe('https://example.org/gazette/link');
    expect(await popup.title()).toBe('Example Gazette');
    expect(await popup.evaluate(() => document.referrer)).toBe('');
    expect(requested).toEqual(['https://example.org/gazette/link']);
    await popup.close();
    await page.close();
  });
});
