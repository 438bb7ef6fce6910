import type { Claim } from '../../../src/shared/schemas/entry.ts';
import type { ClaimContext } from './context.ts';
import { formatNumber, parseNumber } from './numbers.ts';
import type { ClaimRules } from './rules.ts';

/**
 * Numeric limits: a number right in front of a unit ("eight node pools", "six-character"), after a ceiling cue
 * ("maximum of", "can have") or a floor cue ("at least"), or before a floor cue ("4 CPU cores or more").
 */
export function extractLimits(text: string, ctx: ClaimContext, rules: ClaimRules): Claim[] {
  const cue = rules.limitCue;
  if (!cue || rules.limits.length === 0) return [];
  const claims: Claim[] = [];
  const haystack = `${text}\n${ctx.title}`.toLowerCase();
  for (const m of text.matchAll(rules.number)) {
    const n = parseNumber(m[0], rules.numberWords);
    const after = text.slice(m.index + m[0].length);
    const joint = /^(?:\s+|-)/.exec(after);
    if (n === undefined || !joint) continue;
    const unit = rules.units(after.slice(joint[0].length)).find((h) => h.start === 0);
    if (!unit) continue;
    const before = text.slice(0, m.index);
    const rest = after.slice(joint[0].length + unit.end);
    const direction = cue.max.test(before) ? 'max' : cue.min.test(before) || cue.minAfter.test(rest) ? 'min' : null;
    if (!direction) continue;
    const candidates = rules.limits.filter((l) => l.direction === direction && l.units.some((u) => u.toLowerCase() === unit.id));
    // A subject whose context words are present beats a general one ("14 characters" of a password is not a name length).
    const contextual = candidates.filter((l) => l.context.some((c) => haystack.includes(c.toLowerCase())));
    const limit = contextual[0] ?? candidates.find((l) => l.context.length === 0);
    if (!limit) continue;
    claims.push({ subject: limit.id, kind: 'limit', value: String(n), scope: ctx.scope, label: limit.label, display: formatNumber(n, ctx.language), unit: unit.id, direction });
  }
  return claims;
}
