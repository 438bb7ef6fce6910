// `node scripts/bench/probe-build.ts <kb build flags>`: runs `kb build` in-process, exactly as the CLI does, and
// notes the process's peak RSS so far as each stage line is printed. Writes JSON to $BENCH_PROBE_OUT.
import { writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

// As scripts/kb.mjs does, so a build here loads its modules as fast as `kb build` does.
enableCompileCache();
const { main } = await import('../cli/main.ts');

/** One stage as `kb build` reported it, with the peak RSS (MB) reached by the time it finished. */
export interface ProbedStage {
  stage: string;
  detail: string;
  ms: number;
  peakRssMB: number;
}

/** What the probe writes. */
export interface ProbeResult {
  code: number;
  /** Seconds inside `kb build`: Node start-up excluded, loading the build command's modules included. */
  seconds: number;
  peakRssMB: number;
  stages: ProbedStage[];
  output: string[];
}

const stageLine = /^ {2}(\w+)\s+(.*?)\s+(\d+) ms$/;
const peak = () => process.resourceUsage().maxRSS / 1024;
const stages: ProbedStage[] = [];
const output: string[] = [];
const log = console.log;
console.log = (...args: unknown[]) => {
  const line = args.map(String).join(' ');
  output.push(line);
  const m = stageLine.exec(line);
  if (m) stages.push({ stage: m[1], detail: m[2], ms: Number(m[3]), peakRssMB: peak() });
  log(...args);
};
const t0 = performance.now();
const code = await main(['build', ...process.argv.slice(2)]);
const result: ProbeResult = { code, seconds: (performance.now() - t0) / 1000, peakRssMB: peak(), stages, output };
console.log = log;
if (process.env.BENCH_PROBE_OUT) writeFileSync(process.env.BENCH_PROBE_OUT, JSON.stringify(result));
process.exitCode = code;
