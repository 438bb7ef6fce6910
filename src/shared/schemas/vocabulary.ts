import { z } from 'zod';
import { idPattern } from './source.ts';

/** A labelled group of match terms (a topic, an OS version family). */
export const termGroupSchema = z.strictObject({
  /** Stable id. */
  id: z.string().regex(idPattern),
  /** Human label. */
  label: z.string().min(1),
  /** Terms that signal the group, matched case-insensitively on word boundaries. */
  terms: z.array(z.string().min(1)).min(1),
});

/** The domain vocabulary in `content/vocabulary.yaml`. */
export const vocabularySchema = z.strictObject({
  /** Topics entries are filed under. */
  topics: z.array(termGroupSchema).min(1),
  /** OS version families for applies-to. */
  osVersions: z.array(termGroupSchema).default([]),
  /** How to spot a product version in text. */
  productVersion: z
    .strictObject({ label: z.string(), pattern: z.string() })
    .optional(),
  /** Platform terms beyond a source's own scope. */
  platformTerms: z.record(z.string(), z.array(z.string())).default({}),
  /** Command prefixes in plain-text sources, mapped to code-block languages. */
  codeLanguages: z.record(z.string(), z.string()).default({}),
});

/** Site wording in `content/site.yaml`. */
export const siteSchema = z.strictObject({
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  tagline: z.string().min(1),
  description: z.string().min(1),
  language: z.string().default('en'),
  defaultScope: z.string().min(1),
  scopes: z.array(z.strictObject({ id: z.string().regex(idPattern), label: z.string() })).min(1),
  compatibilityTitle: z.string().includes('{field}'),
  comparison: z.strictObject({
    title: z.string(),
    baseline: z.string(),
    target: z.string(),
    /** Intro sentence above the comparison table. */
    intro: z.string().optional(),
    /** Baseline-column wording: the sources list only how the target differs, so the baseline is the documented default. */
    baselineBehaviour: z.string().default('Standard behaviour'),
    /** Regular expressions (case-insensitive) that mark a workaround clause, e.g. `\buse\b.+\binstead\b`. */
    workaroundPatterns: z.array(z.string()).default([]),
  }),
  wizard: z.strictObject({ title: z.string() }),
});

export type Vocabulary = z.output<typeof vocabularySchema>;
export type TermGroup = z.output<typeof termGroupSchema>;
export type SiteConfig = z.output<typeof siteSchema>;
