// Reading the built site from disk: its HTML pages, their parsed elements, and what each page loads eagerly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse as parseModule } from 'es-module-lexer';
import { ELEMENT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';

/** One built HTML page: its file, its URL path under the deploy base, and its parsed elements. */
export interface DistPage {
  file: string;
  /** URL path including the base, e.g. `/kb/entries/x/` (or `/kb/404.html`). */
  path: string;
  html: string;
  elements: ElementNode[];
}

/** Every `.html` file under `dir`, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(full));
    else if (name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

/** The deploy base as a path with leading and trailing slashes (`/`, `/kb/`). */
export function normalizeBase(base = process.env.KB_BASE ?? '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** All elements of an HTML document, in document order. */
export function elementsOf(html: string): ElementNode[] {
  const elements: ElementNode[] = [];
  walkSync(parse(html), (node) => {
    if (node.type === ELEMENT_NODE) elements.push(node as ElementNode);
  });
  return elements;
}

/** Load and parse every page of the built site. */
export function distPages(distDir: string, base = normalizeBase()): DistPage[] {
  return htmlFiles(distDir).map((file) => {
    const rel = relative(distDir, file).split(sep).join('/');
    const path = base + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
    const html = readFileSync(file, 'utf8');
    return { file, path, html, elements: elementsOf(html) };
  });
}

/** The dist file a same-origin URL path maps to (directory URLs map to their index.html), if it exists. */
export function distFileFor(distDir: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = decodeURIComponent(pathname.slice(base.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(distDir, rel, 'index.html')] : [join(distDir, rel), join(distDir, rel, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Gzipped size in bytes (level 9, as a static host would precompress). */
export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** What one page loads on first visit, with gzipped sizes. */
export interface PageWeight {
  path: string;
  /** Gzipped HTML (inlined CSS and inline scripts included). */
  html: number;
  /** Eager external resources: stylesheets, module/classic scripts and their static imports. */
  resources: { url: string; gzip: number }[];
  total: number;
}

const origin = 'http://site.invalid';

/**
 * Gzipped first-visit weight of a page: the HTML plus every stylesheet and script it loads eagerly, following
 * static `import`s of module scripts (dynamic `import()` is lazy and not counted).
 */
export async function pageWeight(distDir: string, base: string, page: DistPage): Promise<PageWeight> {
  await init;
  const seen = new Map<string, number>();
  const pageUrl = new URL(page.path, origin);
  const visit = (url: URL, kind: 'css' | 'js') => {
    if (url.origin !== origin || seen.has(url.pathname)) return;
    const file = distFileFor(distDir, base, url.pathname);
    if (!file) throw new Error(`${page.path} loads ${url.pathname}, which is not in the build`);
    const content = readFileSync(file, 'utf8');
    seen.set(url.pathname, gzipSize(content));
    if (kind === 'js') staticImports(content).forEach((spec) => visit(new URL(spec, url), 'js'));
  };
  for (const el of page.elements) {
    const rel = (el.attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (el.name === 'script' && el.attributes.src) visit(new URL(el.attributes.src, pageUrl), 'js');
    else if (el.name === 'script' && el.attributes.type === 'module') {
      const inline = el.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
      staticImports(inline).forEach((spec) => visit(new URL(spec, pageUrl), 'js'));
    } else if (el.name === 'link' && rel.includes('stylesheet')) visit(new URL(el.attributes.href, pageUrl), 'css');
    else if (el.name === 'link' && rel.includes('modulepreload')) visit(new URL(el.attributes.href, pageUrl), 'js');
  }
  const html = gzipSize(page.html);
  const resources = [...seen].map(([url, gzip]) => ({ url, gzip }));
  return { path: page.path, html, resources, total: html + resources.reduce((sum, r) => sum + r.gzip, 0) };
}

/** Specifiers of a module's static imports and re-exports (not dynamic `import()`). */
function staticImports(source: string): string[] {
  const [imports] = parseModule(source);
  return imports.filter((i) => i.d === -1 && i.n).map((i) => i.n as string);
}

/** Median of some numbers (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
