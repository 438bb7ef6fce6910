import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import type { Page, Request } from 'playwright-core';
import { launchBrowser, openPage } from '../../tests/e2e/browser.ts';
import { projectRoot } from '../cli/paths.ts';
import { createStaticServer } from '../serve.ts';
import { recallAt1, type EvalQuestion } from '../eval/rule.ts';
import { percentile, round } from './run.ts';

/** Bytes the browser fetched for its first search: every request the search caused, bodies as sent (gzip). */
export interface FirstSearch {
  bytesGzip: number;
  requests: number;
  files: { path: string; bytes: number }[];
}

/** One engine's figures in Chromium. */
export interface BrowserFigures {
  firstSearch: FirstSearch;
  queryP50Ms: number;
  queryP95Ms: number;
}

/** Our search and Pagefind's on the same built site. */
export interface BrowserBench {
  ours: BrowserFigures;
  pagefind: BrowserFigures & { recallAt1: number };
  query: string;
}

const benchDir = '__bench';

/** Writes the benchmark's pages into the built site: our loader bundled on its own, and Pagefind's UI and API. */
async function addBenchPages(dist: string): Promise<void> {
  const dir = path.join(dist, benchDir);
  await mkdir(dir, { recursive: true });
  await esbuild({
    entryPoints: [path.join(projectRoot, 'scripts', 'bench', 'browser-entry.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    outfile: path.join(dir, 'kb-search.js'),
    logLevel: 'error',
  });
  const page = (title: string, head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>\n`;
  await writeFile(path.join(dir, 'kb.html'), page('kb search', '', `<script type="module">import * as kb from './kb-search.js'; window.kb = kb; window.ready = true;</script>`));
  // The default UI, configured as Starlight configures it.
  await writeFile(
    path.join(dir, 'pagefind-ui.html'),
    page('Pagefind UI', '<link href="../pagefind/pagefind-ui.css" rel="stylesheet"><script src="../pagefind/pagefind-ui.js"></script>', `<div id="search"></div><script>window.addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: '#search', showImages: false, showSubResults: true }); });</script>`),
  );
  await writeFile(path.join(dir, 'pagefind.html'), page('Pagefind API', '', `<script type="module">const pf = await import('../pagefind/pagefind.js'); await pf.init(); window.pf = pf; window.ready = true;</script>`));
}

/** Records every request a page makes from now on, with its body size as sent. */
function recordRequests(page: Page) {
  const sizes = new Map<Request, Promise<number>>();
  // A request still finishing when the page closes has no size to report; it counts as 0 rather than failing.
  page.on('requestfinished', (request) => sizes.set(request, request.sizes().then((s) => s.responseBodySize, () => 0)));
  return {
    requests: () => [...sizes.keys()],
    async total(filter: (r: Request) => boolean): Promise<FirstSearch> {
      const picked = [...sizes.keys()].filter((r) => !r.url().startsWith('data:') && filter(r));
      const files = await Promise.all(picked.map(async (r) => ({ path: new URL(r.url()).pathname, bytes: await sizes.get(r)! })));
      files.sort((a, b) => b.bytes - a.bytes);
      return { bytesGzip: files.reduce((n, f) => n + f.bytes, 0), requests: files.length, files };
    },
  };
}

/** Times a search function over the questions in the page: one warm-up pass, then `rounds` timed passes. */
async function timeInPage(page: Page, script: string, questions: string[], rounds: number): Promise<number[]> {
  return page.evaluate(
    async ({ source, qs, n }) => {
      const run = new Function('q', `return (async () => { ${source} })()`) as (q: string) => Promise<unknown>;
      for (const q of qs) await run(q);
      const times: number[] = [];
      for (let r = 0; r < n; r++) {
        for (const q of qs) {
          const t0 = performance.now();
          await run(q);
          times.push(performance.now() - t0);
        }
      }
      return times;
    },
    { source: script, qs: questions, n: rounds },
  );
}

/**
 * Serves a built site that holds both indexes and measures, in fresh headless Chromium contexts: the first search's
 * transfer through each UI, query latency through each engine's own API (top 10 results with their display text),
 * and Pagefind's Recall@1 on the dev set (its top page's text under the same rule as ours).
 */
export async function benchBrowser(options: { dist: string; questions: EvalQuestion[]; firstQuery: string; rounds?: number }): Promise<BrowserBench> {
  await addBenchPages(options.dist);
  const server = await createStaticServer(options.dist, '/');
  const browser = await launchBrowser();
  const texts = options.questions.map((q) => q.question);
  const rounds = options.rounds ?? 3;
  try {
    // Ours: the home page, then Ctrl+K and the query typed in the dialog, as a visitor does.
    const home = await openPage(browser, '/', { baseUrl: server.url, navigate: false });
    const homeRec = recordRequests(home.page);
    await home.page.goto(server.url, { waitUntil: 'networkidle' });
    const atLoad = new Set(homeRec.requests());
    const scriptsAtLoad = new Set([...atLoad].filter((r) => r.resourceType() === 'script'));
    await home.page.keyboard.press('Control+k');
    await home.page.locator('dialog[open] input[type="search"]').waitFor();
    await home.page.locator('dialog[open] input[type="search"]').fill(options.firstQuery);
    await home.page.locator('dialog[open] [role="option"]').first().waitFor();
    await home.page.waitForLoadState('networkidle');
    const oursFirst = await homeRec.total((r) => scriptsAtLoad.has(r) || (!atLoad.has(r) && !r.url().endsWith('.svg')));
    await home.close();

    const kb = await openPage(browser, `${benchDir}/kb.html`, { baseUrl: server.url });
    await kb.page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    await kb.page.evaluate(async () => {
      const w = window as unknown as { kb: { openEngine: (i: string) => Promise<unknown> }; engine: unknown };
      w.engine = await w.kb.openEngine('/search/');
    });
    const ours = await timeInPage(kb.page, 'await window.kb.searchEntries(window.engine, q, { limit: 10 });', texts, rounds);
    await kb.close();

    // Pagefind: its default UI (pagefind-ui.js and .css load with the page, as on a Starlight site).
    const ui = await openPage(browser, `${benchDir}/pagefind-ui.html`, { baseUrl: server.url, navigate: false });
    const uiRec = recordRequests(ui.page);
    await ui.page.goto(`${server.url}${benchDir}/pagefind-ui.html`, { waitUntil: 'networkidle' });
    await ui.page.locator('.pagefind-ui__search-input').fill(options.firstQuery);
    await ui.page.locator('.pagefind-ui__result').first().waitFor();
    await ui.page.waitForLoadState('networkidle');
    const pagefindFirst = await uiRec.total((r) => r.resourceType() !== 'document');
    await ui.close();

    const pf = await openPage(browser, `${benchDir}/pagefind.html`, { baseUrl: server.url });
    await pf.page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const pagefindTimes = await timeInPage(pf.page, 'const r = await window.pf.search(q); await Promise.all(r.results.slice(0, 10).map((x) => x.data()));', texts, rounds);
    const tops = await pf.page.evaluate(async (qs) => {
      const w = window as unknown as { pf: { search: (q: string) => Promise<{ results: { data: () => Promise<{ content: string }> }[] }> } };
      const out: (string | null)[] = [];
      for (const q of qs) {
        const r = await w.pf.search(q);
        out.push(r.results[0] ? (await r.results[0].data()).content : null);
      }
      return out;
    }, texts);
    await pf.close();

    const figures = (first: FirstSearch, times: number[]): BrowserFigures => ({ firstSearch: first, queryP50Ms: round(percentile(times, 50), 2), queryP95Ms: round(percentile(times, 95), 2) });
    return {
      ours: figures(oursFirst, ours),
      pagefind: { ...figures(pagefindFirst, pagefindTimes), recallAt1: round(recallAt1(options.questions, tops), 4) },
      query: options.firstQuery,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
