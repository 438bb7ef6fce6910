// First-visit weight budget: every built page loads at most 30 KB gzipped (HTML with its inlined CSS and scripts,
// plus external stylesheets and eager scripts with their static imports); the median stays at or under 20 KB.
import { describe, expect, inject, it } from 'vitest';
import { distPages, median, normalizeBase, pageWeight, type PageWeight } from './dist-pages.ts';

const MAX_BYTES = 30 * 1024;
const MEDIAN_BYTES = 20 * 1024;

describe('size budget', () => {
  const distDir = inject('distDir');
  const base = normalizeBase();
  const pages = distPages(distDir, base);
  let weights: PageWeight[] = [];

  it('measures every built page', async () => {
    expect(pages.length).toBeGreaterThan(0);
    weights = await Promise.all(pages.map((page) => pageWeight(distDir, base, page)));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const sorted = [...weights].sort((a, b) => b.total - a.total);
    console.log(
      `[size] ${weights.length} pages: median ${kb(median(weights.map((w) => w.total)))}, max ${kb(sorted[0].total)} (${sorted[0].path})`,
    );
  });

  it(`every page is at most ${MAX_BYTES / 1024} KB gzipped`, () => {
    const over = weights.filter((w) => w.total > MAX_BYTES).map((w) => `${w.path}: ${w.total} bytes`);
    expect(over).toEqual([]);
  });

  it(`the median page is at most ${MEDIAN_BYTES / 1024} KB gzipped`, () => {
    expect(median(weights.map((w) => w.total))).toBeLessThanOrEqual(MEDIAN_BYTES);
  });
});
