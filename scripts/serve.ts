// Tiny static server for the built site: used by browser tests, screenshots and the Lighthouse audit.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A running static server: `url` is the site root including the base path, always ending in `/`. */
export interface StaticServer {
  url: string;
  origin: string;
  base: string;
  port: number;
  close: () => Promise<void>;
}

/** Options for createStaticServer. */
export interface StaticServerOptions {
  host?: string;
  port?: number;
  log?: (line: string) => void;
}

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Normalise an Astro `base` ('', 'docs', '/docs/') to the form '/docs/' (or '/'). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Map a request pathname (already stripped of the base) to candidate files inside distDir. */
export function candidateFiles(distDir: string, sitePath: string): string[] {
  const root = resolve(distDir);
  const target = resolve(root, `.${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`);
  if (target !== root && !target.startsWith(root + sep)) return [];
  if (sitePath.endsWith('/')) return [join(target, 'index.html')];
  return [target, join(target, 'index.html'), `${target}.html`];
}

async function findFile(candidates: string[]): Promise<string | undefined> {
  for (const file of candidates) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

function decodePath(rawUrl: string): string | undefined {
  try {
    return decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/** Serve `distDir` under the URL prefix `base` on 127.0.0.1 (a free port unless one is given). */
export async function createStaticServer(
  distDir: string,
  base = '/',
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const prefix = normalizeBase(base);
  const root = resolve(distDir);
  const gzipCache = new Map<string, { mtime: number; body: Buffer }>();

  async function send(req: IncomingMessage, res: ServerResponse, file: string, status: number) {
    const info = await stat(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = await readFile(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': file.includes(`${sep}_astro${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && COMPRESSIBLE.test(type) && body.length > 1024) {
      const cached = gzipCache.get(file);
      if (cached?.mtime === info.mtimeMs) body = cached.body;
      else {
        const zipped = gzipSync(body);
        gzipCache.set(file, { mtime: info.mtimeMs, body: zipped });
        body = zipped;
      }
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = await findFile([join(root, '404.html')]);
    if (page) return send(req, res, page, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    const pathname = decodePath(req.url ?? '/');
    if (pathname === undefined || pathname.includes('\0')) {
      res.writeHead(400);
      return res.end();
    }
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return notFound(req, res);
    const file = await findFile(candidateFiles(root, pathname.slice(prefix.length - 1)));
    if (!file) return notFound(req, res);
    if (!pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !pathname.endsWith('index.html')) {
      // Like GitHub Pages and most static hosts: a directory without its slash redirects.
      const query = (req.url ?? '').split('?')[1];
      res.writeHead(301, { location: `${encodeURI(pathname)}/${query ? `?${query}` : ''}` });
      return res.end();
    }
    return send(req, res, file, 200);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .then(() => options.log?.(`${res.statusCode} ${req.method} ${req.url}`))
      .catch((error: unknown) => {
        options.log?.(`500 ${req.method} ${req.url}: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal server error');
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    base: prefix,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** Resolve a site path such as '/ask/' against the server's base URL (leading slash optional). */
export function siteUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

// `node scripts/serve.ts [distDir]` serves the built site until interrupted (base from KB_BASE).
if (import.meta.main) {
  const dist = process.argv[2] ?? process.env.KB_DIST ?? 'dist';
  const port = process.env.PORT ? Number(process.env.PORT) : 4321;
  const server = await createStaticServer(dist, process.env.KB_BASE, { port, log: console.log });
  console.log(`Serving ${resolve(dist)} at ${server.url}`);
}
