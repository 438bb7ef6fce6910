import type { KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import type { ClaimRules } from '../claims/rules.ts';
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

/**
 * Checks each source's date against what its statements say about themselves: a plainly worded statement that names
 * a version released after the source's date means the date is wrong (future-tense mentions are allowed). Pure.
 */
export function sourceDateWarnings(kb: KnowledgeBase, rules: ClaimRules): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const sources = new Map(kb.sources.map((s) => [s.id, s]));
  const relative = [...rules.dating.timeRelative, ...(rules.dating.future ? [new RegExp(rules.dating.future.source, 'iu')] : [])];
  for (const entry of kb.entries) {
    const source = sources.get(entry.source.id);
    if (!source) continue;
    for (const s of entry.statements) {
      if (s.kind === 'code' || relative.some((re) => re.test(s.text))) continue;
      const named = [
        ...rules.osVersions.find(s.text).map((h) => ({ id: h.id, label: rules.osVersions.labels.get(h.id) ?? h.text })),
        ...(rules.productVersion ? [...s.text.matchAll(rules.productVersion)].map((m) => ({ id: m[1], label: m[0] })) : []),
      ];
      const late = named.find((v) => (rules.dating.releases.get(v.id) ?? '') > source.date);
      if (late) {
        warnings.push({ file: source.file, ...(s.line ? { line: s.line } : {}), severity: 'warning', message: `names ${late.label}, released ${rules.dating.releases.get(late.id)}, but the source is dated ${source.date}: check its date` });
      }
    }
  }
  return warnings;
}
