import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../cli/paths.ts';
import type { ProbeResult, ProbedStage } from './probe-build.ts';
import { round, runTimed } from './run.ts';

/** One `kb build` run as the benchmark saw it. */
export interface BuildRun {
  /** The command, as a user would type it (run through the probe, which only adds memory readings). */
  command: string;
  seconds: number;
  peakRssMB: number;
  stages: ProbedStage[];
  /** Sources and entries served from the cache. */
  cachedSources: number | null;
  entries: number;
}

/** The three builds measured per corpus. */
export interface BuildBench {
  /** Cold cache, one thread: per-stage costs. */
  serial: BuildRun;
  /** Cold cache, default threads: the headline build time. */
  parallel: BuildRun;
  /** One source edited after `parallel`, rebuilt with its cache: the median of `incrementalRuns` edits. */
  incremental: BuildRun;
  /** Seconds of each incremental rebuild, one edit each. */
  incrementalSeconds: number[];
  /** serial.seconds / parallel.seconds, and the same for the stages that use threads. */
  speedup: { total: number; analyse: number | null; render: number | null };
  /** The source edited for the incremental build. */
  editedSource: string;
}

const probe = path.join(projectRoot, 'scripts', 'bench', 'probe-build.ts');

/** Runs `kb build` through the probe in a child process. */
async function probeBuild(args: string[], label: string): Promise<BuildRun> {
  const out = path.join(path.dirname(args[args.indexOf('--out') + 1]), `probe-${label}.json`);
  const r = await runTimed(process.execPath, [probe, ...args], { cwd: projectRoot, env: { ...process.env, BENCH_PROBE_OUT: out } });
  if (r.code !== 0) throw new Error(`kb build ${args.join(' ')} failed (${r.code}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  const result = JSON.parse(await readFile(out, 'utf8')) as ProbeResult;
  const analyse = result.stages.find((s) => s.stage === 'analyse');
  // With the cache, parse, segment and entries run inside `analyse` (on threads or not); it reports their times.
  for (const s of result.stages) {
    const spent = new RegExp(`\\b${s.stage} (\\d+) ms`).exec(analyse?.detail ?? '');
    if (s.ms === 0 && spent) s.ms = Number(spent[1]);
  }
  const entries = Number(/entries:\s+(\d+)/.exec(result.output.join('\n'))?.[1] ?? Number.NaN);
  return {
    command: `node scripts/kb.mjs build ${args.map((a) => (path.isAbsolute(a) ? path.relative(projectRoot, a) : a)).join(' ')}`,
    seconds: round(r.seconds, 3),
    peakRssMB: round(r.peakRssMB ?? result.peakRssMB, 1),
    stages: result.stages,
    cachedSources: analyse ? Number(/(\d+) cached/.exec(analyse.detail)?.[1] ?? Number.NaN) : null,
    entries,
  };
}

/** Incremental rebuilds measured per corpus. */
const incrementalRuns = 3;

/** Appends a sentence to the first paragraph of one source, the way an author edits a page (`k`-th edit). */
async function editOneSource(sourcesDir: string, k: number): Promise<string> {
  const names = (await readdir(sourcesDir)).filter((n) => /\.(md|txt)$/.test(n)).sort();
  const name = names[Math.floor(names.length / 2)];
  const file = path.join(sourcesDir, name);
  const text = await readFile(file, 'utf8');
  const at = text.indexOf('. ');
  if (at < 0) throw new Error(`${file}: no sentence to edit`);
  await writeFile(file, `${text.slice(0, at + 2)}Sentence ${k + 1} was added to measure an incremental build. ${text.slice(at + 2)}`);
  return name;
}

/** Cold serial, cold parallel, then incremental after one edit: each with its own output and cache folders. */
export async function benchBuilds(sourcesDir: string, workDir: string): Promise<BuildBench> {
  const dirs = { serialOut: path.join(workDir, 'kb-serial'), serialCache: path.join(workDir, 'kb-serial-cache'), out: path.join(workDir, 'kb'), cache: path.join(workDir, 'kb-cache') };
  for (const d of Object.values(dirs)) await rm(d, { recursive: true, force: true });
  const serial = await probeBuild(['--sources', sourcesDir, '--out', dirs.serialOut, '--cache', dirs.serialCache, '--workers', '1'], 'serial');
  await rm(dirs.serialOut, { recursive: true, force: true });
  await rm(dirs.serialCache, { recursive: true, force: true });
  const parallel = await probeBuild(['--sources', sourcesDir, '--out', dirs.out, '--cache', dirs.cache], 'parallel');
  // Several edits, each rebuilt from the previous build's cache; the median is reported, since one run on a shared
  // machine can land on a busy moment. A run that found the cache cold (the pipeline's code changed in between) is
  // measured again.
  const sources = Number(/(\d+) sources/.exec(parallel.stages.find((s) => s.stage === 'sources')?.detail ?? '')?.[1] ?? 0);
  const runs: BuildRun[] = [];
  let editedSource = '';
  for (let attempt = 0; runs.length < incrementalRuns && attempt < incrementalRuns + 2; attempt++) {
    editedSource = await editOneSource(sourcesDir, attempt);
    const run = await probeBuild(['--sources', sourcesDir, '--out', dirs.out, '--cache', dirs.cache], 'incremental');
    if (run.cachedSources === null || run.cachedSources >= sources - 1) runs.push(run);
  }
  if (runs.length === 0) throw new Error('no incremental build found its cache warm');
  const incremental = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  const wall = (run: BuildRun, stage: string) => run.stages.find((s) => s.stage === stage)?.ms ?? null;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b, 2) : null);
  return {
    serial,
    parallel,
    incremental,
    incrementalSeconds: runs.map((r) => r.seconds),
    speedup: { total: round(serial.seconds / parallel.seconds, 2), analyse: ratio(wall(serial, 'analyse'), wall(parallel, 'analyse')), render: ratio(wall(serial, 'render'), wall(parallel, 'render')) },
    editedSource,
  };
}
