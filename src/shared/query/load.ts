import { createSearchDocument, type SearchManifest, type SearchMeta } from '../search-config.ts';
import { createEngine, type SearchEngine } from './engine.ts';

/** Reads one file of the exported index by its name (fetch in the browser, the file system or memory in Node). */
export type ReadIndexFile = (name: string) => Promise<string>;

/** The index terms in FlexSearch's exported `*.map` chunks (their entries start with the term). */
export function termsOfChunk(data: string): string[] {
  try {
    const rows: unknown = JSON.parse(data);
    return Array.isArray(rows) ? rows.map((row) => (Array.isArray(row) ? row[0] : null)).filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Imports an exported index into a fresh Document with the shared configuration and builds the query engine. */
export async function loadEngine(manifest: SearchManifest, read: ReadIndexFile): Promise<SearchEngine> {
  const keys = Object.keys(manifest.files);
  const data = await Promise.all(keys.map((key) => read(manifest.files[key])));
  const doc = createSearchDocument();
  const vocabulary: string[] = [];
  let meta: SearchMeta | undefined;
  keys.forEach((key, i) => {
    if (key === 'meta') {
      meta = JSON.parse(data[i]) as SearchMeta;
      return;
    }
    doc.import(key, data[i]);
    if (key.endsWith('.map')) vocabulary.push(...termsOfChunk(data[i]));
  });
  if (!meta) throw new Error('search index: the manifest lists no meta file');
  return createEngine(doc, meta, vocabulary);
}
