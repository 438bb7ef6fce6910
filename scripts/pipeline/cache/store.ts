import { readFileSync } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A folder of immutable blobs named by their key (a content hash). */
export interface BlobStore {
  dir: string;
  /** Reads a blob synchronously: the pipeline asks for one analysis at a time in a synchronous loop. */
  getSync: (key: string) => Buffer | undefined;
  has: (key: string) => Promise<boolean>;
  put: (key: string, data: Uint8Array) => Promise<void>;
  /** Deletes every blob whose key is not in `keep`; returns how many went. */
  prune: (keep: Set<string>) => Promise<number>;
}

const suffix = '.bin';

/**
 * Opens (creating) a blob store. Writes go to a temporary name and are renamed into place, so a reader never sees
 * half a blob and two builds sharing a store cannot corrupt it.
 */
export async function openBlobStore(dir: string): Promise<BlobStore> {
  await mkdir(dir, { recursive: true });
  const file = (key: string) => path.join(dir, `${key}${suffix}`);
  return {
    dir,
    getSync(key) {
      try {
        return readFileSync(file(key));
      } catch {
        return undefined;
      }
    },
    has: (key) => access(file(key)).then(() => true, () => false),
    async put(key, data) {
      const tmp = `${file(key)}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file(key));
    },
    async prune(keep) {
      const names = await readdir(dir);
      const stale = names.filter((n) => n.endsWith(suffix) && !keep.has(n.slice(0, -suffix.length)));
      await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
      return stale.length;
    },
  };
}

/** Reads a single file written by writeFileAtomic, or undefined when it is missing. */
export function readOptional(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch(() => undefined);
}

/** Writes a file through a temporary name and a rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Runs `fn` over items with at most `limit` in flight; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
