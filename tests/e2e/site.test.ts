// The browsable site in real Chromium: home, topic → entry navigation, theme memory, phone layout, accessibility
// (both themes), progressive enhancement, CSP and first-party-only requests.
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe, type OpenedPage } from './browser.ts';
import { distPages, normalizeBase, type DistPage } from './dist-pages.ts';

const base = normalizeBase();
const pages = distPages(inject('distDir'), base);
/** Site-relative path of a built page, as openPage expects it. */
const rel = (page: DistPage) => page.path.slice(base.length);
const find = (test: (page: DistPage) => boolean, what: string) => {
  const found = pages.find(test);
  if (!found) throw new Error(`the built site has no ${what}`);
  return rel(found);
};
const has = (page: DistPage, predicate: (name: string, attrs: Record<string, string>) => boolean) =>
  page.elements.some((el) => predicate(el.name, el.attributes));

/** One page of every type the site has. */
const samples = {
  home: '',
  topics: 'topics/',
  topic: find((p) => /\/topics\/[^/]+\/$/.test(p.path) && has(p, (n, a) => n === 'ul' && a.class === 'entries'), 'topic page with entries'),
  entry: find((p) => p.path.includes('/entries/') && has(p, (n, a) => n === 'figure' && a.class === 'code'), 'entry with a code block'),
  question: find((p) => p.path.includes('/entries/') && p.html.includes('"@type":"FAQPage"'), 'question entry'),
  sources: 'sources/',
  source: find((p) => /\/sources\/[^/]+\/$/.test(p.path), 'source page'),
  compare: 'compare/',
  notFound: 'no-such-page-for-site-test/',
};

describe('site', () => {
  let browser: Browser;
  const opened: OpenedPage[] = [];
  const open = async (path: string, options: Parameters<typeof openPage>[2] = {}) => {
    const page = await openPage(browser, path, options);
    opened.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const page of opened) await page.close().catch(() => {});
    await browser?.close();
  });

  it('home: says what it covers and as of when, has search and ask forms, the wizard, topics and sources', async () => {
    const { page, problems } = await open(samples.home);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('.lead time[datetime]').count()).toBe(1);
    const forms = page.locator('main form[method="get"]');
    expect(await forms.count()).toBe(2);
    for (const form of await forms.all()) {
      expect(await form.getAttribute('action')).toBe(`${base}ask/`);
      expect(await form.locator('input[name="q"]').count()).toBe(1);
    }
    expect(await page.locator(`main a[href="${base}wizard/"]`).count()).toBeGreaterThan(0);
    const topicCards = page.locator('#h-topics + .cards li');
    expect(await topicCards.count()).toBeGreaterThan(0);
    expect(await topicCards.first().textContent()).toMatch(/\d+ entr(y|ies)/);
    expect(await page.locator('#h-sources + .cards li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('the search form submits to /ask/?q=… without JavaScript', async () => {
    const { page } = await open(samples.home, { javaScriptEnabled: false });
    await page.locator('#home-search').fill('node pools');
    await Promise.all([page.waitForURL(/\/ask\/\?q=node\+pools$/), page.locator('#home-search').press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`${base}ask/`);
  });

  it('topic → entry navigation with breadcrumbs and previous/next', async () => {
    const { page, problems } = await open('topics/');
    const topicLink = page.locator('main .cards a').first();
    const topicLabel = (await topicLink.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/topics\/[^/]+\/$/), topicLink.click()]);
    expect((await page.locator('h1').textContent())!.trim()).toBe(topicLabel);
    const entryLink = page.locator('main ul.entries > li > a').first();
    const entryTitle = (await entryLink.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/entries\/[^/]+\/$/), entryLink.click()]);
    expect((await page.locator('h1').textContent())!.trim()).toBe(entryTitle);
    // Breadcrumbs: Home › the entry's first topic › the entry; that topic page lists the entry.
    const crumbs = (await page.locator('nav.crumbs li').allTextContents()).map((c) => c.trim());
    expect([crumbs[0], crumbs[2]]).toEqual(['Home', entryTitle]);
    const entryUrl = new URL(page.url()).pathname;
    await Promise.all([page.waitForURL(/\/topics\/[^/]+\/$/), page.locator('nav.crumbs li:nth-child(2) a').click()]);
    expect((await page.locator('h1').textContent())!.trim()).toBe(crumbs[1]);
    expect(await page.locator(`main ul.entries a[href="${entryUrl}"]`).count()).toBe(1);
    // Previous/next follow that topic's reading order: "next" of the first entry is the second one listed.
    const listed = await page.locator('main ul.entries > li > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const index = listed.indexOf(entryUrl);
    await page.goto(new URL(entryUrl, page.url()).href);
    const hrefOf = async (rel: string) => {
      const link = page.locator(`nav.pn a[rel="${rel}"]`);
      return (await link.count()) > 0 ? link.getAttribute('href') : null;
    };
    expect(await hrefOf('next')).toBe(listed[index + 1] ?? null);
    expect(await hrefOf('prev')).toBe(listed[index - 1] ?? null);
    expect(problems).toEqual([]);
  });

  it('entry page: badges, source link to the original, statement anchors with a :target highlight', async () => {
    const { page, problems } = await open(samples.entry);
    expect(await page.locator('article .badges .badge').count()).toBeGreaterThan(0);
    expect(await page.locator('#h-source ~ p a[href^="http"]').count()).toBeGreaterThan(0);
    const statement = page.locator('article .statement[id]').first();
    const id = (await statement.getAttribute('id'))!;
    expect(await page.locator(`article .statement[id="${id}"] > a.statement-link[href="#${id}"]`).count()).toBe(1);
    await page.goto(`${page.url().split('#')[0]}#${id}`);
    const highlighted = await page.evaluate((sid) => {
      const el = document.getElementById(sid)!;
      return el.matches(':target') ? getComputedStyle(el).backgroundColor : 'not target';
    }, id);
    expect(highlighted).not.toMatch(/not target|rgba\(0, 0, 0, 0\)|transparent/);
    expect(problems).toEqual([]);
  });

  it('code blocks: language label, and a copy button that copies the code (hidden without JavaScript)', async () => {
    const withJs = await open(samples.entry);
    await withJs.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const figure = withJs.page.locator('figure.code').first();
    expect((await figure.locator('figcaption').textContent())!.trim()).not.toBe('');
    const button = figure.locator('button[data-copy]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await withJs.page.waitForFunction(() => document.querySelector('figure.code button[data-copy]')?.textContent === 'Copied');
    const copied = await withJs.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await figure.locator('pre').innerText()).replace(/\n$/, ''));
    expect(withJs.problems).toEqual([]);

    const noJs = await open(samples.entry, { javaScriptEnabled: false });
    expect(await noJs.page.locator('figure.code button[data-copy]').first().isVisible()).toBe(false);
    expect(await noJs.page.locator('figure.code pre').first().isVisible()).toBe(true);
  });

  it('theme toggle: follows the system, then remembers the choice across a reload', async () => {
    const { page, problems } = await open(samples.home);
    await page.emulateMedia({ colorScheme: 'light' });
    const toggle = page.locator('[data-theme-toggle]');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await background();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const darkBackground = await background();
    expect(darkBackground).not.toBe(lightBackground);
    await page.reload();
    // Applied by the CSP-hashed inline script in <head>, before the deferred toggle script runs.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(darkBackground);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('theme follows prefers-color-scheme without a stored choice, and the toggle is hidden without JavaScript', async () => {
    const { page } = await open(samples.home);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(dark);
    const noJs = await open(samples.home, { javaScriptEnabled: false });
    expect(await noJs.page.locator('[data-theme-toggle]').isVisible()).toBe(false);
  });

  it('compare page: complete table without JavaScript; filter and sort with it; stacked rows on a phone', async () => {
    const noJs = await open(samples.compare, { javaScriptEnabled: false });
    const total = await noJs.page.locator('table.cmp tbody tr').count();
    expect(total).toBeGreaterThan(0);
    expect(await noJs.page.locator('[data-cmp-tools]').isVisible()).toBe(false);

    const { page, problems } = await open(samples.compare);
    const field = (await page.locator('table.cmp tbody tr th code').last().textContent())!;
    await page.locator('[data-cmp-filter]').fill(field);
    const visible = page.locator('table.cmp tbody tr:not([hidden])');
    expect(await visible.count()).toBeGreaterThanOrEqual(1);
    expect(await visible.count()).toBeLessThan(total);
    expect(await visible.first().locator('th code').textContent()).toBe(field);
    expect(await page.locator('[data-cmp-count]').textContent()).toContain(`of ${total}`);
    await page.locator('[data-cmp-filter]').fill('');
    const header = page.locator('table.cmp thead th').first();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const firstField = () => page.locator('table.cmp tbody tr th code').first().textContent();
    const before = await firstField();
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await firstField()).not.toBe(before);
    expect(problems).toEqual([]);

    const phone = await open(samples.compare, { viewport: { width: 360, height: 740 } });
    expect(await phone.page.locator('table.cmp tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
  });

  it('no horizontal scrolling at 360px on every page type', async () => {
    for (const path of Object.values(samples)) {
      const { page } = await open(path, { viewport: { width: 360, height: 740 } });
      const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(width);
    }
  });

  it.each(Object.entries(samples))('zero axe violations (WCAG 2.2 AA) on the %s page, light and dark themes', async (name, path) => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems } = await open(path);
      await page.emulateMedia({ colorScheme: scheme });
      // Problems are read before axe: its own script injection is refused by the CSP, which logs an error.
      expect(problems, `${name} (${path})`).toEqual([]);
      expect(formatViolations(await runAxe(page)), `${name} (${path}), ${scheme} theme`).toEqual([]);
    }
  });

  it('landmarks, skip link and visible focus', async () => {
    const { page } = await open(samples.entry);
    expect(await page.locator('header.site-header').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('footer.site-footer').count()).toBe(1);
    expect(await page.locator('nav[aria-label="Main"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { href: el.getAttribute('href'), outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.href).toBe('#main');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
  });

  it('404 page: status 404, a search form and links home, to topics and to the wizard', async () => {
    const { page, response } = await open(samples.notFound);
    expect(response?.status()).toBe(404);
    expect(await page.locator(`main form[action="${base}ask/"] input[name="q"]`).count()).toBe(1);
    for (const href of [base, `${base}topics/`, `${base}wizard/`]) {
      expect(await page.locator(`main a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    }
  });

  it('every built page has a CSP meta tag without unsafe-inline, metadata, and no third-party URLs in src/href', () => {
    for (const page of pages) {
      const meta = (name: string, attr = 'name') =>
        page.elements.find((el) => el.name === 'meta' && el.attributes[attr]?.toLowerCase() === name)?.attributes.content;
      const csp = meta('content-security-policy', 'http-equiv');
      expect(csp, page.path).toMatch(/script-src 'self'/);
      expect(csp, page.path).not.toContain('unsafe-inline');
      // Every executable inline script (such as the theme script that runs before the CSP meta) is allowed by hash.
      const scriptSrc = /script-src ([^;]*)/.exec(csp!)![1];
      for (const el of page.elements) {
        if (el.name !== 'script' || el.attributes.src || !['', 'module', 'text/javascript'].includes(el.attributes.type ?? '')) continue;
        const code = el.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
        const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
        expect(scriptSrc, `${page.path}: inline script ${code.slice(0, 60)}`).toContain(hash);
      }
      expect(page.elements.some((el) => el.name === 'title' && el.children.length > 0), page.path).toBe(true);
      expect(meta('description'), page.path).toBeTruthy();
      expect(meta('og:title', 'property'), page.path).toBeTruthy();
      if (!page.path.endsWith('404.html')) {
        const canonical = page.elements.find((el) => el.name === 'link' && el.attributes.rel === 'canonical');
        expect(new URL(canonical!.attributes.href).pathname, page.path).toBe(page.path);
      }
      // Subresources (scripts, styles, images, icons) are first-party only; only <a> may point elsewhere.
      for (const el of page.elements) {
        const url = el.name === 'a' || (el.name === 'link' && el.attributes.rel === 'canonical') ? undefined : (el.attributes.src ?? (el.name === 'link' ? el.attributes.href : undefined));
        if (url) expect(url, `${page.path}: <${el.name}>`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });

  it('question entries carry FAQPage JSON-LD that parses and cannot break out of its script element', () => {
    const questions = pages.filter((p) => p.html.includes('application/ld+json'));
    expect(questions.length).toBeGreaterThan(0);
    for (const page of questions) {
      const script = page.elements.find((el) => el.name === 'script' && el.attributes.type === 'application/ld+json')!;
      const json = script.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
      expect(json).not.toContain('<');
      const data = JSON.parse(json);
      expect(data['@type']).toBe('FAQPage');
      expect(data.mainEntity[0].acceptedAnswer.text.length).toBeGreaterThan(0);
    }
  });

  it('a sitemap lists the pages under the site URL', async () => {
    const { page, response } = await open('sitemap-index.xml');
    expect(response?.status()).toBe(200);
    expect(await page.content()).toContain('sitemap-0.xml');
  });
});
