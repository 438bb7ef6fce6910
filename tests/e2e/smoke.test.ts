// Smoke test in a real browser: the home page renders accessibly and unknown URLs get the 404 page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe } from './browser.ts';

describe('smoke', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('home page: 200, <h1>, <main>, no errors, no third-party requests, no axe violations', async () => {
    const opened = await openPage(browser, '/');
    try {
      expect(opened.response?.status()).toBe(200);
      await expect(opened.page.locator('h1').count()).resolves.toBeGreaterThanOrEqual(1);
      await expect(opened.page.locator('main, [role="main"]').count()).resolves.toBe(1);
      expect(opened.problems).toEqual([]);
      expect(formatViolations(await runAxe(opened.page))).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('unknown URL: the 404 page with status 404', async () => {
    const opened = await openPage(browser, '/no-such-page-kb-smoke/');
    try {
      const notFoundPage = join(inject('distDir'), '404.html');
      expect(existsSync(notFoundPage), `${notFoundPage} is missing (no src/pages/404.astro?)`).toBe(true);
      expect(opened.response?.status()).toBe(404);
      const expected = await readFile(notFoundPage, 'utf8');
      expect(await opened.response?.text()).toBe(expected);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
