// Vitest global setup for browser tests: checks Chromium and dist/, serves dist/ and provides its URL.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createStaticServer } from '../../scripts/serve.ts';
import { assertChromium } from './browser.ts';

/** Serve the built site (env KB_DIST, default dist/) under env KB_BASE (default '/'). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  const distDir = resolve(process.env.KB_DIST ?? 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(
      `No built site: ${resolve(distDir, 'index.html')} is missing. Run \`npm run build\` first (or set KB_DIST).`,
    );
  }
  const server = await createStaticServer(distDir, process.env.KB_BASE ?? '/');
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return () => server.close();
}
