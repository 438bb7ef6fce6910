import { z } from 'zod';
import { partialDate, sourceSchema } from './source.ts';
import { entrySchema } from './entry.ts';

/** One statement in a conflict, with the value it gives the subject. */
export const conflictStatementSchema = z.strictObject({
  /** Entry id. */
  entry: z.string(),
  /** Statement id inside the entry. */
  statement: z.string(),
  /** Source id. */
  source: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int().positive().optional(),
  /** Statement text. */
  text: z.string(),
  /** Normalised value the statement gives the subject. */
  value: z.string(),
  /** Human form of the value, e.g. `100` or `generally available`. */
  display: z.string().default(''),
  /** The statement's version status. */
  status: z.enum(['current', 'outdated', 'dated']),
  /** The date the statement was true as of. */
  asOf: z.string(),
});

/** How an answer changed: the last outdated value and the value that replaced it. */
export const answerChangeSchema = z.strictObject({
  /** The previous answer, e.g. `8`. */
  from: z.string(),
  /** Date of the previous answer. */
  fromAsOf: partialDate,
  /** The answer that replaced it, e.g. `100`. */
  to: z.string(),
  /** Date of the first statement giving the new answer. */
  since: partialDate,
});

/** One subject on which statements disagree (filled by the version stage). */
export const conflictSchema = z.strictObject({
  /** Normalised subject key. */
  subject: z.string(),
  /** Human label for the subject. */
  label: z.string(),
  /** Scope the statements speak for (`aks`, `kubernetes`); statements of different scopes never supersede each other. */
  scope: z.string().default(''),
  /**
   * Kind of disagreement: a newer statement replaced an older one (`superseded`), one document says two things
   * (`contradiction-in-document`), or time-relative wording that no newer source settles (`dated`).
   */
  kind: z.enum(['superseded', 'contradiction-in-document', 'dated']),
  /** For `superseded`: the answer before and after. */
  change: answerChangeSchema.optional(),
  /** Why the statements disagree, in one sentence. */
  note: z.string().optional(),
  /** Statements involved, newest first. */
  statements: z.array(conflictStatementSchema),
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
export type ConflictStatement = z.output<typeof conflictStatementSchema>;
export type AnswerChange = z.output<typeof answerChangeSchema>;
export type BuildStats = z.output<typeof buildStatsSchema>;
