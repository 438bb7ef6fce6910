// Search in a real browser: `node scripts/bench-search-page.ts [--dist DIR] [--base /]`. Serves the built site,
// opens the home page in headless Chromium, opens the search dialog with Ctrl+K and types a question. Reports the
// bytes the first search transferred (gzip, as the server sends them; JavaScript, index and result files) and how
// long results take to appear after each keystroke once the index is loaded.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Request } from 'playwright-core';
import { launchBrowser, openPage } from '../tests/e2e/browser.ts';
import { projectRoot } from './cli/paths.ts';
import { createStaticServer } from './serve.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' }, base: { type: 'string' }, query: { type: 'string' } } });
const server = await createStaticServer(path.resolve(projectRoot, values.dist ?? 'dist'), values.base ?? '/');
const browser = await launchBrowser();
const query = values.query ?? 'privileged containers on windows nodes';
try {
  const opened = await openPage(browser, '/', { baseUrl: server.url, navigate: false });
  const { page } = opened;
  const sizes = new Map<Request, Promise<number>>();
  page.on('requestfinished', (request) => sizes.set(request, request.sizes().then((s) => s.responseBodySize)));
  await page.goto(server.url, { waitUntil: 'networkidle' });
  const atLoad = [...sizes.keys()].filter((r) => r.resourceType() === 'script');
  // The search code a content page loads with the page (the island), then everything the first search loads.
  const searchRequests = new Set<Request>(atLoad.filter((r) => !r.url().startsWith('data:')));
  const loadedBefore = new Set(sizes.keys());

  await page.keyboard.press('Control+k');
  await page.locator('dialog.kb-palette[open]').waitFor();
  await page.locator('.kb-status', { hasText: 'Type to search' }).waitFor();
  await page.fill('#kb-search-input', query.split(' ')[0]);
  await page.locator('[role="option"] .kb-snippet mark').first().waitFor();
  await page.waitForLoadState('networkidle');
  for (const request of sizes.keys()) if (!loadedBefore.has(request) && !request.url().endsWith('.svg')) searchRequests.add(request);
  const transfers = await Promise.all([...searchRequests].map(async (r) => ({ url: new URL(r.url()).pathname, bytes: await sizes.get(r)! })));
  const firstSearch = transfers.reduce((sum, t) => sum + t.bytes, 0);

  // Keystroke → results on screen: time from the key event to the next paint after the list changed.
  const latencies: number[] = [];
  for (const ch of query.slice(query.split(' ')[0].length)) {
    const ms = await page.evaluate(async (key) => {
      const input = document.querySelector<HTMLInputElement>('#kb-search-input')!;
      const list = document.querySelector('#kb-search-results')!;
      const changed = new Promise<void>((resolve) => new MutationObserver((_, o) => (o.disconnect(), resolve())).observe(list, { childList: true, subtree: true, characterData: true }));
      const t0 = performance.now();
      input.value += key;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: key }));
      await Promise.race([changed, new Promise((r) => setTimeout(r, 1000))]);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - t0;
    }, ch);
    latencies.push(ms);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`Scripts at page load: ${atLoad.map((r) => new URL(r.url()).pathname).join(', ') || 'none'}`);
  console.log(`First search ("${query.split(' ')[0]}", search code included): ${transfers.length} requests, ${(firstSearch / 1024).toFixed(1)} KiB transferred (response bodies as sent, gzip)`);
  for (const t of transfers.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${(t.bytes / 1024).toFixed(1).padStart(6)} KiB  ${t.url}`);
  console.log(`Keystroke → results painted (${latencies.length} keystrokes of "${query}"): median ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  if (opened.problems.length) console.log('Page problems:', opened.problems);
  await opened.close();
} finally {
  await browser.close();
  await server.close();
}
