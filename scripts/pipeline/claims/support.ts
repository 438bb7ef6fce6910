import type { Status } from '../../../src/shared/schemas/claims-vocabulary.ts';
import type { Claim } from '../../../src/shared/schemas/entry.ts';
import type { ClaimContext } from './context.ts';
import { wordCount, type ClaimRules, type TermHit } from './rules.ts';

/** A status cue found in a statement. */
export interface CueHit {
  start: number;
  end: number;
  status: Status;
  target: 'before' | 'after';
}

/** Every status cue in a text, earlier-declared cues winning overlaps, in reading order. */
export function findCues(text: string, rules: ClaimRules): CueHit[] {
  if (!rules.anyCue?.test(text)) return [];
  const accepted: CueHit[] = [];
  for (const cue of rules.cues) {
    for (const m of text.matchAll(cue.re)) {
      const hit = { start: m.index, end: m.index + m[0].length, status: cue.status, target: cue.target };
      if (hit.end > hit.start && !accepted.some((a) => a.start < hit.end && hit.start < a.end)) accepted.push(hit);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The things a status cue speaks of: the nearest feature before it (or first after it) plus the list it heads. */
function targets(text: string, cue: CueHit, cues: CueHit[], things: TermHit[], breaks: number[][], rules: ClaimRules): TermHit[] {
  const { coordinator, maxGap } = rules.grammar;
  const joined = (a: TermHit, b: TermHit) => coordinator.test(text.slice(a.end, b.start));
  if (cue.target === 'before') {
    const start = Math.max(0, ...breaks.filter(([, e]) => e <= cue.start).map(([, e]) => e), ...cues.filter((c) => c.target === 'before' && c.end <= cue.start).map((c) => c.end));
    const inside = things.filter((t) => t.start >= start && t.end <= cue.start);
    const nearest = inside.at(-1);
    if (!nearest || wordCount(text.slice(nearest.end, cue.start)) > maxGap) return [];
    const list = [nearest];
    for (let i = inside.length - 2; i >= 0 && joined(inside[i], list[0]); i--) list.unshift(inside[i]);
    return list;
  }
  const end = Math.min(text.length, ...breaks.filter(([s]) => s >= cue.end).map(([s]) => s), ...cues.filter((c) => c.start >= cue.end).map((c) => c.start));
  const inside = things.filter((t) => t.start >= cue.end && t.end <= end);
  const first = inside[0];
  if (!first || wordCount(text.slice(cue.end, first.start)) > maxGap) return [];
  const list = [first];
  for (let i = 1; i < inside.length && joined(list[list.length - 1], inside[i]); i++) list.push(inside[i]);
  return list;
}

/** One support claim about a thing, kept apart per OS version when the statement names exactly one. */
function supportClaim(thing: string, status: Status, scope: string, qualifier: string | undefined, rules: ClaimRules): Claim {
  const label = rules.things.labels.get(thing) ?? thing;
  const versionLabel = qualifier ? rules.osVersions.labels.get(qualifier) ?? qualifier : undefined;
  return {
    subject: qualifier ? `${thing}-${qualifier}` : thing,
    kind: status.kind,
    value: status.id,
    scope,
    label: versionLabel ? `${label} (${versionLabel})` : label,
    display: status.label,
    ...(qualifier ? { qualifier } : {}),
  };
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Support statuses: each cue gives its status to the feature it speaks of. A statement with a status but no
 * feature borrows one: a "This feature …" opening from the previous statement, a very short statement ("FEATURE
 * STATE: v1.26 [alpha]") or a yes/no reply from its entry title.
 */
export function extractSupport(text: string, ctx: ClaimContext, rules: ClaimRules, cues = findCues(text, rules)): Claim[] {
  if (cues.length === 0 && !ctx.question) return [];
  const things = rules.things.find(text);
  const breaks = rules.grammar.clauseBreak ? [...text.matchAll(rules.grammar.clauseBreak)].map((m) => [m.index, m.index + m[0].length]) : [];
  const versions = unique(rules.osVersions.find(text).map((h) => h.id));
  const qualifier = versions.length === 1 ? versions[0] : undefined;
  const scope = rules.scopes(text)[0]?.id ?? ctx.scope;
  const found: { thing: string; status: Status }[] = [];
  for (const cue of cues) for (const t of targets(text, cue, cues, things, breaks, rules)) found.push({ thing: t.id, status: cue.status });

  if (found.length === 0 && cues.length > 0) {
    const borrowed = rules.grammar.backReference?.test(text) && ctx.previous !== undefined
      ? unique(rules.things.find(ctx.previous).map((h) => h.id))
      : wordCount(text) <= rules.grammar.shortStatement
        ? unique(rules.things.find(ctx.title).map((h) => h.id))
        : [];
    if (borrowed.length === 1) for (const cue of cues) found.push({ thing: borrowed[0], status: cue.status });
  }
  if (found.length === 0 && ctx.question) {
    const answer = /^[\p{L}]+/u.exec(text)?.[0].toLowerCase();
    const status = answer ? rules.answers.get(answer) : undefined;
    if (status) for (const id of unique(rules.things.find(ctx.title).map((h) => h.id))) found.push({ thing: id, status });
  }
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const f of found) {
    const claim = supportClaim(f.thing, f.status, scope, qualifier, rules);
    const key = `${claim.subject}\u0000${claim.value}`;
    if (!seen.has(key)) claims.push(claim);
    seen.add(key);
  }
  return claims;
}
