import type { Statement } from '../../../src/shared/schemas/entry.ts';

/**
 * A time-relative statement that follows an outdated one in the same entry and speaks of the same subject
 * (a workaround sub-bullet such as "project X does currently provide it if you need this feature") only
 * mattered while the earlier limitation held: it is outdated with it, by the same newer statements.
 */
export function inheritOutdated(statements: Statement[]): Statement[] {
  const outdated: Statement[] = [];
  return statements.map((s) => {
    const parent = outdated.find((o) => o.claims.some((oc) => s.claims.some((sc) => sc.subject === oc.subject)));
    if (s.status === 'outdated') outdated.push(s);
    if (s.status !== 'dated' || !parent) return s;
    const { datedReason: _reason, ...rest } = s;
    return { ...rest, status: 'outdated' as const, supersededBy: parent.supersededBy };
  });
}
