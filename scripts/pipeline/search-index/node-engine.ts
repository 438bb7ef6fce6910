import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestFile, type SearchManifest } from '../../../src/shared/search-config.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { loadEngine } from '../../../src/shared/query/load.ts';
import type { SearchIndexFiles } from './build-index.ts';

/** Loads an exported index from a folder (such as `.kb/search`) the way the browser does, file by file. */
export async function engineFromFolder(dir: string): Promise<SearchEngine> {
  const manifest = JSON.parse(await readFile(path.join(dir, manifestFile), 'utf8')) as SearchManifest;
  const root = path.resolve(dir);
  // Names may hold a folder (the per-entry text files); none may leave the index folder.
  return loadEngine(manifest, (name) => {
    const file = path.resolve(root, name);
    if (!file.startsWith(root + path.sep)) throw new Error(`search index: ${name} is outside ${dir}`);
    return readFile(file, 'utf8');
  });
}

/** Loads a freshly built (in-memory) export: the same import path as the browser, without touching disk. */
export async function engineFromFiles(index: SearchIndexFiles): Promise<SearchEngine> {
  return loadEngine(index.manifest, async (name) => {
    const data = index.files.get(name);
    if (data === undefined) throw new Error(`search index: missing file ${name}`);
    return data;
  });
}
