// Unit tests for scripts/bench/site.ts: a site built in shards is the site built at once.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, shardsOf, type SiteBuild } from '../../../scripts/bench/site.ts';
import { projectRoot } from '../../../scripts/cli/paths.ts';
import { kb } from '../run-kb.ts';

/** Every file under a folder, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? filesUnder(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]))
    .sort();
}

/** Page URLs a site's sitemaps list. */
function sitemapUrls(dist: string): string[] {
  return readdirSync(dist)
    .filter((f) => /^sitemap-(?!index).*\.xml$/.test(f))
    .flatMap((f) => readFileSync(path.join(dist, f), 'utf8').match(/<loc>[^<]*<\/loc>/g) ?? [])
    .sort();
}

describe('bench/site', () => {
  it('splits items into runs of nearly equal length, in order', () => {
    expect(shardsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(shardsOf([1, 2, 3], 1)).toEqual([[1, 2, 3]]);
    expect(shardsOf([1, 2, 3, 4, 5, 6, 7], 3).flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  describe('a site built in shards', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'kb-site-'));
    const kbDir = path.join(work, 'kb');
    let whole: SiteBuild;
    let sharded: SiteBuild;

    beforeAll(async () => {
      expect((await kb('build', '--out', kbDir, '--no-cache')).code).toBe(0);
      const contentDir = path.join(projectRoot, 'content');
      whole = await buildSite({ kbDir, contentDir, workDir: path.join(work, 'whole') });
      sharded = await buildSite({ kbDir, contentDir, workDir: path.join(work, 'sharded'), perBuild: 50 });
    }, 600_000);
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('has the same pages, byte for byte, as the site built at once', () => {
      expect(whole.shards).toBe(1);
      expect(sharded.shards).toBeGreaterThan(1);
      const pages = filesUnder(whole.dist).filter((f) => !f.startsWith('sitemap'));
      expect(pages.filter((f) => f.startsWith('entries/')).length).toBe(readdirSync(path.join(kbDir, 'entries')).length);
      expect(filesUnder(sharded.dist).filter((f) => !f.startsWith('sitemap'))).toEqual(pages);
      for (const page of pages) expect(readFileSync(path.join(sharded.dist, page)).equals(readFileSync(path.join(whole.dist, page))), page).toBe(true);
    });

    it('lists every page in its sitemaps, once, through the sitemap index', () => {
      expect(sitemapUrls(sharded.dist)).toEqual(sitemapUrls(whole.dist));
      const index = readFileSync(path.join(sharded.dist, 'sitemap-index.xml'), 'utf8');
      for (const f of readdirSync(sharded.dist).filter((f) => /^sitemap-(?!index).*\.xml$/.test(f))) expect(index).toContain(`/${f}</loc>`);
    });
  });
});
