import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { analyzeSource, createSourceTools, type BuildHooks, type Progress } from '../build.ts';
import type { ContentConfig } from '../config/load-config.ts';
import { openOutput, putEach, type OutputFile } from '../emit/output-writer.ts';
import { entryFile, entryPage, indexOutputs, knowledgeBaseJson, type OutputSource } from '../emit/outputs.ts';
import type { TermsMemo } from '../search-index/build-index.ts';
import type { RawFolder } from '../sources/read-folder.ts';
import { resolveSources, type LoadedSource } from '../sources/resolve-sources.ts';
import type { PipelineResult, PipelineTask, PipelineWorkerData } from '../workers/pipeline-worker.ts';
import { createPool, defaultWorkerCount, type WorkerPool } from '../workers/pool.ts';
import { releaseMemory } from '../memory.ts';
import { packAnalysis, serialisedBody, unpackAnalysis, type PackedAnalysis } from './analysis-blob.ts';
import { codeFingerprint, digest } from './fingerprint.ts';
import { mapLimit, openBlobStore, readOptional, writeFileAtomic, type BlobStore } from './store.ts';

/** Options for openBuildCache. */
export interface BuildCacheOptions {
  /** Cache folder (created when missing). */
  dir: string;
  /** Worker threads for the work the cache cannot supply; 1 keeps everything on the main thread. */
  workers?: number;
  /**
   * Fewest sources (entries: 25 times as many) worth starting threads for: a thread takes about half a second to
   * load the pipeline, and below this the work does not pay for it (measured in BENCHMARKS.md).
   */
  minParallel?: number;
  progress?: Progress;
}

/** What the cache did in one build. */
export interface CacheStats {
  sources: number;
  sourcesCached: number;
  entries: number;
  entriesCached: number;
  /** Output files left as they were, or linked from the previous output. */
  filesUnchanged: number;
  filesWritten: number;
  /** How the output was written (see openOutput). */
  writeMode: 'update' | 'swap' | null;
  /** Threads used (0 when everything ran on the main thread). */
  threads: number;
  /** Milliseconds per per-source stage, summed over every thread that ran it. */
  threadTimings: Record<string, number>;
}

/** A content-hash cache around one build: per-source analyses, index terms per text, and the previous output's files. */
export interface BuildCache {
  stats: CacheStats;
  /** Analyses every source (from the cache, else on worker threads) before the pipeline runs; pass to loadAndBuild. */
  prepare: (folder: RawFolder, config: ContentConfig) => Promise<BuildHooks>;
  /**
   * Writes the build's output (see openOutput: only what changed, when the last build's output is intact), rendering
   * on worker threads the entry pages the last build did not write, and saves the cache.
   */
  write: (outDir: string, result: OutputSource) => Promise<void>;
  close: () => Promise<void>;
}

/** Heap of each worker thread: a source or a batch of entries needs little, and a cap makes idle garbage go. */
const workerHeapMb = 256;

/** Entries per rendering task sent to a worker thread. */
const emitBatch = 250;

/** The default cache folder for an output folder: `.kb` gets `.kb-cache` beside it. */
export function cacheDirFor(outDir: string): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), `${path.basename(out)}-cache`);
}

/**
 * Opens the build cache. Keys are sha256 of the input bytes, the content config and the code fingerprint, so a hit
 * is the very value the pipeline would compute: the output is byte-identical with a cold, warm or partial cache.
 */
export async function openBuildCache(options: BuildCacheOptions): Promise<BuildCache> {
  const fingerprint = await codeFingerprint();
  const analyses = await openBlobStore(path.join(options.dir, 'analysis'));
  const termsFile = path.join(options.dir, 'terms.v8');
  const threads = options.workers ?? defaultWorkerCount();
  const minParallel = options.minParallel ?? 64;
  const progress = options.progress ?? (() => {});
  const stats: CacheStats = { sources: 0, sourcesCached: 0, entries: 0, entriesCached: 0, filesUnchanged: 0, filesWritten: 0, writeMode: null, threads: 0, threadTimings: {} };
  let pool: WorkerPool<PipelineTask, PipelineResult> | undefined;
  let config: ContentConfig | undefined;
  let configKey = '';
  const usedAnalyses = new Set<string>();
  // Entry id → digest of its body as the analysis made it: version tagging is a function of the entry's data, so the
  // two digests stand for the tagged body without serialising it again.
  const bodyKeys = new Map<string, string>();

  const startPool = () => {
    if (!pool && threads > 1 && config) {
      releaseMemory();
      pool = createPool<PipelineTask, PipelineResult>(new URL('../workers/pipeline-worker.ts', import.meta.url), threads, { config } satisfies PipelineWorkerData, { maxOldGenerationSizeMb: workerHeapMb });
      stats.threads = threads;
    }
    return pool;
  };
  // Threads are stopped between the phases that use them: the global stages in between, and writing the output,
  // are when the build holds the most, and idle threads would keep their heaps.
  const stopPool = async () => {
    await pool?.close();
    pool = undefined;
  };
  const addTimings = (timings: Record<string, number>) => {
    for (const [k, v] of Object.entries(timings)) stats.threadTimings[k] = (stats.threadTimings[k] ?? 0) + v;
  };
  const sourceKey = (s: LoadedSource) => digest(fingerprint, configKey, JSON.stringify(s));
  // An analysis is two blobs: the analysis, and its entries' bodies (see packAnalysis).
  const bodiesKey = (key: string) => `${key}-bodies`;
  const store = async (key: string, packed: PackedAnalysis) => {
    await analyses.put(bodiesKey(key), packed.bodies);
    await analyses.put(key, packed.analysis);
  };
  // The bodies blob read last: pages are rendered in entry order, so one source's bodies are read once, not per page.
  let bodiesRead: [key: string, blob: Uint8Array] | undefined;
  const bodiesOf = (key: string) => {
    if (bodiesRead?.[0] !== key) {
      const blob = analyses.getSync(bodiesKey(key));
      if (!blob) throw new Error(`build cache: the entry bodies of a cached analysis are gone from ${analyses.dir} (another build pruned it?); build again`);
      bodiesRead = [key, blob];
    }
    return bodiesRead[1];
  };

  return {
    stats,
    async prepare(folder, fullConfig) {
      const t0 = performance.now();
      // Only what the per-source stages read goes into the key; the wizard and the folder path do not.
      const { dir, wizard: _wizard, ...rest } = fullConfig as ContentConfig & { wizard?: unknown };
      config = { ...rest, dir };
      configKey = digest(JSON.stringify(rest));
      const resolved = resolveSources(folder, { scope: config.site.defaultScope });
      const { sources, diagnostics } = resolved;
      // Broken input: let the pipeline report it.
      if (diagnostics.some((d) => d.severity === 'error')) return {};
      const keys = sources.map(sourceKey);
      const cached = await mapLimit(keys, 32, async (k) => (await analyses.has(k)) && (await analyses.has(bodiesKey(k))));
      const missing = cached.flatMap((hit, i) => (hit ? [] : [i]));
      stats.sources = sources.length;
      stats.sourcesCached = sources.length - missing.length;
      // Fresh analyses go straight to the store and are read back one at a time as the pipeline asks for them, so
      // the build never holds every source's analysis twice (serialised and live).
      if (missing.length >= minParallel && startPool()) {
        // A few tasks per thread in flight: enough to keep every thread busy, few enough to bound the queued copies.
        await mapLimit(missing, pool!.size * 4, async (i) => {
          const reply = await pool!.run({ kind: 'analyze', source: sources[i] });
          if (reply.kind !== 'analyze') throw new Error('worker answered an analyse task with another kind');
          addTimings(reply.timings);
          await store(keys[i], reply.analysis);
        });
      } else if (missing.length > 0) {
        const tools = createSourceTools(config);
        const timings: Record<string, number> = {};
        for (const i of missing) await store(keys[i], packAnalysis(analyzeSource(sources[i], config, tools, timings)));
        addTimings(timings);
      }
      for (const k of keys) usedAnalyses.add(k).add(bodiesKey(k));
      const where = pool ? `${missing.length} analysed on ${pool.size} threads` : `${missing.length} analysed`;
      await stopPool();
      const spent = Object.entries(stats.threadTimings).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', ');
      progress('analyse', `${sources.length} sources: ${stats.sourcesCached} cached, ${where}${spent ? ` (${spent})` : ''}`, performance.now() - t0);
      // The pipeline is handed these very sources (`sources` below), so their keys need not be hashed again.
      const keyOf = new Map(sources.map((s, i) => [s, keys[i]]));
      return {
        sources: resolved,
        analysis(source: LoadedSource) {
          // Every analysis, fresh or cached, is handed over deserialised: the pipeline always sees the same values.
          const key = keyOf.get(source) ?? sourceKey(source);
          const blob = analyses.getSync(key);
          if (!blob) return undefined;
          const analysis = unpackAnalysis(blob, () => bodiesOf(key));
          analysis.drafts.forEach((d, k) => bodyKeys.set(d.data.id, analysis.bodyDigests[k]));
          return analysis;
        },
      };
    },

    async write(outDir, result) {
      const t0 = performance.now();
      const writer = await openOutput(outDir, { manifestDir: options.dir });
      try {
        // An entry page is identified by what it is made from: a page the last build wrote from the same inputs is
        // kept (or hard-linked) without rendering it, reading it or hashing it. The entry's data as JSON is the very
        // line kb.json holds for it, so kb.json goes first and its lines make the keys.
        const drafts = result.drafts;
        const keys: string[] = [];
        const keyOf = (i: number, json: string) => (keys[i] = digest(fingerprint, json, bodyKeys.get(drafts[i].data.id) ?? JSON.stringify(drafts[i].body)));
        const shared = drafts.length === result.kb.entries.length && drafts.every((d, i) => d.data === result.kb.entries[i]);
        // kb.json is named by the same keys and the rest of the knowledge base, rather than hashed a second time.
        const { entries: _, ...rest } = result.kb;
        const kbIdentity = shared ? () => digest(fingerprint, 'kb.json', ...keys, JSON.stringify(rest)) : undefined;
        await writer.put('kb.json', knowledgeBaseJson(result.kb, shared ? keyOf : undefined), kbIdentity);
        if (!shared) drafts.forEach((d, i) => keyOf(i, JSON.stringify(d.data)));
        progress('json', `kb.json, ${drafts.length} entries`, performance.now() - t0);
        const tRender = performance.now();
        const kept = await mapLimit(drafts, 64, (d, i) => writer.keep(entryFile(d.data.id), keys[i]));
        const missing = drafts.flatMap((_, i) => (kept[i] ? [] : [i]));
        stats.entries = drafts.length;
        stats.entriesCached = drafts.length - missing.length;
        if (missing.length >= minParallel * 25 && startPool()) {
          // Small batches, two per thread in flight: each batch is copied to its thread, so this bounds the copies.
          const batches = Array.from({ length: Math.ceil(missing.length / emitBatch) }, (_, b) => missing.slice(b * emitBatch, (b + 1) * emitBatch));
          await mapLimit(batches, pool!.size * 2, async (ids) => {
            const reply = await pool!.run({ kind: 'emit', items: ids.map((i) => ({ data: drafts[i].data, body: serialisedBody(drafts[i]) })) });
            if (reply.kind !== 'emit') throw new Error('worker answered an emit task with another kind');
            await putEach(writer, ids.map((i, k): OutputFile => [entryFile(drafts[i].data.id), reply.mdx[k], keys[i]]));
          });
          await stopPool();
        } else {
          // Pages are rendered as the writes ask for them, so a few are written while the next is made.
          await putEach(writer, (function* (): Generator<OutputFile> {
            for (const i of missing) yield [entryFile(drafts[i].data.id), entryPage(drafts[i]), keys[i]];
          })());
        }
        bodiesRead = undefined;
        progress('render', `${drafts.length} MDX: ${stats.entriesCached} kept, ${missing.length} rendered`, performance.now() - tRender);

        const t1 = performance.now();
        releaseMemory();
        const saved = await readOptional(termsFile);
        const memo = saved ? (deserialize(saved) as TermsMemo & { fingerprint: string }) : undefined;
        const terms = memo?.fingerprint === fingerprint ? memo : { fingerprint, lexicon: '', terms: new Map<string, string>() };
        const count = await putEach(writer, indexOutputs(result, terms));
        progress('index', `search index and wizard: ${count} files`, performance.now() - t1);

        const t2 = performance.now();
        const sync = await writer.finish();
        Object.assign(stats, { filesUnchanged: sync.unchanged, filesWritten: sync.written, writeMode: sync.mode });
        progress('emit', `${sync.unchanged + sync.written} files (${sync.unchanged} unchanged)`, performance.now() - t2);
        await writeFileAtomic(termsFile, serialize(terms));
      } catch (error) {
        await writer.abort();
        throw error;
      }
      await pruneStore(analyses, usedAnalyses);
    },

    close: stopPool,
  };
}

/** Analyses no source of this build uses are dropped: the cache holds one build's worth, whatever was edited. */
async function pruneStore(store: BlobStore, used: Set<string>): Promise<void> {
  if (used.size > 0) await store.prune(used);
}
