// Version tags in a real browser: outdated statements come after the current answer, labelled in text, and the
// "What changed" page lists old → new values with working links to the statements.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe } from './browser.ts';

describe('version tags', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an outdated statement shows the current answer first, its date, and the label "Outdated"', async () => {
    const opened = await openPage(browser, '/entries/aks-windows-limitations-the-aks-cluster-can-have-a-maximum-of-eight/');
    try {
      const tag = opened.page.locator('.answer .vt-outdated').first();
      const text = (await tag.innerText()).replace(/\s+/g, ' ');
      expect(text).toMatch(/^Current answer The AKS cluster can have a maximum of 100 node pools\. \(as of October 2022, .+\) Outdated as of May 2019: The AKS cluster can have a maximum of eight node pools\./);
      const href = await tag.locator('a').first().getAttribute('href');
      const target = await openPage(browser, href!);
      try {
        const id = new URL(target.url).hash.slice(1);
        await expect(target.page.locator(`[id="${id}"]`).innerText()).resolves.toContain('maximum of 100 node pools');
      } finally {
        await target.close();
      }
      expect(opened.problems).toEqual([]);
      expect(formatViolations(await runAxe(opened.page))).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('"What changed" lists old → new values with links to the statements', async () => {
    const opened = await openPage(browser, '/changes/');
    try {
      const pools = opened.page.locator('article', { hasText: 'Node pools per cluster' }).first();
      await expect(pools.locator('.vt-values').innerText()).resolves.toMatch(/Was 8 \(as of May 2019\) → Now 100 \(since October 2022\)/);
      const links = await pools.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const link of links) expect(link).toMatch(/\/entries\/[a-z0-9-]+\/#s-[0-9a-f]{8}/);
      await expect(opened.page.locator('h2#contradictions').count()).resolves.toBe(1);
      expect(opened.problems).toEqual([]);
      expect(formatViolations(await runAxe(opened.page))).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
