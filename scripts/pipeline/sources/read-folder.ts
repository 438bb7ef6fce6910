import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file read from the sources folder, still as bytes. */
export interface RawFile {
  /** File name relative to the sources folder. */
  name: string;
  bytes: Uint8Array;
}

/** The sources folder as read from disk: source files plus the optional manifest. */
export interface RawFolder {
  dir: string;
  files: RawFile[];
  manifest?: RawFile;
}

/** File extensions read as sources. MDX is deliberately absent: source text is data, never code. */
export const sourceExtensions = ['.md', '.markdown', '.txt'];

/** Name of the optional manifest beside the sources. */
export const manifestName = 'sources.yaml';

/** Reads every source file (sorted by name, README excluded) and the manifest from a folder. */
export async function readSourceFolder(dir: string): Promise<RawFolder> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${dir}: sources folder not found`);
  const names = (await readdir(dir)).sort();
  const files: RawFile[] = [];
  let manifest: RawFile | undefined;
  for (const name of names) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isFile()) continue;
    if (name === manifestName) manifest = { name, bytes: await readFile(full) };
    else if (/^readme\./i.test(name)) continue;
    else if (sourceExtensions.includes(path.extname(name).toLowerCase())) files.push({ name, bytes: await readFile(full) });
  }
  return { dir, files, manifest };
}
