// Serves the exported search index (`.kb/search/*.json`, written by `kb build`) as static files of the site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchDir } from '../../components/search/search-index.ts';

export const getStaticPaths = (() =>
  (existsSync(searchDir) ? readdirSync(searchDir, { withFileTypes: true }) : [])
    .filter((f) => f.isFile() && f.name.endsWith('.json'))
    .map((f) => ({ params: { file: f.name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(path.join(searchDir, path.basename(String(params.file)))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
