import type { Status } from '../../../src/shared/schemas/claims-vocabulary.ts';
import type { Claim } from '../../../src/shared/schemas/entry.ts';

/** Statuses by id, to read a support claim's polarity and stage. */
export type StatusTable = ReadonlyMap<string, Status>;

const isStatus = (c: Claim, statuses: StatusTable) => c.kind !== 'limit' && c.kind !== 'versions' && statuses.has(c.value);
const versionSet = (c: Claim) => new Set(c.value.split(','));

/**
 * True when two claims about one subject give the same answer. Limits must be equal; version lists must name the
 * same versions, and a default version agrees with a list that holds it; support statuses agree when they point the
 * same way and are at the same lifecycle stage (a newer plain "supported" graduates an older "preview").
 */
export function agrees(a: Claim, b: Claim, statuses: StatusTable): boolean {
  if (a.kind === 'limit' || b.kind === 'limit') return a.kind === b.kind && Number(a.value) === Number(b.value);
  if (isStatus(a, statuses) && isStatus(b, statuses)) {
    const sa = statuses.get(a.value)!;
    const sb = statuses.get(b.value)!;
    if (sa.polarity !== sb.polarity) return false;
    if (sa.polarity !== 'positive') return true;
    return sa.stage === sb.stage && (!sa.stage || sa.id === sb.id);
  }
  if (isStatus(a, statuses) || isStatus(b, statuses)) return false;
  const [va, vb] = [versionSet(a), versionSet(b)];
  if (a.kind === 'default' && b.kind !== 'default') return vb.has(a.value);
  if (b.kind === 'default' && a.kind !== 'default') return va.has(b.value);
  return va.size === vb.size && [...va].every((v) => vb.has(v));
}

/**
 * True when two claims of one document cannot both hold: opposite support polarities, or different limits or
 * version lists. A stage next to a plain answer ("Yes, you can. … in public preview") is no contradiction.
 */
export function contradicts(a: Claim, b: Claim, statuses: StatusTable): boolean {
  if (isStatus(a, statuses) && isStatus(b, statuses)) {
    const pa = statuses.get(a.value)!.polarity;
    const pb = statuses.get(b.value)!.polarity;
    return (pa === 'positive' && pb === 'negative') || (pa === 'negative' && pb === 'positive');
  }
  return !agrees(a, b, statuses);
}

/** The most telling of several claims made at one date: a lifecycle stage beats a plain answer. */
export function representative(claims: Claim[], statuses: StatusTable): string {
  const stage = claims.filter((c) => statuses.get(c.value)?.stage);
  const chosen = stage.length ? stage : claims;
  return [...new Set(chosen.map((c) => c.display ?? c.value))].join(' / ');
}
