// The wizard in real Chromium: walked with JavaScript on (number keys) and off (plain links), the Back button,
// shared leaf URLs, the 404 for made-up steps, statement links, and axe on a question and an answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe } from './browser.ts';

/** The number key of the answer whose label matches, read from the page (so the test follows the data). */
async function keyFor(page: Page, label: RegExp): Promise<string> {
  const options = page.locator('a[data-wizard-key]');
  const texts = await options.locator('span').allInnerTexts();
  const index = texts.findIndex((text) => label.test(text));
  expect(index, `no answer matching ${label} among ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(0);
  return (await options.nth(index).getAttribute('data-wizard-key'))!;
}

/** Presses an answer's number key and waits for the next step to load. */
async function pressAnswer(page: Page, label: RegExp, next: RegExp): Promise<void> {
  const key = await keyFor(page, label);
  await Promise.all([page.waitForURL(next), page.keyboard.press(key)]);
}

/** Follows an answer link by its visible label, as a user without JavaScript would. */
async function clickAnswer(page: Page, label: RegExp, next: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(next), page.locator('a[data-wizard-key]', { hasText: label }).first().click()]);
}

const headingIsFocused = (page: Page) => page.waitForFunction(() => document.activeElement?.id === 'wizard-heading');

describe('wizard', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('JS on: number keys walk start → area → capability → condition → leaf, focus follows, Back returns', async () => {
    const opened = await openPage(browser, '/wizard/');
    const { page } = opened;
    try {
      expect(opened.response?.status()).toBe(200);
      // The keyboard hint only appears when the script runs.
      await expect(page.locator('[data-wizard-hint]').isVisible()).resolves.toBe(true);
      await expect(page.locator('fieldset legend h1').count()).resolves.toBe(1);

      await pressAnswer(page, /^Networking$/, /\/wizard\/networking\/$/);
      await headingIsFocused(page);
      await expect(page.locator('nav.crumbs a').first().innerText()).resolves.toBe('Wizard start');

      await pressAnswer(page, /host networking/i, /\/wizard\/host-networking-version\/$/);
      await headingIsFocused(page);
      await pressAnswer(page, /1\.26 or later/, /\/wizard\/leaf\/host-networking\/$/);
      await headingIsFocused(page);

      const verdict = page.locator('[data-verdict]');
      await expect(verdict.getAttribute('data-verdict')).resolves.toBe('depends');
      await expect(verdict.innerText()).resolves.toMatch(/depends/i);
      await expect(page.locator('nav.crumbs li').allInnerTexts()).resolves.toEqual(['Wizard start', 'Networking', expect.stringMatching(/host networking/i), '1.26 or later']);

      await Promise.all([page.waitForURL(/\/wizard\/host-networking-version\/$/), page.goBack()]);
      await expect(page.locator('h1').innerText()).resolves.toMatch(/Kubernetes version/);
      await Promise.all([page.waitForURL(/\/wizard\/networking\/$/), page.goBack()]);
      await expect(page.locator('a[data-wizard-key]').count()).resolves.toBeGreaterThan(2);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('JS off: plain links reach a leaf with verdict, explanation, workaround, citations and related answers', async () => {
    const opened = await openPage(browser, '/wizard/', { javaScriptEnabled: false });
    const { page } = opened;
    try {
      await expect(page.locator('[data-wizard-hint]').isVisible()).resolves.toBe(false);
      await clickAnswer(page, /Security and identity/, /\/wizard\/security\/$/);
      await clickAnswer(page, /privileged/i, /\/wizard\/leaf\/privileged-containers\/$/);
      await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('no');
      await expect(page.locator('[data-verdict]').innerText()).resolves.toMatch(/\bNo\b/);
      await expect(page.locator('#wizard-workaround + p').innerText()).resolves.toMatch(/HostProcess/);
      const quotes = await page.locator('.wizard-citation blockquote').allInnerTexts();
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.join(' ')).toMatch(/privileged containers/i);
      await expect(page.locator('.wizard-related a').count()).resolves.toBeGreaterThan(2);
      await expect(page.locator('.wizard-start-over a').getAttribute('href')).resolves.toMatch(/\/wizard\/$/);

      await Promise.all([page.waitForURL(/\/wizard\/security\/$/), page.goBack()]);
      await expect(page.locator('h1').innerText()).resolves.toMatch(/security/i);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('a shared leaf URL opens directly, and its statement links land on the quoted statement', async () => {
    const opened = await openPage(browser, '/wizard/leaf/kubenet/');
    const { page } = opened;
    try {
      expect(opened.response?.status()).toBe(200);
      await expect(page.locator('[data-verdict]').getAttribute('data-verdict')).resolves.toBe('no');
      // Opened directly (no wizard referrer): the page keeps its natural focus.
      await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.not.toBe('wizard-heading');
      const citation = page.locator('.wizard-citation').first();
      const statement = await citation.getAttribute('data-statement');
      const link = citation.locator('a').first();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/entries/[a-z0-9-]+/#${statement}$`));
      await Promise.all([page.waitForURL(new RegExp(`#${statement}$`)), link.click()]);
      await expect(page.locator(`[id="${statement}"]`).count()).resolves.toBe(1);
      await expect(page.locator('a[href$="/wizard/leaf/kubenet/"]').count()).resolves.toBeGreaterThan(0);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('a made-up wizard URL gets the 404 page with a link to the wizard start', async () => {
    for (const path of ['/wizard/no-such-question/', '/wizard/leaf/no-such-answer/']) {
      const opened = await openPage(browser, path, { javaScriptEnabled: false });
      try {
        expect(opened.response?.status()).toBe(404);
        const start = opened.page.locator('main a[href$="/wizard/"]');
        await expect(start.count()).resolves.toBeGreaterThan(0);
        await Promise.all([opened.page.waitForURL(/\/wizard\/$/), start.first().click()]);
        await expect(opened.page.locator('a[data-wizard-key]').count()).resolves.toBeGreaterThan(2);
      } finally {
        await opened.close();
      }
    }
  });

  it('axe finds no violations on a question and on an answer', async () => {
    for (const path of ['/wizard/', '/wizard/networking/', '/wizard/leaf/network-policies/']) {
      const opened = await openPage(browser, path);
      try {
        expect(formatViolations(await runAxe(opened.page)), path).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });
});
