import { toExport } from '../../../src/shared/export.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';

/** `kb export --json`: the whole knowledge base as JSON on stdout. */
export const exportKb: Command = {
  options: { sources: { type: 'string' }, json: { type: 'boolean' } },
  async run(flags) {
    if (!flags.json) {
      console.error('kb export: only --json is supported; run `kb export --json`');
      return 2;
    }
    const { kb } = await loadAndBuild(flags.sources as string | undefined);
    process.stdout.write(`${JSON.stringify(toExport(kb), null, 2)}\n`);
    return 0;
  },
};
