import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes of a folder of index files. */
export interface IndexSize {
  files: number;
  bytesRaw: number;
  /** Each file gzipped on its own, as a static server sends it. */
  bytesGzip: number;
  /** The largest file, gzipped: the worst single download. */
  largestGzip: number;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

/** Raw and gzipped size of every file under a folder (the search index in `.kb/search`, or Pagefind's bundle). */
export async function indexSize(dir: string, filter: (file: string) => boolean = () => true): Promise<IndexSize> {
  const files = (await walk(dir)).filter(filter);
  let bytesRaw = 0;
  let bytesGzip = 0;
  let largestGzip = 0;
  for (const f of files) {
    const data = await readFile(f);
    const gz = gzipSync(data).length;
    bytesRaw += data.length;
    bytesGzip += gz;
    largestGzip = Math.max(largestGzip, gz);
  }
  return { files: files.length, bytesRaw, bytesGzip, largestGzip };
}
