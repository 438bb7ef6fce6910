import { createHash } from 'node:crypto';
import { mkdir, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeOutputAtomically, type OutputFiles } from '../emit/write-output.ts';
import { mapLimit, readOptional, writeFileAtomic } from './store.ts';

/** What the last build wrote, kept in the cache folder. */
interface OutputManifest {
  outDir: string;
  /** When the last write finished (ms since the epoch): a file changed by hand afterwards has a later mtime. */
  writtenAt: number;
  /** Relative path → [sha256 of the content, size]. */
  files: Record<string, [hash: string, size: number]>;
}

/** How a write went. */
export interface SyncStats {
  /** `update`: changed files replaced in place; `swap`: a fresh folder swapped in (first build, or after trouble). */
  mode: 'update' | 'swap';
  /** Files left as they were (update) or hard-linked from the previous output (swap). */
  unchanged: number;
  written: number;
  deleted: number;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const size = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);

/** Files other files point to (`kb.json`, index manifests): replaced last, so a reader never finds them ahead of their targets. */
const isEntryPoint = (rel: string) => !rel.includes('/') || path.basename(rel) === 'manifest.json';

/**
 * Writes a build's output given what the previous build wrote. When the output folder is exactly what the manifest
 * in the cache says (every file's size, no change since), only changed files are replaced, each through a temporary
 * name and a rename, entry points last, then files no longer produced are deleted: a one-source edit touches a
 * handful of files. Otherwise (first build, folder edited by hand, an update interrupted) the whole folder is
 * written fresh and swapped in atomically, hard-linking files whose content did not change.
 */
export async function syncOutput(outDir: string, files: OutputFiles, cacheDir: string): Promise<SyncStats> {
  const out = path.resolve(outDir);
  const manifestFile = path.join(cacheDir, 'output.json');
  const marker = path.join(cacheDir, 'output.updating');
  const raw = await readOptional(manifestFile);
  const before = raw ? (JSON.parse(raw.toString('utf8')) as OutputManifest) : undefined;
  const hashes = new Map<string, string>();
  for (const [rel, content] of files) hashes.set(rel, sha(content));
  // Is a file exactly as the last build left it? Same size, and not modified since that write finished.
  const intact = async (rel: string) => {
    const entry = before?.files[rel];
    if (!entry || !before) return false;
    const info = await stat(path.join(out, rel)).catch(() => undefined);
    return info !== undefined && info.isFile() && info.size === entry[1] && info.mtimeMs <= before.writtenAt;
  };
  const interrupted = (await readOptional(marker)) !== undefined;
  let result: SyncStats;
  if (before?.outDir === out && !interrupted && (await stat(out).catch(() => undefined))?.isDirectory()) {
    await writeFileAtomic(marker, out);
    const rels = [...files.keys()];
    const keep = await mapLimit(rels, 64, async (rel) => before.files[rel]?.[0] === hashes.get(rel) && (await intact(rel)));
    const changed = rels.filter((_, i) => !keep[i]).sort((a, b) => Number(isEntryPoint(a)) - Number(isEntryPoint(b)) || a.localeCompare(b));
    const replace = async (rel: string) => {
      const target = path.join(out, rel);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, files.get(rel)!);
      await rename(tmp, target);
    };
    await mapLimit(changed.filter((r) => !isEntryPoint(r)), 32, replace);
    await mapLimit(changed.filter(isEntryPoint), 32, replace);
    const gone = Object.keys(before.files).filter((rel) => !files.has(rel));
    await mapLimit(gone, 64, (rel) => unlink(path.join(out, rel)).catch(() => undefined));
    // Folders emptied by the deletions (a renamed folder of entry files), deepest first.
    const dirs = [...new Set(gone.map((rel) => path.dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
    for (const d of dirs) await rmdir(path.join(out, d)).catch(() => undefined);
    result = { mode: 'update', unchanged: rels.length - changed.length, written: changed.length, deleted: gone.length };
  } else {
    const byHash = new Map<string, string>();
    if (before?.outDir === out && !interrupted) for (const [rel, [h]] of Object.entries(before.files)) byHash.set(h, rel);
    let linked = 0;
    await writeOutputAtomically(out, files, {
      async reuse(rel) {
        const old = byHash.get(hashes.get(rel)!);
        if (old === undefined || !(await intact(old))) return undefined;
        linked++;
        return path.join(out, old);
      },
    });
    result = { mode: 'swap', unchanged: linked, written: files.size - linked, deleted: 0 };
  }
  const manifest: OutputManifest = { outDir: out, writtenAt: Date.now(), files: Object.fromEntries([...files].map(([rel, content]) => [rel, [hashes.get(rel)!, size(content)]])) };
  await writeFileAtomic(manifestFile, JSON.stringify(manifest));
  await rm(marker, { force: true });
  return result;
}
