// A knowledge base built from hostile sources (tests/fixtures/kb-hostile): script and img tags, JSX expressions,
// ESM lines, a javascript: link, a 2 MB line, BOM/CRLF/mixed scripts and a zero-width character in a question.
// Every page must show that text inertly: no dialog, no script error, no element the source tried to inject.
// (The FAQ JSON-LD block carries the question text as data; only executable scripts are checked for `alert(`.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, type StaticServer } from '../../scripts/serve.ts';
import { launchBrowser, openPage } from './browser.ts';

const root = path.resolve('.');
const fixture = path.join(root, 'tests/fixtures/kb-hostile');
const node = path.join(root, 'node_modules/.bin/node');
const work = mkdtempSync(path.join(tmpdir(), 'kb-hostile-'));
const kbOut = path.join(work, 'kb');
const dist = path.join(work, 'dist');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(node, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

function htmlPages(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const p = path.join(rel, name);
    if (statSync(path.join(dir, p)).isDirectory()) return htmlPages(dir, p);
    return name.endsWith('.html') ? [`/${p.replace(/index\.html$/, '')}`] : [];
  });
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  run(['scripts/kb.mjs', 'build', '--quiet', '--no-cache', '--sources', path.join(fixture, 'sources'), '--out', kbOut]);
  run(['node_modules/.bin/astro', 'build', '--outDir', dist], { KB_OUT: kbOut, KB_CONTENT: fixture, KB_BASE: '/' });
  server = await createStaticServer(dist, '/');
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a site built from hostile sources', () => {
  it('renders every page with no dialog, no script error and no injected element', async () => {
    const pages = htmlPages(dist);
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) {
      const opened = await openPage(browser, p, { baseUrl: server.url });
      const injected = await opened.page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload], [onmouseover], a[href^="javascript:"]').length);
      const alerts = await opened.page.evaluate(() => [...document.scripts].filter((s) => (!s.type || s.type === 'module' || /javascript/.test(s.type)) && /alert\(/.test(s.textContent ?? '')).length);
      const problems = opened.problems.filter((x) => x.kind === 'dialog' || x.kind === 'pageerror');
      await opened.close();
      expect({ page: p, injected, alerts, problems }).toEqual({ page: p, injected: 0, alerts: 0, problems: [] });
    }
  });

  it('shows the hostile markup as the text it is', async () => {
    const entry = htmlPages(dist).find((p) => p.includes('can-a-source-run-a-script'))!;
    const opened = await openPage(browser, entry, { baseUrl: server.url });
    const text = await opened.page.locator('main').innerText();
    await opened.close();
    for (const s of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', "{constructor.constructor('alert(3)')()}", "import fs from 'fs'", 'export const x = 1']) expect(text).toContain(s);
  });

  it('keeps mixed scripts, the zero-width question and the 2 MB line', async () => {
    const file = (p: string) => path.join(dist, p.endsWith('.html') ? p : path.join(p, 'index.html'));
    const html = htmlPages(dist).map((p) => readFileSync(file(p), 'utf8')).join('\n');
    expect(html).toContain('Ελληνικά, русский, עברית, العربية, 日本語, emoji 🧪');
    expect(html).toContain('zero\u200bwidth');
    const long = htmlPages(dist).find((p) => p.includes('very-long-line'))!;
    expect(readFileSync(file(long), 'utf8').length).toBeGreaterThan(2_000_000);
  });
});
