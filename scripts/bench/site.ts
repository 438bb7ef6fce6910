import { copyFile, cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../cli/paths.ts';
import { round, runTimed } from './run.ts';

/** An Astro build of one corpus. */
export interface SiteBuild {
  command: string;
  seconds: number;
  peakRssMB: number | null;
  /** How many Astro builds made the site (see `entriesPerBuild`). */
  shards: number;
  dist: string;
}

/**
 * Most entries one Astro build renders. Astro bundles every MDX entry as a module of one Rolldown build, and
 * Rolldown's native memory grows faster than the entry count: 3.9 GB at 10,000 entries, and a 50,000-entry build
 * was killed at 24 GB (its JS heap was 1.75 GB). Past this many, the site is built in shards.
 */
export const entriesPerBuild = 10_000;

/** What the site build needs from the project; everything else (tests, scripts, content) stays out. */
const siteFiles = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Copies the site into its own workspace so that its Astro caches (`.astro/`, the content-layer store) are not
 * shared with other builds running on the machine, and points it at the corpus's `.kb` and content folders.
 */
async function workspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of siteFiles) await cp(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
  await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'astro.bench.mjs'), "import config from './astro.config.mjs';\n\n// Keep the content-layer cache inside this workspace.\nexport default { ...config, cacheDir: './.astro-cache' };\n");
}

/** How many Astro builds a site of this many entries takes (see `entriesPerBuild`). */
export function buildsFor(entries: number, perBuild = entriesPerBuild): number {
  return Math.max(1, Math.ceil(entries / perBuild));
}

/** Splits sorted file names into `count` runs of nearly equal length. */
export function shardsOf<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, k) => items.slice(k * size, (k + 1) * size));
}

/**
 * Moves what shard `k`'s build rendered into the site: its entry pages, any asset the first build lacks, and its
 * entry pages' sitemap URLs, as a sitemap of their own listed in the site's sitemap index.
 */
async function mergeShard(from: string, into: string, k: number): Promise<void> {
  for (const page of await readdir(path.join(from, 'entries'))) await rename(path.join(from, 'entries', page), path.join(into, 'entries', page));
  // Asset names carry their content hash, so the same name is the same file.
  const assets = path.join(from, '_astro');
  const have = new Set(await readdir(path.join(into, '_astro')));
  for (const name of await readdir(assets)) if (!have.has(name)) await copyFile(path.join(assets, name), path.join(into, '_astro', name));
  // The sitemap files are @astrojs/sitemap's output of this very build: one <url> element per page.
  const urls: string[] = [];
  for (const name of (await readdir(from)).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
    for (const url of (await readFile(path.join(from, name), 'utf8')).match(/<url>.*?<\/url>/g) ?? []) if (url.includes('/entries/')) urls.push(url);
  }
  const indexFile = path.join(into, 'sitemap-index.xml');
  const index = await readFile(indexFile, 'utf8');
  const first = /<loc>([^<]*)sitemap-0\.xml<\/loc>/.exec(index);
  if (first && urls.length > 0) {
    const name = `sitemap-entries-${k}.xml`;
    await writeFile(path.join(into, name), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
    await writeFile(indexFile, index.replace('</sitemapindex>', `<sitemap><loc>${first[1]}${name}</loc></sitemap></sitemapindex>`));
  }
  await rm(from, { recursive: true, force: true });
}

/**
 * Builds the site for a corpus: `KB_OUT=<kb> KB_CONTENT=<content> astro build --outDir <dist>`. Past
 * `entriesPerBuild` entries it runs one build per share of the entry files (`KB_ENTRIES=<folder>`, read by
 * src/content.config.ts) and moves each share's entry pages into the first build's output; pages other than entry
 * pages read kb.json, not the collection, so every build renders them alike and the first build's are kept.
 */
export async function buildSite(options: { kbDir: string; contentDir: string; workDir: string; perBuild?: number }): Promise<SiteBuild> {
  const ws = path.join(options.workDir, 'site');
  const dist = path.join(options.workDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  const entriesDir = path.join(options.kbDir, 'entries');
  const files = (await readdir(entriesDir)).filter((f) => f.endsWith('.mdx')).sort();
  const shards = shardsOf(files, buildsFor(files.length, options.perBuild));
  const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const folder = path.join(options.workDir, 'site-entries');
  const env: NodeJS.ProcessEnv = { ...process.env, KB_OUT: options.kbDir, KB_CONTENT: options.contentDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() };
  if (shards.length > 1) env.KB_ENTRIES = folder;
  let seconds = 0;
  let peakRssMB: number | null = null;
  for (const [k, share] of shards.entries()) {
    await workspace(ws);
    if (shards.length > 1) {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      for (const file of share) await copyFile(path.join(entriesDir, file), path.join(folder, file));
    }
    const out = k === 0 ? dist : `${dist}-${k}`;
    const r = await runTimed(process.execPath, [astro, 'build', '--config', 'astro.bench.mjs', '--outDir', out], { cwd: ws, env });
    if (r.code !== 0) throw new Error(`astro build failed (${r.code}${shards.length > 1 ? `, shard ${k + 1} of ${shards.length}` : ''}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
    seconds += r.seconds;
    if (r.peakRssMB !== null) peakRssMB = Math.max(peakRssMB ?? 0, r.peakRssMB);
    if (k > 0) await mergeShard(out, dist, k);
  }
  await rm(folder, { recursive: true, force: true });
  const rel = (p: string) => path.relative(projectRoot, p);
  const command = `KB_OUT=${rel(options.kbDir)} KB_CONTENT=${rel(options.contentDir)} astro build --outDir ${rel(dist)}`;
  return {
    command: shards.length > 1 ? `${shards.length} × KB_ENTRIES=<share of ${rel(entriesDir)}> ${command} (entry pages merged)` : command,
    seconds: round(seconds, 2),
    peakRssMB: peakRssMB === null ? null : round(peakRssMB, 1),
    shards: shards.length,
    dist,
  };
}
