import type { Conflict } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';

const headings: Record<Conflict['kind'], string> = {
  superseded: 'Answers a newer source changed',
  'contradiction-in-document': 'Contradictions within one document',
  dated: 'Time-relative answers no newer source settles',
};

/** Formats one conflict: a subject line, then one line per statement with its status, value, date and location. */
export function formatConflict(c: Conflict, files: ReadonlyMap<string, string>): string[] {
  const change = c.change ? `: ${c.change.from} (${c.change.fromAsOf}) → ${c.change.to} (since ${c.change.since})` : '';
  const lines = [`${c.subject} [${c.scope}] ${c.label}${change}`];
  if (c.note) lines.push(`  ${c.note}`);
  for (const s of c.statements) {
    const where = `${files.get(s.source) ?? s.source}${s.line ? `:${s.line}` : ''}`;
    lines.push(`  ${s.status.padEnd(8)} ${(s.display || s.value).padEnd(24)} ${s.asOf.padEnd(10)} ${where}  ${s.text}`);
  }
  return lines;
}

/** `kb conflicts [--sources DIR] [--json]`: subjects whose statements disagree, grouped by kind. */
export const conflicts: Command = {
  options: { sources: { type: 'string' }, json: { type: 'boolean' } },
  async run(flags) {
    const { kb } = await loadAndBuild(flags.sources as string | undefined);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ conflicts: kb.conflicts, stats: kb.stats.statementsByStatus }, null, 2)}\n`);
      return 0;
    }
    const files = new Map(kb.sources.map((s) => [s.id, s.file]));
    const out: string[] = [];
    for (const kind of Object.keys(headings) as Conflict['kind'][]) {
      const list = kb.conflicts.filter((c) => c.kind === kind);
      if (list.length === 0) continue;
      out.push(`${headings[kind]} (${list.length})`, '');
      for (const c of list) out.push(...formatConflict(c, files), '');
    }
    const s = kb.stats.statementsByStatus;
    out.push(`statements: ${kb.stats.statements} (current ${s.current ?? 0}, outdated ${s.outdated ?? 0}, dated ${s.dated ?? 0}); ${kb.conflicts.length} conflicts`);
    console.log(out.join('\n'));
    return 0;
  },
};
