import type { Claim } from '../../../src/shared/schemas/entry.ts';
import type { ClaimContext } from './context.ts';
import type { ClaimRules } from './rules.ts';

/**
 * Version lists ("AKS uses Windows Server 2019 and Windows Server 2022 as the host OS") and defaults ("Windows
 * Server 2022 is the default OS"). A negated statement ("… 2016 … aren't supported") makes no list.
 */
export function extractVersions(text: string, ctx: ClaimContext, rules: ClaimRules, negated: boolean): Claim[] {
  const hits = rules.osVersions.find(text);
  if (hits.length === 0) return [];
  const label = (id: string) => rules.osVersions.labels.get(id) ?? id;
  const claims: Claim[] = [];
  for (const list of rules.versionLists) {
    if (!negated && text.search(list.cues) >= 0) {
      const ids = [...new Set(hits.map((h) => h.id))].sort();
      claims.push({ subject: list.id, kind: 'versions', value: ids.join(','), scope: ctx.scope, label: list.label, display: ids.map(label).join(', ') });
    }
    if (!list.defaultCues) continue;
    for (const m of text.matchAll(list.defaultCues)) {
      const version = hits.filter((h) => h.end <= m.index).at(-1);
      if (version) claims.push({ subject: list.id, kind: 'default', value: version.id, scope: ctx.scope, label: list.label, display: `${label(version.id)} by default` });
    }
  }
  return claims;
}
