// Serves the exported search index (`.kb/search/**.json`, written by `kb build`) as static files of the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchDir } from '../../components/search/search-index.ts';

export const getStaticPaths = (() =>
  (existsSync(searchDir) ? readdirSync(searchDir, { recursive: true, encoding: 'utf8' }) : [])
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ params: { file: name.split(path.sep).join('/') } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = path.resolve(searchDir, String(params.file));
  if (!file.startsWith(searchDir + path.sep)) return new Response(null, { status: 404 });
  return new Response(readFileSync(file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
