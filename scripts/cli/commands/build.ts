import path from 'node:path';
import { cacheDirFor, openBuildCache } from '../../pipeline/cache/build-cache.ts';
import { openOutput, writeAll } from '../../pipeline/emit/output-writer.ts';
import { buildOutputs } from '../../pipeline/emit/outputs.ts';
import { formatDiagnostic } from '../../pipeline/diagnostics.ts';
import { wizardSummary } from '../../pipeline/wizard/build-wizard.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';
import { defaults } from '../paths.ts';

/** `kb build`: runs the pipeline, prints progress per stage and a summary, writes the output atomically. */
export const build: Command = {
  options: { sources: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' } },
  async run(flags) {
    const started = performance.now();
    const log = flags.quiet ? () => {} : (line: string) => console.log(line);
    const progress = (stage: string, detail: string, ms: number) => log(`  ${stage.padEnd(9)} ${detail.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms`);
    const out = path.resolve((flags.out as string | undefined) ?? defaults.out);
    const workers = flags.workers === undefined ? undefined : Number(flags.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new Error(`--workers must be a whole number from 1, not "${flags.workers}"`);
    // Content-hash cache (per source, per entry, per output file) and worker threads; --no-cache runs it all in one pass.
    const cache = flags['no-cache'] ? undefined : await openBuildCache({ dir: path.resolve((flags.cache as string | undefined) ?? cacheDirFor(out)), workers, progress });
    try {
      const result = await loadAndBuild(flags.sources as string | undefined, progress, cache?.prepare);
      for (const d of result.diagnostics) console.error(formatDiagnostic(d));
      if (cache) await cache.write(out, result);
      else {
        const t0 = performance.now();
        const sync = await writeAll(await openOutput(out), buildOutputs(result));
        progress('emit', `${sync.written} files`, performance.now() - t0);
      }
      summarise(result, out, started, log);
    } finally {
      await cache?.close();
    }
    return 0;
  },
};

/** Prints the build summary: counts, coverage, the wizard and where the output went. */
function summarise(result: Awaited<ReturnType<typeof loadAndBuild>>, out: string, started: number, log: (line: string) => void) {
  const s = result.kb.stats;
  log('');
  log(`sources:    ${s.sources}`);
  log(`entries:    ${s.entries} (${Object.entries(s.entriesByType).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  log(`statements: ${s.statements} (${Object.entries(s.statementsByStatus).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  log(`coverage:   ${(s.coverage * 100).toFixed(1)}% of source sentences are in entries`);
  for (const u of s.uncovered.slice(0, 20)) log(`  not covered: ${u}`);
  if (result.wizard) for (const line of wizardSummary(result.wizard)) log(line);
  log(`wrote ${path.relative(process.cwd(), out) || '.'} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}
