import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Files to write, keyed by path relative to the output folder. */
export type OutputFiles = Map<string, string | Uint8Array>;

/**
 * Writes all files into a fresh sibling folder, then swaps it in with renames, so a failed or interrupted build
 * leaves the previous output intact.
 */
export async function writeOutputAtomically(outDir: string, files: OutputFiles): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(outDir);
  const staging = path.join(parent, `.${name}.tmp-${process.pid}`);
  const previous = path.join(parent, `.${name}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [rel, content] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const target = path.join(staging, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
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
