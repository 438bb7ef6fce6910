import type { FirstSearch } from './browser-bench.ts';
import type { BuildBench } from './kb-build.ts';
import type { MachineInfo } from './machine.ts';
import type { NodeQueryResult } from './node-query.ts';

/** Figures for one corpus (`bench/results.json` → `corpora[]`). Missing figures are absent, never guessed. */
export interface CorpusResult {
  name: string;
  entries: number;
  sources: number;
  /** `kb build`, cold cache, default threads: seconds and peak RSS of the process. */
  kbBuildSeconds?: number;
  kbBuildPeakRssMB?: number;
  astroBuildSeconds?: number;
  astroBuildPeakRssMB?: number | null;
  /** How many Astro builds made the site: past `entriesPerBuild` entries it is built in shards. */
  astroBuilds?: number;
  astroCommand?: string;
  /** The whole exported search index (`.kb/search`), every file gzipped on its own. */
  indexBytesRaw?: number;
  indexBytesGzip?: number;
  indexFiles?: number;
  indexLargestFileGzip?: number;
  /** Bytes (gzip, bodies as sent) Chromium fetched for the first search, search code included. */
  firstSearchBytesGzip?: number;
  firstSearch?: FirstSearch;
  /** `searchEntries` per dev question in Node. */
  queryP50Ms?: number;
  queryP95Ms?: number;
  /** The same call in Chromium. */
  browserQueryP50Ms?: number;
  browserQueryP95Ms?: number;
  /** `kb build` after one source was edited, with the cache of the previous build. */
  incrementalRebuildSeconds?: number;
  builds?: BuildBench;
  node?: NodeQueryResult & { peakRssMB: number | null; command: string };
  /** The machine's 1-minute load average when this corpus started and finished (2 = both cores busy). */
  loadAverage?: { start: number; end?: number };
  errors?: string[];
}

/** Pagefind's figures on the same built site (`bench/results.json` → `pagefind[]`). */
export interface PagefindResult {
  name: string;
  entries: number;
  pages?: number;
  firstSearchBytesGzip?: number;
  firstSearch?: FirstSearch;
  browserQueryP50Ms?: number;
  browserQueryP95Ms?: number;
  recallAt1?: number;
  indexSeconds?: number;
  indexPeakRssMB?: number | null;
  indexBytesRaw?: number;
  indexBytesGzip?: number;
  indexFiles?: number;
}

/** `bench/results.json`. */
export interface BenchResults {
  command: string;
  complete: boolean;
  machine: MachineInfo;
  corpora: CorpusResult[];
  pagefind: PagefindResult[];
  /** Ours, on the dev set, over the real sources (the seed corpus). */
  recallAt1: number | null;
  questions: string;
  firstQuery?: string;
  totalSeconds?: number;
}
