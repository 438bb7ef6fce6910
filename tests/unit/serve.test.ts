// Unit tests for scripts/serve.ts: base prefix, index files, redirects, 404 page and path safety.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, normalizeBase, siteUrl } from '../../scripts/serve.ts';
import type { StaticServer } from '../../scripts/serve.ts';

describe('scripts/serve', () => {
  let dist: string;
  let server: StaticServer;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'kb-serve-'));
    await mkdir(join(dist, 'entries', 'alpha'), { recursive: true });
    await mkdir(join(dist, '_astro'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<h1>home</h1>');
    await writeFile(join(dist, '404.html'), '<h1>not found</h1>');
    await writeFile(join(dist, 'entries', 'alpha', 'index.html'), '<h1>alpha</h1>');
    await writeFile(join(dist, '_astro', 'app.js'), 'console.log(1)'.repeat(200));
    await writeFile(join(dist, '..', 'kb-serve-secret.txt'), 'secret');
    server = await createStaticServer(dist, 'docs');
  });

  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
    await rm(join(dist, '..', 'kb-serve-secret.txt'), { force: true });
  });

  it('normalises base paths', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('docs')).toBe('/docs/');
    expect(normalizeBase('/docs/')).toBe('/docs/');
    expect(siteUrl('http://h/docs/', '/ask/')).toBe('http://h/docs/ask/');
  });

  it('serves under the base with index.html, types, redirects and a 404 page', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/docs\/$/);

    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');

    const entry = await fetch(siteUrl(server.url, 'entries/alpha/'));
    expect(await entry.text()).toBe('<h1>alpha</h1>');

    const bare = await fetch(siteUrl(server.url, 'entries/alpha'), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/docs/entries/alpha/');

    const script = await fetch(siteUrl(server.url, '_astro/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)'.repeat(200));

    for (const path of ['/docs/missing/', '/index.html', '/docs/%2e%2e/kb-serve-secret.txt']) {
      const missing = await fetch(`${server.origin}${path}`);
      expect(missing.status, path).toBe(404);
      expect(await missing.text()).toBe('<h1>not found</h1>');
    }
  });
});
