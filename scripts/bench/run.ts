import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What a timed child process did. */
export interface Timed {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall-clock seconds, process start to exit. */
  seconds: number;
  /** Peak resident set size of the process in MB (GNU time), when /usr/bin/time is installed. */
  peakRssMB: number | null;
}

const gnuTime = '/usr/bin/time';

// Children still running when the benchmark is interrupted are stopped with it.
const running = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Each child leads its own process group (GNU time and what it runs): stop the whole group.
    for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGTERM');
    process.exit(130);
  });
}

/** Runs a command to completion, timing it and (through GNU time) recording its peak memory. */
export async function runTimed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Timed> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-bench-'));
  const timeFile = path.join(dir, 'time');
  const useTime = existsSync(gnuTime);
  const [cmd, argv] = useTime ? [gnuTime, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const t0 = performance.now();
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      if (options.echo) process.stdout.write(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      if (options.echo) process.stderr.write(c);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
  const seconds = (performance.now() - t0) / 1000;
  let peakRssMB: number | null = null;
  if (useTime) {
    const kb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    peakRssMB = Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
  }
  await rm(dir, { recursive: true, force: true });
  return { ...result, seconds, peakRssMB };
}

/** Like runTimed, but throws with the child's output when it fails. */
export async function runChecked(command: string, args: string[], options: Parameters<typeof runTimed>[2] = {}): Promise<Timed> {
  const r = await runTimed(command, args, options);
  if (r.code !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r;
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rounds for reporting: figures keep meaningful digits, not float noise. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
