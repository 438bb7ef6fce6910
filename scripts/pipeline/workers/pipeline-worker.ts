// Worker thread for the parallel build: analyses sources (parse, segment, entries, claims, coverage) and serialises entries to MDX.
// Both are the same pure functions the main thread runs, so the output does not depend on where they ran.
import { parentPort, workerData } from 'node:worker_threads';
import type { Entry } from '../../../src/shared/schemas/entry.ts';
import { analyzeSource, createSourceTools } from '../build.ts';
import { bodyFromBytes, packAnalysis, type PackedAnalysis } from '../cache/analysis-blob.ts';
import type { ContentConfig } from '../config/load-config.ts';
import { entryPage } from '../emit/outputs.ts';
import type { LoadedSource } from '../sources/resolve-sources.ts';
import type { WorkerReply } from './pool.ts';

/** Work the pipeline worker does. */
/** Bodies travel serialised (serialisedBody): copying bytes to a thread is cheaper than cloning a tree. */
export type PipelineTask = { kind: 'analyze'; source: LoadedSource } | { kind: 'emit'; items: { data: Entry; body: Uint8Array }[] };

/** What it returns: a `SourceAnalysis` packed for the cache (packAnalysis) with its stage timings, or MDX texts in task order. */
export type PipelineResult = { kind: 'analyze'; analysis: PackedAnalysis; timings: Record<string, number> } | { kind: 'emit'; mdx: string[] };

/** Data every pipeline worker starts with. */
export interface PipelineWorkerData {
  config: ContentConfig;
}

const { config } = workerData as PipelineWorkerData;
const tools = createSourceTools(config);

function handle(task: PipelineTask): PipelineResult {
  if (task.kind === 'analyze') {
    const timings: Record<string, number> = {};
    const analysis = analyzeSource(task.source, config, tools, timings);
    return { kind: 'analyze', analysis: packAnalysis(analysis), timings };
  }
  return { kind: 'emit', mdx: task.items.map(({ data, body }) => entryPage({ data, body: bodyFromBytes(body) })) };
}

parentPort!.on('message', ({ id, task }: { id: number; task: PipelineTask }) => {
  let reply: WorkerReply<PipelineResult>;
  try {
    reply = { id, ok: true, result: handle(task) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
