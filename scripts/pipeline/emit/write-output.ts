import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Files to write, keyed by path relative to the output folder. */
export type OutputFiles = Map<string, string | Uint8Array>;

/** Options for writeOutputAtomically. */
export interface WriteOptions {
  /**
   * An existing file with exactly this content, to hard-link instead of writing (the incremental build passes the
   * previous output's unchanged files), or undefined to write the content.
   */
  reuse?: (rel: string, content: string | Uint8Array) => Promise<string | undefined>;
}

/** Files written at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const concurrency = 32;

/**
 * Writes all files into a fresh sibling folder, then swaps it in with renames, so a failed or interrupted build
 * leaves the previous output intact.
 */
export async function writeOutputAtomically(outDir: string, files: OutputFiles, options: WriteOptions = {}): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(outDir);
  const staging = path.join(parent, `.${name}.tmp-${process.pid}`);
  const previous = path.join(parent, `.${name}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const sorted = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const dir of new Set(sorted.map(([rel]) => path.dirname(path.join(staging, rel))))) await mkdir(dir, { recursive: true });
    const put = async ([rel, content]: [string, string | Uint8Array]) => {
      const target = path.join(staging, rel);
      const existing = await options.reuse?.(rel, content);
      if (existing && (await link(existing, target).then(() => true, () => false))) return;
      await writeFile(target, content);
    };
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < sorted.length) await put(sorted[next++]);
    }));
    await mkdir(staging, { recursive: true });
    let hadPrevious = true;
    await rename(outDir, previous).catch(() => (hadPrevious = false));
    try {
      await rename(staging, outDir);
    } catch (error) {
      if (hadPrevious) await rename(previous, outDir);
      throw error;
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
