// Build-time only: where the exported search index sits and which files it has (from `.kb/search/manifest.json`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestFile, type SearchManifest } from '../../shared/search-config.ts';

/** The folder `kb build` writes the search index to. */
export const searchDir = path.join(process.env.KB_OUT ?? path.resolve('.kb'), 'search');

let cache: SearchManifest | undefined;

/** The index manifest; an empty one when no index was built (search then says so instead of failing the build). */
export function searchManifest(): SearchManifest {
  const file = path.join(searchDir, manifestFile);
  cache ??= existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SearchManifest) : { version: '', files: {}, texts: '' };
  return cache;
}
