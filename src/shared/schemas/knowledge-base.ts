import { z } from 'zod';
import { sourceSchema } from './source.ts';
import { entrySchema } from './entry.ts';

/** One subject on which statements disagree (filled by the version stage). */
export const conflictSchema = z.strictObject({
  /** Normalised subject key. */
  subject: z.string(),
  /** Human label for the subject. */
  label: z.string(),
  /** Kind of disagreement. */
  kind: z.enum(['superseded', 'contradiction-in-document', 'dated']),
  /** Statements involved, newest first. */
  statements: z.array(
    z.strictObject({
      entry: z.string(),
      statement: z.string(),
      source: z.string(),
      text: z.string(),
      value: z.string(),
      status: z.enum(['current', 'outdated', 'dated']),
      asOf: z.string(),
    }),
  ),
});

/** Build statistics reported by `kb build`. */
export const buildStatsSchema = z.strictObject({
  sources: z.number().int(),
  entries: z.number().int(),
  entriesByType: z.record(z.string(), z.number().int()),
  statements: z.number().int(),
  statementsByStatus: z.record(z.string(), z.number().int()),
  /** Share of source sentences found verbatim (modulo whitespace) in some entry. */
  coverage: z.number().min(0).max(1),
  /** Source sentences not found in any entry, as `file:line: text`. */
  uncovered: z.array(z.string()),
});

/** The whole knowledge base, as `kb build` writes it to `kb.json`. */
export const knowledgeBaseSchema = z.strictObject({
  sources: z.array(sourceSchema),
  entries: z.array(entrySchema),
  conflicts: z.array(conflictSchema).default([]),
  stats: buildStatsSchema,
});

export type KnowledgeBase = z.output<typeof knowledgeBaseSchema>;
export type Conflict = z.output<typeof conflictSchema>;
export type BuildStats = z.output<typeof buildStatsSchema>;
