// The /ask/ page in real Chromium: answers with verdict and citations, outdated notes on a trap question,
// follow-ups, abstention, hostile input, keyboard use, conversations that survive a reload and can be shared, and
// the no-JavaScript fallback.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe, type OpenedPage } from './browser.ts';

describe('ask page', () => {
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    await opened?.close();
    opened = await openPage(browser, path, { javaScriptEnabled });
    // New answers scroll into view; without smooth scrolling, clicks land where the element is.
    await opened.page.emulateMedia({ reducedMotion: 'reduce' });
    return opened.page;
  }

  async function askQuestion(page: Page, question: string): Promise<void> {
    const turns = await page.locator('.kb-turn').count();
    await page.locator('#kb-ask-input').fill(question);
    await page.locator('#kb-ask-input').press('Enter');
    await page.locator('.kb-turn').nth(turns).waitFor();
  }

  const last = (page: Page) => page.locator('.kb-turn').last();

  it('answers a trap question with the current answer, a citation to the exact statement and an outdated note', async () => {
    const page = await open('/ask/');
    await askQuestion(page, 'max node pools');
    const turn = last(page);
    expect(await turn.locator('.kb-q').textContent()).toContain('max node pools');
    expect(await turn.locator('.kb-text').textContent()).toContain('100');
    const outdated = turn.locator('.kb-outdated');
    expect(await outdated.getAttribute('role')).toBe('note');
    expect(await outdated.textContent()).toMatch(/Outdated/);
    expect(await outdated.textContent()).toMatch(/eight/);
    const original = turn.locator('.kb-sources a[rel="external"]').first();
    expect(await original.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await turn.locator('.kb-chip').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[aria-live="polite"]').first().textContent()).toMatch(/Answer/);
    expect(formatViolations(await runAxe(page))).toEqual([]);

    const citation = turn.locator('.kb-sources li a').first();
    const href = (await citation.getAttribute('href'))!;
    expect(href).toMatch(/\/entries\/[a-z0-9-]+\/#s-[a-z0-9-]+$/);
    await citation.scrollIntoViewIfNeeded();
    const box = (await citation.boundingBox())!;
    await Promise.all([page.waitForURL((u) => u.href.endsWith(href)), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.textContent ?? '')).toContain('100');
    expect(opened!.problems).toEqual([]);
  });

  it('shows a verdict as a text label and leans a follow-up on the previous question', async () => {
    const page = await open('/ask/');
    await askQuestion(page, 'can i run privileged containers on windows server 2019 nodes?');
    expect(await last(page).locator('.kb-verdict').textContent()).toMatch(/No/);
    await askQuestion(page, 'and on ws2022?');
    expect(await last(page).locator('.kb-read-as').textContent()).toContain('ws2022');
    expect(await last(page).locator('.kb-read-as').textContent()).toContain('privileged');
    expect(await last(page).locator('.kb-verdict').textContent()).toMatch(/No/);
    expect(await last(page).locator('.kb-answer-title').textContent()).toMatch(/privileged/i);
  });

  it('shows runners-up that match almost as well openly, and the rest folded away', async () => {
    const page = await open('/ask/');
    await askQuestion(page, 'does kubenet work with windows?');
    const close = last(page).locator('.kb-close');
    expect(await close.textContent()).toMatch(/Not sure this is it\? These match almost as well/);
    const links = close.locator('a[href*="/entries/"]');
    expect(await links.count()).toBe(2);
    const titles = await links.allTextContents();
    expect(titles.join(' ')).toMatch(/network plug-ins|Azure CNI/i);
    // A runner-up is listed once: openly when close (not again as a related-question chip), else under "more
    // possible answers".
    expect((await last(page).locator('.kb-chip').allTextContents()).filter((t) => titles.includes(t))).toEqual([]);
    const more = await last(page).locator('.kb-more a').allTextContents();
    expect(more.filter((t) => titles.includes(t))).toEqual([]);
    expect(await last(page).locator('.kb-more summary').textContent()).toBe(`${more.length} more possible answers`);
    expect(formatViolations(await runAxe(page))).toEqual([]);

    // A clear winner stands alone.
    await askQuestion(page, 'nfs volumes for windows pods supported?');
    expect(await last(page).locator('.kb-close').count()).toBe(0);
  });

  it('says honestly when nothing answers, offering the nearest topics', async () => {
    const page = await open('/ask/');
    await askQuestion(page, 'How do I RDP into an AKS Windows node through Azure Bastion?');
    const none = last(page).locator('.kb-none');
    expect(await none.textContent()).toContain('No answer found');
    expect(await none.locator('a[href*="/topics/"]').count()).toBeGreaterThan(0);
    expect(await none.textContent()).toContain('The nearest entries, which may not answer it');
    expect(await none.locator('.kb-nearest a[href*="/entries/"]').count()).toBeGreaterThan(0);
    expect(await last(page).locator('.kb-answer-title').count()).toBe(0);
    expect(formatViolations(await runAxe(page))).toEqual([]);
  });

  it('shows hostile input as text and runs nothing', async () => {
    const page = await open('/ask/');
    const hostile = '<img src=x onerror=alert(1)>';
    await askQuestion(page, hostile);
    expect(await last(page).locator('.kb-q').textContent()).toContain(hostile);
    await askQuestion(page, `${'x'.repeat(600)} 🐳 ‏שלום (a+)+$ [`);
    expect(await page.locator('.kb-log img, .kb-log script').count()).toBe(0);
    expect(opened!.problems.filter((p) => p.kind === 'dialog' || p.kind === 'pageerror')).toEqual([]);
  });

  it('keeps the conversation across a reload and in a shareable link', async () => {
    const page = await open('/ask/');
    await askQuestion(page, 'max node pools');
    await askQuestion(page, 'does kubenet work with windows?');
    expect(page.url()).toContain('q=max+node+pools');
    const link = page.url();
    await page.reload();
    await expect.poll(() => page.locator('.kb-turn').count()).toBe(2);
    expect(await page.locator('.kb-q').allTextContents()).toEqual([expect.stringContaining('max node pools'), expect.stringContaining('kubenet')]);

    const shared = await open(link.replace(/^https?:\/\/[^/]+\//, '/'));
    await expect.poll(() => shared.locator('.kb-turn').count()).toBe(2);
    await shared.locator('button[data-action="clear"]').click();
    expect(await shared.locator('.kb-turn').count()).toBe(0);
    expect(shared.url()).not.toContain('q=');
  });

  it('works by keyboard alone', async () => {
    const page = await open('/ask/');
    await page.locator('#kb-ask-input').focus();
    await page.keyboard.type('nfs volumes for windows pods supported?');
    await page.keyboard.press('Enter');
    await last(page).waitFor();
    expect(await last(page).locator('.kb-verdict').textContent()).toMatch(/No/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-ask-input');
    const chip = last(page).locator('.kb-chip').first();
    await chip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.kb-turn').count()).toBe(2);
  });

  it('without JavaScript, explains what it needs and keeps a working form', async () => {
    const page = await open('/ask/?q=max+node+pools', false);
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.locator('noscript').innerHTML()).toMatch(/needs JavaScript/);
    const form = page.locator('form.kb-ask-form');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.locator('input[name="q"]').count()).toBe(1);
  });
});
