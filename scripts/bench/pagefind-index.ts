// `node scripts/bench/pagefind-index.ts DIST`: indexes a built site with Pagefind's Node API (the npm package runs
// its bundled binary, offline), the way Starlight does after `astro build`. Prints one JSON object.
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** What indexing with Pagefind did. */
export interface PagefindIndexResult {
  pages: number;
  seconds: number;
  outputPath: string;
}

const dist = process.argv[2];
if (!dist) throw new Error('usage: pagefind-index.ts DIST');
const outputPath = path.join(dist, 'pagefind');
const t0 = performance.now();
try {
  // Only the page's main content, as Starlight marks it with data-pagefind-body: header, navigation and footer
  // would otherwise match every query on every page.
  const created = await createIndex({ rootSelector: 'main', forceLanguage: 'en' });
  if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
  const added = await created.index.addDirectory({ path: dist });
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await created.index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  const result: PagefindIndexResult = { pages: added.page_count, seconds: (performance.now() - t0) / 1000, outputPath };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await close();
}
