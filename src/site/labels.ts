// Generic interface wording for entry types and verdicts (domain wording lives in content/*.yaml).
import type { EntryType, Verdict } from '../shared/schemas/entry.ts';

/** How each entry type is named, alone and as a group heading, in topic-page order. */
export const entryTypeLabels: Record<EntryType, { one: string; group: string }> = {
  faq: { one: 'Question', group: 'Questions and answers' },
  limitation: { one: 'Limitation', group: 'Limitations' },
  compatibility: { one: 'Field compatibility', group: 'Field compatibility' },
  'best-practice': { one: 'Best practice', group: 'Best practices' },
  guidance: { one: 'Guidance', group: 'Guidance' },
  concept: { one: 'Background', group: 'Background' },
};

/** Order of type groups on topic and source pages. */
export const entryTypeOrder = Object.keys(entryTypeLabels) as EntryType[];

/** Verdict badge wording: a text label and a symbol, so the badge never relies on colour alone. */
export const verdictLabels: Record<Verdict, { label: string; symbol: string }> = {
  yes: { label: 'Yes', symbol: '✓' },
  no: { label: 'No', symbol: '✗' },
  partial: { label: 'Partly', symbol: '◐' },
  depends: { label: 'It depends', symbol: '?' },
};
