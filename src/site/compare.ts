// Rows of the baseline-vs-target comparison page, derived from field-compatibility entries.
import type { Entry } from '../shared/schemas/entry.ts';
import type { SiteConfig } from '../shared/schemas/vocabulary.ts';

/** One Pod or container field and how it behaves on each platform. */
export interface ComparisonRow {
  /** API field name, e.g. `securityContext.privileged`. */
  field: string;
  /** The compatibility entry the row comes from. */
  entry: Entry;
  /** Innermost source heading, e.g. "Field compatibility for Pod specifications". */
  section: string;
  /** Baseline-platform behaviour (site wording: the sources only state the difference). */
  baseline: string;
  /** Target-platform behaviour: the entry's current statements without the leading field name. */
  target: string;
  /** Anchor of the first statement, for a deep link. */
  statementId: string;
  /** Clauses that name a workaround, from the site's workaround patterns. */
  workarounds: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The `{field}` part of a title made from the compatibility title template, if the title fits it. */
export function fieldFromTitle(title: string, template: string): string | undefined {
  const [before = '', after = ''] = template.split('{field}');
  return new RegExp(`^${escapeRegExp(before)}(.+?)${escapeRegExp(after)}$`).exec(title)?.[1];
}

/** Statement text without a leading "field -" or "field:" label, first letter capitalised. */
export function stripFieldLabel(text: string, field: string): string {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith(field.toLowerCase())) return capitalise(trimmed);
  const rest = trimmed.slice(field.length).replace(/^\s*[-–—:]?\s*/, '');
  return capitalise(rest || trimmed);
}

/** Clauses (split at sentence ends, commas and semicolons) that match one of the workaround patterns. */
export function workaroundClauses(text: string, patterns: readonly RegExp[]): string[] {
  if (patterns.length === 0) return [];
  return text
    .split(/(?<=[.!?])\s+|[,;]\s+/)
    .map((clause) => clause.trim().replace(/[.,;]+$/, ''))
    .filter((clause) => clause && patterns.some((pattern) => pattern.test(clause)))
    .map((clause) => `${capitalise(clause)}.`);
}

/** The field a compatibility entry documents: from the title template, else the text before " - ". */
export function fieldOf(entry: Entry, template: string): string | undefined {
  return fieldFromTitle(entry.title, template) ?? /^(\S+)\s+[-–—]\s/.exec(entry.text)?.[1];
}

/** One row per field-compatibility entry, sorted by field name. */
export function comparisonRows(entries: readonly Entry[], site: SiteConfig): ComparisonRow[] {
  const patterns = site.comparison.workaroundPatterns.map((pattern) => new RegExp(pattern, 'i'));
  const rows: ComparisonRow[] = [];
  for (const entry of entries) {
    if (entry.type !== 'compatibility') continue;
    const field = fieldOf(entry, site.compatibilityTitle);
    if (!field) continue;
    const current = entry.statements.filter((s) => s.status !== 'outdated');
    const text = (current.length > 0 ? current : entry.statements).map((s) => s.text).join(' ');
    rows.push({
      field,
      entry,
      section: entry.source.section.at(-1) ?? '',
      baseline: site.comparison.baselineBehaviour,
      target: stripFieldLabel(text, field),
      statementId: (current[0] ?? entry.statements[0]).id,
      workarounds: workaroundClauses(stripFieldLabel(text, field), patterns),
    });
  }
  return rows.sort((a, b) => a.field.localeCompare(b.field, 'en', { sensitivity: 'base' }));
}

/** Short labels for section names: the words all of them start with are dropped ("… for Pod specifications" → "Pod specifications"). */
export function sectionLabels(sections: readonly string[]): Map<string, string> {
  const words = sections.map((section) => section.split(/\s+/));
  let shared = 0;
  if (sections.length > 1) {
    while (words.every((w) => shared < w.length - 1 && w[shared] === words[0][shared])) shared += 1;
  }
  return new Map(sections.map((section, i) => [section, capitalise(words[i].slice(shared).join(' '))]));
}
