import type { KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Diagnostic } from '../diagnostics.ts';

/**
 * Warnings for maintainers: each answer a newer source changed, located at the newer statement and naming the old
 * value, and each contradiction inside one document, located at its statements. Pure.
 */
export function versionWarnings(kb: KnowledgeBase): Diagnostic[] {
  const files = new Map(kb.sources.map((s) => [s.id, s.file]));
  const at = (s: { source: string; line?: number }) => ({ file: files.get(s.source) ?? s.source, ...(s.line ? { line: s.line } : {}) });
  const warnings: Diagnostic[] = [];
  for (const c of kb.conflicts) {
    if (c.kind === 'superseded' && c.change) {
      const { from, fromAsOf, to, since } = c.change;
      const newer = c.statements.find((s) => s.status !== 'outdated' && s.asOf === since) ?? c.statements[0];
      const older = c.statements.filter((s) => s.status === 'outdated' && s.asOf === fromAsOf);
      const where = older.map((s) => { const l = at(s); return `${l.file}${l.line ? `:${l.line}` : ''}`; }).join(', ');
      warnings.push({ ...at(newer), severity: 'warning', message: `changes the answer for "${c.label}" (${c.scope}): ${from} (${fromAsOf}, ${where}) → ${to}` });
    } else if (c.kind === 'contradiction-in-document') {
      const [first, ...rest] = c.statements;
      const others = rest.map((s) => `"${s.display}"${s.line ? ` on line ${s.line}` : ''}`).join(', ');
      warnings.push({ ...at(first), severity: 'warning', message: `contradicts itself on "${c.label}" (${c.scope}): "${first.display}" here, ${others} elsewhere` });
    }
  }
  return warnings;
}
