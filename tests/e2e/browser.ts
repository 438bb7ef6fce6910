// Headless Chromium helpers for browser tests (and the screenshot/audit scripts): launch, open, axe.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';

declare module 'vitest' {
  /** Values the e2e global setup provides to tests (read them with `inject`). */
  interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

/** Flags for Debian's Chromium in a sandboxless, offline container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** WCAG rule tags that runAxe checks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Where Chromium is expected: env CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Throw the standard, actionable error when Chromium is not installed. */
export function assertChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return path;
}

/** Launch headless Chromium through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: assertChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** Something that went wrong while a page was open. */
export interface PageProblem {
  kind: 'pageerror' | 'console' | 'dialog' | 'third-party' | 'requestfailed' | 'http';
  text: string;
}

/** Options for openPage. */
export interface OpenPageOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Site root (with base path); defaults to the `baseUrl` provided by the e2e global setup. */
  baseUrl?: string;
  /** Passed to page.goto; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  /** Skip navigation: open a blank page with the listeners attached. */
  navigate?: boolean;
}

/** A page opened by openPage, with everything it did wrong collected in `problems`. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  response: Response | null;
  url: string;
  problems: PageProblem[];
  close: () => Promise<void>;
}

/** True for URLs served by this machine's test server (or needing no network at all). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:'].includes(parsed.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

async function defaultBaseUrl(): Promise<string> {
  if (process.env.KB_TEST_BASE_URL) return process.env.KB_TEST_BASE_URL;
  const { inject } = await import('vitest');
  return inject('baseUrl');
}

/** Resolve a site path ('/ask/', 'entries/x/') against a base URL ending in '/'. */
export function resolveSiteUrl(baseUrl: string, path: string): string {
  if (/^[a-z]+:/i.test(path)) return path;
  return new URL(path.replace(/^\/+/, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/** Open `path` (relative to the site base) in a fresh context, collecting errors and outside requests. */
export async function openPage(
  browser: Browser,
  path: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const url = resolveSiteUrl(options.baseUrl ?? (await defaultBaseUrl()), path);
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const problems: PageProblem[] = [];
  // Record and refuse anything that would leave the machine.
  await context.route(
    (target) => !isLocalUrl(target.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The document's own status is checked through `response`; only report broken subresources.
    if (text.startsWith('Failed to load resource') && message.location().url === page.url()) return;
    problems.push({ kind: 'console', text: `${text} (${message.location().url})` });
  });
  page.on('dialog', (dialog) => {
    problems.push({ kind: 'dialog', text: `${dialog.type()}: ${dialog.message()}` });
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    if (!isLocalUrl(request.url())) problems.push({ kind: 'third-party', text: request.url() });
  });
  page.on('requestfailed', (request) => {
    if (!isLocalUrl(request.url())) return;
    // Chromium aborts what is still loading (the favicon, say) when the page navigates away: a test that follows a
    // link quickly is not a broken page. A missing file still shows, as an HTTP error status.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push({ kind: 'requestfailed', text: `${request.url()}: ${request.failure()?.errorText}` });
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      problems.push({ kind: 'http', text: `${res.status()} ${res.url()}` });
    }
  });
  if (options.javaScriptEnabled === false) noScriptPages.add(page);
  const response =
    options.navigate === false ? null : await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  return { page, context, response, url, problems, close: () => context.close() };
}

/** One axe violation, trimmed to what a failing assertion needs to show. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: string[];
}

const requireHere = createRequire(import.meta.url);
let axeSource: string | undefined;
const noScriptPages = new WeakSet<Page>();

/**
 * In a page opened with javaScriptEnabled: false, only promise jobs run: timers, rAF and
 * queueMicrotask callbacks never fire, so axe would hang. Before axe loads, route them through
 * promise jobs; delays over 1 ms are axe's timeout guards (frames, preload) and are dropped.
 */
async function shimTimersForNoScript(page: Page): Promise<void> {
  if (!noScriptPages.has(page)) return;
  await page.evaluate(() => {
    const w = window as any;
    if (w.__kbTimerShim) return;
    w.__kbTimerShim = true;
    let next = 1;
    const cancelled = new Set<number>();
    const later = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
      const id = next++;
      if (ms <= 1) Promise.resolve().then(() => cancelled.has(id) || fn(...args));
      return id;
    };
    w.setTimeout = later;
    w.clearTimeout = (id: number) => cancelled.add(id);
    w.queueMicrotask = (fn: () => void) => later(fn);
    w.requestAnimationFrame = (fn: (t: number) => void) => later(() => fn(performance.now()));
    w.cancelAnimationFrame = w.clearTimeout;
  });
}

/** Inject axe-core into the page and return WCAG 2.x A/AA violations. */
export async function runAxe(page: Page, tags: string[] = AXE_TAGS): Promise<AxeViolation[]> {
  axeSource ??= await readFile(requireHere.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = () => page.evaluate(() => 'axe' in window);
  await shimTimersForNoScript(page);
  // Evaluated through DevTools, so a strict CSP neither blocks it nor logs a violation in `problems`.
  if (!(await hasAxe())) await page.evaluate(axeSource).catch(() => {});
  if (!(await hasAxe())) await page.addScriptTag({ content: axeSource }).catch(() => {});
  if (!(await hasAxe())) throw new Error(`axe-core could not be injected into ${page.url()}`);
  return page.evaluate(async ([values, preload]) => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
      preload,
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim()),
    }));
  }, [tags, !noScriptPages.has(page)] as const);
}

/** Readable one-line-per-node summary of violations, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `[${v.impact}] ${v.id} (${v.help}): ${node}`));
}
