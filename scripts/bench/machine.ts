import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromiumPath } from '../../tests/e2e/browser.ts';

/** The machine a benchmark ran on: enough to judge whether two runs compare. */
export interface MachineInfo {
  os: string;
  arch: string;
  cpuModel: string;
  cores: number;
  memoryGB: number;
  node: string;
  chromium: string | null;
  /** 1-, 5- and 15-minute load averages when the run started and ended (a shared machine shows it here). */
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  startedAt: string;
  finishedAt?: string;
  note: string;
}

/** Describes this machine; the load average is recorded because other builds may share its cores. */
export function machineInfo(): MachineInfo {
  let chromium: string | null = null;
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = null;
  }
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium,
    loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    startedAt: new Date().toISOString(),
    note: 'Shared development machine: other engineers were building and testing on the same cores during the run.',
  };
}

/** Marks the end of a run. */
export function finishMachineInfo(info: MachineInfo): MachineInfo {
  return { ...info, loadAverageEnd: os.loadavg().map((x) => Math.round(x * 100) / 100), finishedAt: new Date().toISOString() };
}
