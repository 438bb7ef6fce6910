import { createHash } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { mapLimit, writeFileAtomic } from '../cache/store.ts';

/** A file's content: whole, or as chunks written one after the other, so a large file is never one string. */
export type FileContent = string | Uint8Array | Iterable<string>;

/** What the last build wrote, kept in the cache folder. */
interface OutputManifest {
  outDir: string;
  /** When the last write finished (ms since the epoch): a file changed by hand afterwards has a later mtime. */
  writtenAt: number;
  /** Relative path → [identity of the content (its sha256, or a digest of what it was made from), size]. */
  files: Record<string, [identity: string, size: number]>;
}

/** How a write went. */
export interface WriteStats {
  /** `update`: changed files replaced in place; `swap`: a fresh folder swapped in (first build, or after trouble). */
  mode: 'update' | 'swap';
  /** Files left as they were (update) or hard-linked from the previous output (swap). */
  unchanged: number;
  written: number;
  deleted: number;
}

/** Receives a build's files one at a time and puts them in place only once all have come. */
export interface OutputWriter {
  mode: WriteStats['mode'];
  /**
   * Keeps the previous build's file when it has this identity and nobody changed it since: left in place (update)
   * or hard-linked into the new folder (swap). Returns false when the caller must `put` the content.
   */
  keep: (rel: string, identity: string) => Promise<boolean>;
  /**
   * Adds a file. `identity` names its content when the caller knows it (a digest of its inputs); else its sha256 does.
   * For content made in chunks it may be a function, asked once every chunk has been made.
   */
  put: (rel: string, content: FileContent, identity?: string | (() => string)) => Promise<void>;
  /** Puts every new file in place (entry points last), deletes files this build did not make, saves the manifest. */
  finish: () => Promise<WriteStats>;
  /** Drops what was staged: the output stays as the previous build left it. */
  abort: () => Promise<void>;
}

/** A file for putEach: its path, its content, and its identity when the caller knows it (see OutputWriter.put). */
export type OutputFile = [rel: string, content: FileContent, identity?: string | (() => string)];

/** Options for openOutput. */
export interface OutputOptions {
  /** Folder for the manifest of what was written (the build cache); without it every write is a fresh swap. */
  manifestDir?: string;
}

/** Bytes (about) gathered per write of a file made in chunks. */
const writeBytes = 1 << 20;

/** Files written or renamed at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const concurrency = 32;

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const byteSize = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);

/** Files other files point to (`kb.json`, index manifests): replaced last, so a reader never finds them ahead of their targets. */
const isEntryPoint = (rel: string) => !rel.includes('/') || path.basename(rel) === 'manifest.json';

/**
 * Opens a build's output folder for writing. Files go to a staging folder beside it as they are made, so the build
 * never holds them all in memory, and nothing in the output changes until `finish`:
 * - **update**, when the folder is exactly what the manifest says (every file's size, no change since): only
 *   changed files are staged, then renamed into place, entry points last; files no longer made are deleted.
 *   A one-source edit touches a handful of files.
 * - **swap**, otherwise (first build, no manifest, folder edited by hand, an update interrupted): the whole folder is
 *   staged, hard-linking files whose content did not change, and swapped in with two renames.
 * A failed build (`abort`, or a crash) leaves the previous output as it was.
 */
export async function openOutput(outDir: string, options: OutputOptions = {}): Promise<OutputWriter> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const staging = path.join(parent, `.${path.basename(out)}.tmp-${process.pid}`);
  const manifestFile = options.manifestDir && path.join(options.manifestDir, 'output.json');
  const marker = options.manifestDir && path.join(options.manifestDir, 'output.updating');
  const raw = manifestFile ? await readFile(manifestFile, 'utf8').catch(() => undefined) : undefined;
  const interrupted = marker ? await stat(marker).then(() => true, () => false) : false;
  const previous = raw && !interrupted ? (JSON.parse(raw) as OutputManifest) : undefined;
  const before = previous?.outDir === out && (await stat(out).catch(() => undefined))?.isDirectory() ? previous : undefined;
  const mode: WriteStats['mode'] = before ? 'update' : 'swap';
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const next = new Map<string, [string, number]>();
  const staged: string[] = [];
  const dirs = new Set<string>();
  let unchanged = 0;
  // An old file by identity, for swap mode's hard links.
  const byIdentity = new Map<string, string>();
  if (mode === 'swap' && previous?.outDir === out) for (const [rel, [id]] of Object.entries(previous.files)) byIdentity.set(id, rel);

  // Is a file exactly as the last build left it? Same size, and not modified since that write finished.
  // Synchronous: a one-source edit checks every unchanged file, and tens of thousands of promise round trips cost
  // more than the stat calls themselves (the inodes are cached).
  const intact = (rel: string) => {
    const entry = previous?.files[rel];
    if (!entry) return false;
    const info = statSync(path.join(out, rel), { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && info.size === entry[1] && info.mtimeMs <= previous!.writtenAt;
  };
  const stagedPath = async (rel: string) => {
    const target = path.join(staging, rel);
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    return target;
  };
  const keep = async (rel: string, identity: string) => {
    if (mode === 'update') {
      const entry = before!.files[rel];
      if (!entry || entry[0] !== identity || !intact(rel)) return false;
      next.set(rel, entry);
      unchanged++;
      return true;
    }
    const old = byIdentity.get(identity);
    if (old === undefined || !intact(old)) return false;
    if (!(await link(path.join(out, old), await stagedPath(rel)).then(() => true, () => false))) return false;
    next.set(rel, [identity, previous!.files[old][1]]);
    unchanged++;
    return true;
  };

  return {
    mode,
    keep,
    async put(rel, content, identity) {
      if (next.has(rel)) throw new Error(`output file written twice: ${rel}`);
      if (typeof content === 'string' || content instanceof Uint8Array) {
        const id = (typeof identity === 'function' ? identity() : identity) ?? sha(content);
        if (await keep(rel, id)) return;
        await writeFile(await stagedPath(rel), content);
        next.set(rel, [id, byteSize(content)]);
      } else {
        // Chunks are written as they come, gathered into writes of about a megabyte (one write per small chunk, each
        // waiting for the last to drain, made writing kb.json take longer than making it); the identity comes last.
        const target = await stagedPath(rel);
        const stream = createWriteStream(target, { highWaterMark: writeBytes });
        const hash = identity === undefined ? createHash('sha256') : undefined;
        let size = 0;
        let pending: string[] = [];
        let pendingLength = 0;
        const flush = async () => {
          const text = pending.join('');
          pending = [];
          pendingLength = 0;
          hash?.update(text);
          size += Buffer.byteLength(text);
          if (!stream.write(text)) await once(stream, 'drain');
        };
        for (const chunk of content) {
          pending.push(chunk);
          pendingLength += chunk.length;
          if (pendingLength >= writeBytes) await flush();
        }
        await flush();
        stream.end();
        await once(stream, 'finish');
        const id = typeof identity === 'function' ? identity() : (identity ?? hash!.digest('hex'));
        if (mode === 'update' && (await keep(rel, id))) {
          await rm(target);
          return;
        }
        next.set(rel, [id, size]);
      }
      staged.push(rel);
    },

    async finish() {
      let deleted = 0;
      if (mode === 'update') {
        if (marker) await writeFileAtomic(marker, out);
        const order = staged.sort((a, b) => Number(isEntryPoint(a)) - Number(isEntryPoint(b)) || a.localeCompare(b));
        const move = async (rel: string) => {
          const target = path.join(out, rel);
          await mkdir(path.dirname(target), { recursive: true });
          await rename(path.join(staging, rel), target);
        };
        await mapLimit(order.filter((r) => !isEntryPoint(r)), concurrency, move);
        await mapLimit(order.filter(isEntryPoint), concurrency, move);
        const gone = Object.keys(before!.files).filter((rel) => !next.has(rel));
        await mapLimit(gone, concurrency, (rel) => unlink(path.join(out, rel)).catch(() => undefined));
        deleted = gone.length;
        // Folders emptied by the deletions (a renamed folder of entry files), deepest first.
        const emptied = [...new Set(gone.map((rel) => path.dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
        for (const d of emptied) await rmdir(path.join(out, d)).catch(() => undefined);
        await rm(staging, { recursive: true, force: true });
      } else {
        const old = path.join(parent, `.${path.basename(out)}.old-${process.pid}`);
        let hadPrevious = true;
        await rename(out, old).catch(() => (hadPrevious = false));
        try {
          await rename(staging, out);
        } catch (error) {
          if (hadPrevious) await rename(old, out);
          throw error;
        }
        if (hadPrevious) await rm(old, { recursive: true, force: true });
      }
      if (manifestFile) {
        const files = Object.fromEntries([...next].sort(([a], [b]) => a.localeCompare(b)));
        await writeFileAtomic(manifestFile, JSON.stringify({ outDir: out, writtenAt: Date.now(), files } satisfies OutputManifest));
        await rm(marker!, { force: true });
      }
      return { mode, unchanged, written: next.size - unchanged, deleted };
    },

    async abort() {
      await rm(staging, { recursive: true, force: true });
    },
  };
}

/**
 * Puts files from an iterable through a writer, `concurrency` at a time; the iterable is read only as fast as files
 * are written, so at most that many contents are held at once. Returns how many files it put.
 */
export async function putEach(writer: OutputWriter, files: Iterable<OutputFile>): Promise<number> {
  const iterator = files[Symbol.iterator]();
  let count = 0;
  let failed = false;
  // Every lane settles before a failure is reported, so an abort that follows never races a write still going.
  const lanes = await Promise.allSettled(
    Array.from({ length: concurrency }, async () => {
      try {
        for (let next = iterator.next(); !failed && !next.done; next = iterator.next()) {
          count++;
          await writer.put(...next.value);
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  const failure = lanes.find((l) => l.status === 'rejected');
  if (failure) throw failure.reason;
  return count;
}

/** Writes files through an output writer, aborting (the previous output stays) if anything fails. */
export async function writeAll(writer: OutputWriter, files: Iterable<OutputFile>): Promise<WriteStats> {
  try {
    await putEach(writer, files);
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
