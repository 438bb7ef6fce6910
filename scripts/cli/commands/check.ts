import { formatDiagnostic } from '../../pipeline/diagnostics.ts';
import { rulesFor } from '../../pipeline/versions/reconcile.ts';
import { sourceDateWarnings, versionWarnings } from '../../pipeline/versions/warnings.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';

/** `kb check`: validates sources and metadata without writing; exits non-zero on errors. */
export const check: Command = {
  options: { sources: { type: 'string' } },
  async run(flags) {
    const result = await loadAndBuild(flags.sources as string | undefined);
    // Answers that newer sources changed are warnings, so a maintainer sees them in CI without failing it.
    const warnings = [...versionWarnings(result.kb), ...sourceDateWarnings(result.kb, rulesFor(result.config))];
    for (const d of [...result.diagnostics, ...warnings]) console.error(formatDiagnostic(d));
    const s = result.kb.stats;
    console.log(`ok: ${s.sources} sources, ${s.entries} entries, ${(s.coverage * 100).toFixed(1)}% coverage`);
    return 0;
  },
};
