import type { ClaimsVocabulary, Status } from '../../../src/shared/schemas/claims-vocabulary.ts';
import type { Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';

/** A phrase found in a text: where it is and which group (thing, unit, version …) it names. */
export interface TermHit {
  id: string;
  start: number;
  end: number;
  text: string;
}

/** Finds every non-overlapping occurrence of a group's terms, longest term first, on word boundaries. */
export type TermFinder = (text: string) => TermHit[];

/** A compiled status cue. */
export interface CompiledCue {
  re: RegExp;
  status: Status;
  target: 'before' | 'after';
}

/** The claim vocabulary compiled once per build: regular expressions and lookup tables. */
export interface ClaimRules {
  statuses: Map<string, Status>;
  cues: CompiledCue[];
  /** Any cue at all, unanchored: one cheap scan that lets most statements skip the per-cue scans. */
  anyCue: RegExp | null;
  answers: Map<string, Status>;
  things: { find: TermFinder; labels: Map<string, string> };
  osVersions: { find: TermFinder; labels: Map<string, string> };
  scopes: TermFinder;
  numberWords: Map<string, number>;
  number: RegExp;
  limitCue: { max: RegExp; min: RegExp; minAfter: RegExp } | null;
  limits: ClaimsVocabulary['limits'];
  /** Finds limit units; a hit's id is the lowercased unit. */
  units: TermFinder;
  versionLists: { id: string; label: string; cues: RegExp; defaultCues: RegExp | null }[];
  productVersion: RegExp | null;
  dating: {
    timeRelative: RegExp[];
    stage: RegExp[];
    pinBefore: RegExp | null;
    range: RegExp | null;
    month: RegExp | null;
    months: Map<string, number>;
    future: RegExp | null;
    releases: Map<string, string>;
  };
  grammar: { clauseBreak: RegExp | null; coordinator: RegExp; maxGap: number; shortStatement: number; backReference: RegExp | null };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordStart = '(?<![\\p{L}\\p{N}])';
const wordEnd = '(?![\\p{L}\\p{N}])';

/** Joins patterns into one alternation; null when there are none. */
function anyOf(patterns: readonly string[], flags = 'giu', bounded = true): RegExp | null {
  if (patterns.length === 0) return null;
  const body = patterns.map((p) => `(?:${p})`).join('|');
  return new RegExp(bounded ? `${wordStart}(?:${body})${wordEnd}` : body, flags);
}

/** Builds a finder for labelled term groups: one alternation, longest terms first, mapped back to group ids. */
export function termFinder(groups: readonly { id: string; terms: readonly string[] }[]): TermFinder {
  const owner = new Map<string, string>();
  for (const g of groups) for (const t of g.terms) if (!owner.has(t.toLowerCase())) owner.set(t.toLowerCase(), g.id);
  if (owner.size === 0) return () => [];
  const terms = [...owner.keys()].sort((a, b) => b.length - a.length).map((t) => escape(t).replace(/ /g, '\\s+'));
  const re = new RegExp(`${wordStart}(?:${terms.join('|')})${wordEnd}`, 'giu');
  return (text) =>
    [...text.matchAll(re)].map((m) => ({ id: owner.get(m[0].toLowerCase().replace(/\s+/g, ' '))!, start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Month names of a language, lowercased, mapped to 1–12. */
function monthNames(language: string): Map<string, number> {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return new Map(Array.from({ length: 12 }, (_, i) => [format.format(Date.UTC(2000, i, 1)).toLowerCase(), i + 1] as const));
}

/** Compiles the claim vocabulary together with the domain vocabulary's OS versions and product-version pattern. */
export function compileClaimRules(claims: ClaimsVocabulary, vocabulary: Vocabulary, language = 'en'): ClaimRules {
  const statuses = new Map(claims.statuses.map((s) => [s.id, s]));
  const numberWords = new Map(Object.entries(claims.numberWords).map(([w, n]) => [w.toLowerCase(), n]));
  const words = [...numberWords.keys()].sort((a, b) => b.length - a.length).map(escape);
  const months = monthNames(language);
  const d = claims.dating;
  return {
    statuses,
    cues: claims.statusCues.map((c) => ({ re: new RegExp(`${wordStart}(?:${c.pattern})${wordEnd}`, 'giu'), status: statuses.get(c.status)!, target: c.target })),
    anyCue: anyOf(claims.statusCues.map((c) => c.pattern), 'iu', false),
    answers: new Map(Object.entries(claims.answers).map(([w, s]) => [w.toLowerCase(), statuses.get(s)!])),
    things: { find: termFinder(claims.things), labels: new Map(claims.things.map((t) => [t.id, t.label])) },
    osVersions: { find: termFinder(vocabulary.osVersions), labels: new Map(vocabulary.osVersions.map((v) => [v.id, v.label])) },
    scopes: termFinder(Object.entries(claims.scopes).map(([id, terms]) => ({ id, terms }))),
    numberWords,
    number: new RegExp(`${wordStart}(?:\\d{1,3}(?:,\\d{3})+|\\d+${words.length ? `|${words.join('|')}` : ''})${wordEnd}`, 'giu'),
    limitCue:
      claims.limitCues.max.length + claims.limitCues.min.length === 0
        ? null
        : {
            max: new RegExp(`${wordStart}(?:${claims.limitCues.max.join('|') || '(?!)'})\\s+(?:a\\s+|an\\s+)?$`, 'iu'),
            min: new RegExp(`${wordStart}(?:${claims.limitCues.min.join('|') || '(?!)'})\\s+(?:a\\s+|an\\s+)?$`, 'iu'),
            minAfter: new RegExp(`^\\s+(?:${claims.limitCues.minAfter.join('|') || '(?!)'})${wordEnd}`, 'iu'),
          },
    limits: claims.limits,
    // A unit may count for several limits (nodes: per cluster, in the system pool), so hits name the unit itself.
    units: termFinder([...new Set(claims.limits.flatMap((l) => l.units.map((u) => u.toLowerCase())))].map((u) => ({ id: u, terms: [u] }))),
    versionLists: claims.versionLists.map((v) => ({ id: v.id, label: v.label, cues: anyOf(v.cues)!, defaultCues: anyOf(v.defaultCues) })),
    productVersion: vocabulary.productVersion ? new RegExp(vocabulary.productVersion.pattern, 'giu') : null,
    dating: {
      timeRelative: d.timeRelative.map((p) => new RegExp(p, 'iu')),
      stage: d.stage.map((p) => new RegExp(p, 'iu')),
      pinBefore: d.pinBefore.length ? new RegExp(`${wordStart}(?:${d.pinBefore.map(escape).join('|')})\\s+$`, 'iu') : null,
      range: anyOf(d.range, 'iu', false),
      month: d.monthBefore.length
        ? new RegExp(`${wordStart}(?:${d.monthBefore.map(escape).join('|')})\\s+(${[...months.keys()].join('|')})\\s+(\\d{4})${wordEnd}`, 'giu')
        : null,
      months,
      future: anyOf(d.future, 'giu', false),
      releases: new Map(d.releases.map((r) => [r.version, r.date])),
    },
    grammar: {
      clauseBreak: anyOf(claims.grammar.clauseBreaks, 'giu', false),
      coordinator: new RegExp(claims.grammar.coordinator, 'iu'),
      maxGap: claims.grammar.maxGap,
      shortStatement: claims.grammar.shortStatement,
      backReference: anyOf(claims.grammar.backReferences, 'iu', false),
    },
  };
}

/** Number of words in a stretch of text. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
