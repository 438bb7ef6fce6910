// `npm run screenshot`: serve the built dist/ and save docs/screenshot-home.png, docs/screenshot-entry.png and
// docs/screenshot-ask.png.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createStaticServer } from './serve.ts';
import { launchBrowser, openPage } from '../tests/e2e/browser.ts';

const VIEWPORT = { width: 1280, height: 800 };

/**
 * Take the README screenshots; the entry is env SCREENSHOT_ENTRY or the home page's first entry link, the question asked
 * on /ask/ env SCREENSHOT_QUESTION or a trap whose answer changed between sources.
 */
export async function takeScreenshots(distDir = 'dist', outDir = 'docs'): Promise<string[]> {
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(`No built site at ${resolve(distDir)}: run \`npm run build\` first.`);
  }
  await mkdir(outDir, { recursive: true });
  const server = await createStaticServer(distDir, process.env.KB_BASE ?? '/');
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    const home = await openPage(browser, '/', { baseUrl: server.url, viewport: VIEWPORT });
    await home.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await home.page.screenshot({ path: resolve(outDir, 'screenshot-home.png') });
    written.push(resolve(outDir, 'screenshot-home.png'));
    const entry =
      process.env.SCREENSHOT_ENTRY ??
      (await home.page
        .locator('a[href*="/entries/"]')
        .first()
        .getAttribute('href', { timeout: 2000 })
        .catch(() => null));
    await home.close();
    if (!entry) throw new Error('No a[href*="/entries/"] link on the home page; set SCREENSHOT_ENTRY=/entries/…/');
    // Links from the page are absolute paths that already contain the base.
    // The top of the page, not the statement a #fragment points at.
    const target = process.env.SCREENSHOT_ENTRY ? entry : new URL(entry, server.url).href.split('#')[0];
    const page = await openPage(browser, target, { baseUrl: server.url, viewport: VIEWPORT });
    if (page.response?.status() !== 200) throw new Error(`${page.url} answered ${page.response?.status()}`);
    await page.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.page.screenshot({ path: resolve(outDir, 'screenshot-entry.png') });
    written.push(resolve(outDir, 'screenshot-entry.png'));
    await page.close();
    const ask = await openPage(browser, '/ask/', { baseUrl: server.url, viewport: VIEWPORT });
    await ask.page.locator('#kb-ask-input').fill(process.env.SCREENSHOT_QUESTION ?? 'can a cluster have more than 8 node pools?');
    await ask.page.locator('#kb-ask-input').press('Enter');
    await ask.page.locator('.kb-turn').first().waitFor();
    // Asking moves focus to the answer, which scrolls the header off; the picture starts at the top.
    await ask.page.evaluate(() => document.fonts.ready.then(() => window.scrollTo(0, 0)));
    await ask.page.screenshot({ path: resolve(outDir, 'screenshot-ask.png') });
    written.push(resolve(outDir, 'screenshot-ask.png'));
    await ask.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (import.meta.main) {
  try {
    const files = await takeScreenshots(process.env.KB_DIST ?? 'dist');
    for (const file of files) console.log(`wrote ${file}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
