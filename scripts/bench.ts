// `npm run bench [-- --quick] [--sizes 1000,10000,50000] [--rounds N]`: builds synthetic knowledge bases recombined
// from content/sources, measures the pipeline, the site build, the search index and queries (Node and Chromium),
// indexes the same sites with Pagefind, and writes bench/results.json and BENCHMARKS.md. Separate from the tests.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './cli/paths.ts';
import { benchBrowser } from './bench/browser-bench.ts';
import { generateCorpus, loadSeed } from './bench/corpus.ts';
import { indexSize } from './bench/index-size.ts';
import { benchBuilds } from './bench/kb-build.ts';
import { finishMachineInfo, machineInfo } from './bench/machine.ts';
import type { NodeQueryResult } from './bench/node-query.ts';
import type { PagefindIndexResult } from './bench/pagefind-index.ts';
import { readQuestions } from './eval/rule.ts';
import { writeReport } from './bench/report.ts';
import type { BenchResults, CorpusResult, PagefindResult } from './bench/results.ts';
import { round, runChecked } from './bench/run.ts';
import { buildSite, buildsFor } from './bench/site.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, sizes: { type: 'string' }, rounds: { type: 'string' }, questions: { type: 'string' } } });
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [1000] : [1000, 10000, 50000];
const rounds = Number(values.rounds ?? (values.quick ? 2 : 3));
const questionsFile = path.resolve(projectRoot, values.questions ?? '../shared/eval/dev-questions.jsonl');
const corporaDir = path.join(projectRoot, 'bench', 'corpora');
const contentDir = path.join(projectRoot, 'content');
const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const questions = await readQuestions(questionsFile);
// The first search typed into each UI: the first in-scope question of the dev set.
const firstQuery = questions.find((q) => q.origin !== 'out_of_scope')!.question;
const results: BenchResults = {
  command: `npm run bench${values.quick ? ' -- --quick' : values.sizes ? ` -- --sizes ${values.sizes}` : ''}`,
  complete: false,
  machine: machineInfo(),
  corpora: [],
  pagefind: [],
  recallAt1: null,
  questions: path.relative(projectRoot, questionsFile),
};

/** A copy of the real content folder: the seed corpus, built and edited like the synthetic ones. */
async function seedCorpus(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(contentDir)) await cp(path.join(contentDir, name), path.join(dir, name), { recursive: true });
  return path.join(dir, 'sources');
}

async function benchCorpus(name: string, dir: string, sourcesDir: string): Promise<void> {
  const work = path.join(dir, 'work');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const corpus: CorpusResult = { name, entries: 0, sources: 0, loadAverage: { start: os.loadavg()[0] } } as CorpusResult;
  const pagefind: PagefindResult = { name, entries: 0 } as PagefindResult;
  results.corpora.push(corpus);
  results.pagefind.push(pagefind);
  const step = async (label: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    log(`${name}: ${label}…`);
    try {
      await fn();
      log(`${name}: ${label} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name}: ${label} FAILED: ${message.split('\n')[0]}`);
      (corpus.errors ??= []).push(`${label}: ${message.slice(0, 2000)}`);
    }
    await save();
  };

  await step('kb build (serial, parallel, incremental)', async () => {
    const b = await benchBuilds(sourcesDir, work);
    corpus.entries = b.parallel.entries;
    corpus.sources = Number(/(\d+) sources/.exec(b.parallel.stages.find((s) => s.stage === 'sources')?.detail ?? '')?.[1] ?? 0);
    corpus.kbBuildSeconds = b.parallel.seconds;
    corpus.kbBuildPeakRssMB = b.parallel.peakRssMB;
    corpus.incrementalRebuildSeconds = b.incremental.seconds;
    corpus.builds = b;
  });
  const kbDir = path.join(work, 'kb');
  await step('index size', async () => {
    const size = await indexSize(path.join(kbDir, 'search'));
    corpus.indexBytesRaw = size.bytesRaw;
    corpus.indexBytesGzip = size.bytesGzip;
    corpus.indexFiles = size.files;
    corpus.indexLargestFileGzip = size.largestGzip;
  });
  await step('queries in Node', async () => {
    const r = await runChecked(process.execPath, [path.join(projectRoot, 'scripts', 'bench', 'node-query.ts'), '--index', path.join(kbDir, 'search'), '--questions', questionsFile, '--rounds', String(rounds)], { cwd: projectRoot });
    const q = JSON.parse(r.stdout.trim().split('\n').pop()!) as NodeQueryResult;
    corpus.queryP50Ms = q.searchP50Ms;
    corpus.queryP95Ms = q.searchP95Ms;
    corpus.node = { ...q, peakRssMB: r.peakRssMB === null ? null : round(r.peakRssMB, 1), command: `node scripts/bench/node-query.ts --index ${path.relative(projectRoot, path.join(kbDir, 'search'))} --questions ${path.relative(projectRoot, questionsFile)} --rounds ${rounds}` };
    if (name === 'seed') results.recallAt1 = q.recallAt1;
  });
  let dist: string | undefined;
  // The site build's memory grows with the entries one Astro build renders (at most `entriesPerBuild`): when the
  // last one measured says this one cannot fit in this machine's memory, say so instead of starving every other
  // process on it.
  const previous = results.corpora.filter((c) => c !== corpus && c.astroBuildPeakRssMB && c.entries > 0).at(-1);
  const perBuild = (entries: number) => entries / buildsFor(entries);
  const predictedMB = previous ? (previous.astroBuildPeakRssMB! / perBuild(previous.entries)) * perBuild(corpus.entries) : 0;
  if (predictedMB > (os.totalmem() / 1048576) * 0.6) {
    corpus.loadAverage!.end = os.loadavg()[0];
    const reason = `astro build not run: ${previous!.name} peaked at ${previous!.astroBuildPeakRssMB!.toFixed(0)} MB RSS, so ${corpus.entries} entries need about ${(predictedMB / 1024).toFixed(0)} GB, more than 60% of this machine's ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB; Pagefind and Chromium figures need the built site`;
    log(`${name}: ${reason}`);
    (corpus.errors ??= []).push(reason);
    await save();
    return;
  }
  await step('astro build', async () => {
    const site = await buildSite({ kbDir, contentDir: dir, workDir: work });
    corpus.astroBuildSeconds = site.seconds;
    corpus.astroBuildPeakRssMB = site.peakRssMB;
    corpus.astroBuilds = site.shards;
    corpus.astroCommand = site.command;
    dist = site.dist;
  });
  if (!dist) return;
  await step('pagefind index', async () => {
    const r = await runChecked(process.execPath, [path.join(projectRoot, 'scripts', 'bench', 'pagefind-index.ts'), dist!], { cwd: projectRoot });
    const p = JSON.parse(r.stdout.trim().split('\n').pop()!) as PagefindIndexResult;
    const size = await indexSize(path.join(dist!, 'pagefind'));
    Object.assign(pagefind, { entries: corpus.entries, pages: p.pages, indexSeconds: round(r.seconds, 2), indexPeakRssMB: r.peakRssMB === null ? null : round(r.peakRssMB, 1), indexBytesRaw: size.bytesRaw, indexBytesGzip: size.bytesGzip, indexFiles: size.files });
  });
  await step('Chromium: first search, latency, Pagefind recall', async () => {
    const b = await benchBrowser({ dist: dist!, questions, firstQuery, rounds });
    corpus.firstSearchBytesGzip = b.ours.firstSearch.bytesGzip;
    corpus.browserQueryP50Ms = b.ours.queryP50Ms;
    corpus.browserQueryP95Ms = b.ours.queryP95Ms;
    corpus.firstSearch = b.ours.firstSearch;
    Object.assign(pagefind, {
      firstSearchBytesGzip: b.pagefind.firstSearch.bytesGzip,
      browserQueryP50Ms: b.pagefind.queryP50Ms,
      browserQueryP95Ms: b.pagefind.queryP95Ms,
      recallAt1: b.pagefind.recallAt1,
      firstSearch: b.pagefind.firstSearch,
    });
    results.firstQuery = b.query;
  });
  // The built sites are large; the figures are in results.json.
  await rm(path.join(work, 'site'), { recursive: true, force: true });
  corpus.loadAverage!.end = os.loadavg()[0];
  await save();
}

async function save(): Promise<void> {
  await mkdir(path.join(projectRoot, 'bench'), { recursive: true });
  await writeFile(path.join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

log(`corpora: seed + ${sizes.join(', ')} entries; ${questions.length} dev questions; ${rounds} timed rounds`);
const seedDir = path.join(corporaDir, 'seed');
await benchCorpus('seed', seedDir, await seedCorpus(seedDir));
const seed = await loadSeed(path.join(contentDir, 'sources'), contentDir);
for (const size of sizes) {
  const name = size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size);
  const dir = path.join(corporaDir, name);
  log(`${name}: generating a corpus of ${size} entries from content/sources…`);
  const summary = await generateCorpus({ seed, dir, targetEntries: size, randomSeed: size });
  log(`${name}: ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MB, about ${summary.expectedEntries} entries`);
  await benchCorpus(name, dir, summary.sourcesDir);
}
results.machine = finishMachineInfo(results.machine);
results.complete = true;
results.totalSeconds = round((performance.now() - started) / 1000, 1);
await save();
await writeReport(results, projectRoot);
log(`wrote bench/results.json, BENCHMARKS.md and bench/cost-growth.svg in ${results.totalSeconds} s`);
