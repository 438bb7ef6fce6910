// Every internal link, form action, subresource and #anchor in the built site resolves to a built file (and an
// element id); links stay under the deploy base; links copied from sources are absolute URLs to the original site.
import { describe, expect, inject, it } from 'vitest';
import { distFileFor, distPages, normalizeBase, type DistPage } from './dist-pages.ts';

const origin = 'http://site.invalid';

/** URL-bearing attributes to check, per element. */
function urlsOf(page: DistPage): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const el of page.elements) {
    const rel = el.attributes.rel ?? '';
    const attrs: (string | undefined)[] = [];
    if (el.name === 'a' || el.name === 'area') attrs.push(el.attributes.href);
    if (el.name === 'link' && rel !== 'canonical') attrs.push(el.attributes.href);
    if (el.name === 'form') attrs.push(el.attributes.action);
    if (['script', 'img', 'source', 'iframe'].includes(el.name)) attrs.push(el.attributes.src);
    for (const url of attrs) if (url !== undefined) out.push({ where: `<${el.name}>`, url });
  }
  return out;
}

describe('links', () => {
  const distDir = inject('distDir');
  const base = normalizeBase();
  const pages = distPages(distDir, base);
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const idsOf = (page: DistPage) => new Set(page.elements.flatMap((el) => [el.attributes.id, el.name === 'a' ? el.attributes.name : undefined]).filter(Boolean));

  it('every internal link and anchor resolves, under the deploy base', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const pageUrl = new URL(page.path, origin);
      for (const { where, url } of urlsOf(page)) {
        if (/^(mailto|tel|data):/i.test(url)) continue;
        const target = new URL(url, pageUrl);
        if (target.origin !== origin) continue;
        checked += 1;
        const problem = (why: string) => broken.push(`${page.path} ${where} ${url}: ${why}`);
        if (!target.pathname.startsWith(base)) {
          problem(`outside the base ${base}`);
          continue;
        }
        const file = distFileFor(distDir, base, target.pathname);
        if (!file) {
          problem('no such page or file in the build');
          continue;
        }
        if (target.hash.length > 1) {
          const targetPage = byFile.get(file);
          const id = decodeURIComponent(target.hash.slice(1));
          if (!targetPage || !idsOf(targetPage).has(id)) problem(`no element with id "${id}"`);
        }
      }
    }
    expect(checked).toBeGreaterThan(pages.length);
    expect(broken).toEqual([]);
  });

  it('links into the original sources are absolute http(s) URLs', () => {
    const relative: string[] = [];
    for (const page of pages.filter((p) => p.path.includes('/entries/'))) {
      // Links inside the entry body come from the source text.
      const answer = page.elements.filter((el) => el.name === 'a' && el.attributes.href && !el.attributes.class?.includes('statement-link'));
      for (const link of answer) {
        const href = link.attributes.href;
        if (/^(https?:)?\/\//.test(href) || href.startsWith(base) || href.startsWith('#')) continue;
        relative.push(`${page.path}: ${href}`);
      }
    }
    expect(relative).toEqual([]);
  });
});
