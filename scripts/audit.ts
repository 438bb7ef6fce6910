// `npm run audit`: Lighthouse (mobile) on key pages of the built dist/; writes audit/lighthouse.json.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { createStaticServer } from './serve.ts';
import { assertChromium, CHROMIUM_ARGS } from '../tests/e2e/browser.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One audited page: site path, the four category scores (0–100) and the audits that lost points. */
export interface AuditedPage {
  name: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  issues: { category: string; id: string; title: string; score: number }[];
  error?: string;
}

/** Site-relative path ('/ask/') for an href found on a page of the site served at baseUrl. */
function toSitePath(href: string, pageUrl: string, baseUrl: string): string | undefined {
  const url = new URL(href, pageUrl);
  const base = new URL(baseUrl);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  return `/${url.pathname.slice(base.pathname.length)}`;
}

/** Hrefs of <a> elements in an HTML page (good enough for Astro's static output). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1].replaceAll('&amp;', '&'));
}

async function fetchLinks(baseUrl: string, path: string): Promise<string[]> {
  const pageUrl = new URL(path.slice(1), baseUrl).href;
  const response = await fetch(pageUrl);
  if (!response.ok) return [];
  return hrefs(await response.text())
    .map((href) => toSitePath(href.split('#')[0], pageUrl, baseUrl))
    .filter((p): p is string => !!p);
}

/** Breadth-first walk of /wizard/ pages; the first page with no undiscovered wizard link is a leaf. */
async function findWizardLeaf(baseUrl: string, start: string): Promise<string | undefined> {
  const discovered = new Set([start]);
  const queue = [start];
  let last: string | undefined;
  for (let visited = 0; queue.length > 0 && visited < 60; visited++) {
    const path = queue.shift()!;
    last = path;
    const links = (await fetchLinks(baseUrl, path)).filter((p) => p.includes('/wizard/'));
    const fresh = [...new Set(links)].filter((p) => !discovered.has(p));
    if (path !== start && fresh.length === 0) return path;
    for (const p of fresh) {
      discovered.add(p);
      queue.push(p);
    }
  }
  return last === start ? undefined : last;
}

/** Pages to audit: env AUDIT_PATHS (comma list), else home, one entry, /ask/ and one wizard leaf. */
async function choosePages(baseUrl: string): Promise<{ name: string; path: string }[]> {
  if (process.env.AUDIT_PATHS) {
    return process.env.AUDIT_PATHS.split(',').map((p) => ({ name: p.trim(), path: p.trim() }));
  }
  const homeLinks = await fetchLinks(baseUrl, '/');
  const entry = process.env.AUDIT_ENTRY ?? homeLinks.find((p) => p.includes('/entries/'));
  const wizardStart = homeLinks.find((p) => p.includes('/wizard/')) ?? '/wizard/';
  const wizard = process.env.AUDIT_WIZARD ?? (await findWizardLeaf(baseUrl, wizardStart));
  const pages = [{ name: 'home', path: '/' }];
  if (entry) pages.push({ name: 'entry', path: entry });
  else console.warn('audit: no /entries/ link on the home page (set AUDIT_ENTRY); skipped');
  pages.push({ name: 'ask', path: '/ask/' });
  if (wizard) pages.push({ name: 'wizard leaf', path: wizard });
  else console.warn('audit: no wizard leaf found (set AUDIT_WIZARD); skipped');
  return pages;
}

/** Start Chromium with a DevTools port for Lighthouse; resolves once the port is known. */
async function startChromium(userDataDir: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    assertChromium(),
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const port = await new Promise<number>((done, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not report a DevTools port:\n${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.on('exit', (code) => fail(new Error(`Chromium exited (${code}) before listening:\n${seen}`)));
  });
  return { port, child };
}

function stopChromium(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    try {
      process.kill(-child.pid!, 'SIGTERM'); // its own process group: Chromium's helpers go too
    } catch {
      child.kill('SIGTERM');
    }
  });
}

/** Audit the pages of distDir with Lighthouse's default (mobile) configuration. */
export async function runAudit(distDir = 'dist'): Promise<AuditedPage[]> {
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(`No built site at ${resolve(distDir)}: run \`npm run build\` first.`);
  }
  const server = await createStaticServer(distDir, process.env.KB_BASE ?? '/');
  const profile = await mkdtemp(join(tmpdir(), 'kb-audit-'));
  const chromium = await startChromium(profile);
  const results: AuditedPage[] = [];
  try {
    for (const { name, path } of await choosePages(server.url)) {
      const url = new URL(path.replace(/^\//, ''), server.url).href;
      console.error(`audit: ${name} ${path}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, null])) as AuditedPage['scores'];
      try {
        const run = await lighthouse(url, {
          port: chromium.port,
          hostname: '127.0.0.1',
          logLevel: 'error',
          output: 'json',
          onlyCategories: [...CATEGORIES],
        });
        if (!run) throw new Error('Lighthouse returned no result');
        const lhr = run.lhr;
        const issues: AuditedPage['issues'] = [];
        for (const id of CATEGORIES) {
          const category = lhr.categories[id];
          scores[id] = category?.score == null ? null : Math.round(category.score * 100);
          if (id === 'performance') continue;
          for (const ref of category?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit?.score != null && audit.score < 1) {
              issues.push({ category: id, id: ref.id, title: audit.title, score: audit.score });
            }
          }
        }
        const error = lhr.runtimeError?.message;
        results.push({ name, path, scores, issues, ...(error ? { error } : {}) });
      } catch (error) {
        results.push({ name, path, scores, issues: [], error: String(error) });
      }
    }
  } finally {
    await stopChromium(chromium.child);
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  return results;
}

/** Plain-text table of the scores, one row per page. */
export function formatTable(pages: AuditedPage[]): string {
  const header = ['page', 'path', ...CATEGORIES];
  const rows = pages.map((p) => [p.name, p.path, ...CATEGORIES.map((c) => String(p.scores[c] ?? '–'))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (import.meta.main) {
  try {
    const pages = await runAudit(process.env.KB_DIST ?? 'dist');
    await mkdir('audit', { recursive: true });
    const report = { formFactor: 'mobile', generatedAt: new Date().toISOString(), pages };
    await writeFile('audit/lighthouse.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatTable(pages));
    for (const page of pages) {
      if (page.error) console.log(`\n${page.name}: ${page.error}`);
      for (const issue of page.issues) console.log(`${page.name}: [${issue.category}] ${issue.id}: ${issue.title}`);
    }
    console.log('\nwrote audit/lighthouse.json');
    if (pages.some((p) => p.error)) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
