// The search dialog in real Chromium: lazy loading, keyboard navigation, filters, opening a result at its statement,
// and hostile input shown as text.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe, type OpenedPage } from './browser.ts';

describe('search dialog', () => {
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path = '/'): Promise<{ page: Page; requests: Request[] }> {
    await opened?.close();
    opened = await openPage(browser, path, { navigate: false });
    const requests: Request[] = [];
    opened.page.on('request', (r) => requests.push(r));
    await opened.page.goto(new URL(path.replace(/^\//, ''), opened.url).href, { waitUntil: 'networkidle' });
    return { page: opened.page, requests };
  }

  const options = (page: Page) => page.locator('#kb-search-results [role="option"]');

  it('loads nothing for search until asked, then opens with Ctrl+K and shows highlighted results as you type', async () => {
    const { page, requests } = await open('/');
    expect(requests.filter((r) => r.url().includes('/search/'))).toEqual([]);
    // Only the small island loads with the page: FlexSearch, the query module and the dialog wait for intent.
    const scripts = requests.filter((r) => r.resourceType() === 'script' && r.url().includes('/_astro/'));
    const scriptBytes = (await Promise.all(scripts.map(async (r) => (await r.sizes()).responseBodySize))).reduce((a, b) => a + b, 0);
    expect(scriptBytes).toBeLessThan(4 * 1024);

    await page.keyboard.press('Control+k');
    const input = page.locator('#kb-search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.pressSequentially('privileged');
    await expect.poll(() => options(page).count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator('#kb-search-results mark').count()).toBeGreaterThan(0);
    expect((await page.locator('#kb-search-results mark').first().textContent())?.toLowerCase()).toContain('privileg');
    expect(await options(page).first().locator('.kb-meta').textContent()).toMatch(/·/);
    expect(opened!.problems).toEqual([]);
  });

  it('moves through results with the arrow keys and opens one with Enter, at its highlighted statement', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Control+k');
    await page.locator('#kb-search-input').fill('max node pools');
    await expect.poll(() => options(page).count()).toBeGreaterThan(2);
    await expect.poll(() => page.locator('#kb-search-results .kb-snippet mark').count()).toBeGreaterThan(0);
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options(page).nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#kb-search-input').getAttribute('aria-activedescendant')).toBe(await options(page).nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('true');
    const href = (await options(page).nth(0).locator('[data-href]').getAttribute('data-href'))!;
    expect(href).toMatch(/\/entries\/[a-z0-9-]+\/#s-[a-z0-9-]+$/);

    await Promise.all([page.waitForURL((u) => u.href.endsWith(href)), page.keyboard.press('Enter')]);
    expect(await page.locator('dialog.kb-palette[open]').count()).toBe(0);
    const anchor = href.split('#')[1];
    await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(':target')!).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(opened!.problems).toEqual([]);
  });

  it('passes axe with results showing, in light and dark colour schemes', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Control+k');
    await page.locator('#kb-search-input').fill('privileged');
    await page.locator('#kb-search-results .kb-snippet mark').first().waitFor();
    expect(formatViolations(await runAxe(page))).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });

  it('opens a result with a click', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Control+k');
    await page.locator('#kb-search-input').fill('service principal rotation');
    await page.locator('#kb-search-results .kb-snippet mark').first().waitFor();
    const href = (await options(page).nth(0).locator('[data-href]').getAttribute('data-href'))!;
    await Promise.all([page.waitForURL((u) => u.href.endsWith(href)), options(page).nth(0).click()]);
  });

  it('opens with "/" and closes with Esc, returning focus to the page', async () => {
    const { page } = await open('/');
    await page.keyboard.press('/');
    await page.locator('dialog.kb-palette[open]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.kb-palette').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.locator('kb-search button').click();
    await page.locator('dialog.kb-palette[open]').waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('dialog.kb-palette').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
  });

  it('filters by topic, source and type', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Control+k');
    await page.locator('#kb-search-input').fill('windows');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    const topic = page.locator('select[name="topics"]');
    const label = (await topic.locator('option').nth(1).textContent())!;
    await topic.selectOption({ index: 1 });
    await expect.poll(async () => (await page.locator('#kb-search-results .kb-meta').allTextContents()).every((t) => t.includes(label))).toBe(true);
    expect(await options(page).count()).toBeGreaterThan(0);

    await topic.selectOption({ index: 0 });
    await page.locator('select[name="type"]').selectOption('faq');
    await expect.poll(async () => (await page.locator('#kb-search-results .kb-meta').allTextContents()).every((t) => t.startsWith('Question'))).toBe(true);
    const source = page.locator('select[name="source"]');
    const sourceTitle = (await source.locator('option').nth(1).textContent())!;
    await source.selectOption({ index: 1 });
    await expect.poll(async () => (await page.locator('#kb-search-results .kb-meta').allTextContents()).every((t) => t.includes(sourceTitle))).toBe(true);
  });

  it('shows hostile input as typed and runs nothing', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Control+k');
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.locator('#kb-search-input').fill(hostile);
    await page.locator('.kb-status').waitFor();
    await page.locator('#kb-search-input').fill(`${hostile} privileged 🐳 (a+)+$ ‏שלום`);
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    expect(await page.locator('#kb-search-input').inputValue()).toContain(hostile);
    expect(await page.locator('dialog.kb-palette img, dialog.kb-palette script').count()).toBe(0);
    await page.locator('#kb-search-input').fill('x'.repeat(10_000));
    await page.locator('.kb-status').waitFor();
    expect(opened!.problems.filter((p) => p.kind === 'dialog' || p.kind === 'pageerror')).toEqual([]);
  });
});
