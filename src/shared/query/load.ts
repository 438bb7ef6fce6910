import type { EntryTexts, SearchManifest, SearchMeta } from '../search-config.ts';
import { loadChunkedEngine } from './chunked-engine.ts';
import { createEngine, type SearchEngine } from './engine.ts';

/** Reads one file of the exported index by its name (fetch in the browser, the file system or memory in Node). */
export type ReadIndexFile = (name: string) => Promise<string>;

/** The index terms of a parsed FlexSearch `*.map` export chunk (its rows start with the term). */
export function termsOfChunk(rows: unknown): string[] {
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) => (Array.isArray(row) ? row[0] : null)).filter((t): t is string => typeof t === 'string');
}

/**
 * Imports an exported index into a fresh Document with the shared configuration and builds the query engine.
 * Per-entry statement files are read later, for the entries a result shows.
 */
export async function loadEngine(manifest: SearchManifest, read: ReadIndexFile): Promise<SearchEngine> {
  // A large knowledge base exports a chunked index instead (see src/shared/search-chunks.ts).
  if (manifest.files.core) return loadChunkedEngine(manifest, read);
  const keys = Object.keys(manifest.files);
  // FlexSearch is only needed for the one-file index, so a chunked index never downloads it.
  const [{ createSearchDocument }, data] = await Promise.all([import('../search-config.ts'), Promise.all(keys.map((key) => read(manifest.files[key])))]);
  const doc = createSearchDocument();
  const maps: [field: string, rows: unknown][] = [];
  let meta: SearchMeta | undefined;
  keys.forEach((key, i) => {
    // Each chunk is parsed once: FlexSearch imports parsed data as well as strings.
    const parsed: unknown = JSON.parse(data[i]);
    if (key === 'meta') meta = parsed as SearchMeta;
    else {
      doc.import(key, parsed as string);
      if (key.endsWith('.map')) maps.push([key.split('.')[0], parsed]);
    }
  });
  if (!meta) throw new Error('search index: the manifest lists no meta file');
  const engine = createEngine(doc, meta, maps.flatMap(([, rows]) => termsOfChunk(rows)), async (entry) => JSON.parse(await read(`${manifest.texts}${entry}.json`)) as EntryTexts);
  countEntries(engine, maps);
  return engine;
}

/**
 * How many entries have each term (for ranking typo fixes and completions without a lookup per candidate),
 * counted once from the exported map chunks: `[term, [[ids…], …]]` rows, entry ids in `t`, statement ids in `x`.
 */
function countEntries(engine: SearchEngine, maps: [string, unknown][]): void {
  const entriesOf = new Map<string, Set<number>>();
  for (const [field, rows] of maps) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows as [string, number[][]][]) {
      if (!Array.isArray(row) || !Array.isArray(row[1])) continue;
      let set = entriesOf.get(row[0]);
      if (!set) entriesOf.set(row[0], (set = new Set()));
      for (const ids of row[1]) for (const id of ids) set.add(field === 'x' ? (engine.statements[id - engine.meta.entries]?.e ?? -1) : id);
    }
  }
  for (const [term, set] of entriesOf) {
    set.delete(-1);
    engine.df.set(term, set.size);
  }
}
