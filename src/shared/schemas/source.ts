import { z } from 'zod';

/** Identifier rule shared by sources, entries and statements: lowercase kebab-case. */
export const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** A calendar date or a coarser era: `2023-10-10`, `2022-09` or `2019`. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2023-10-10, 2023-10 or 2023');

/** Metadata a maintainer gives for a source, in its frontmatter or in the manifest. */
export const sourceMetaInputSchema = z.strictObject({
  /** Stable id; defaults to the file name without its extension. */
  id: z.string().regex(idPattern, 'id must be lowercase kebab-case').optional(),
  /** Document title; defaults to the document's first heading or first line. */
  title: z.string().min(1).optional(),
  /** Canonical URL of the original document; relative links resolve against it. */
  url: z.url({ protocol: /^https?$/ }),
  /** Licence name, e.g. `CC BY 4.0`. */
  license: z.string().min(1),
  /** Link to the licence text. */
  licenseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** When the text was true: a date or an era. */
  date: partialDate,
  /** Why we believe that date (quoted self-description, `ms.date`, product names). */
  dateEvidence: z.string().optional(),
  /** What the source speaks for, e.g. a managed service or an upstream project (see content/site.yaml). */
  scope: z.string().min(1).optional(),
  /** The document's genre, which sets the default entry type for its sections. */
  kind: z.enum(['faq', 'limitations', 'best-practices', 'guidance', 'compatibility']).optional(),
  /** A one-line description. */
  description: z.string().optional(),
});

/** Fully resolved source metadata, as the pipeline and the site use it. */
export const sourceSchema = z.strictObject({
  id: z.string().regex(idPattern),
  title: z.string().min(1),
  url: z.url(),
  license: z.string().min(1),
  licenseUrl: z.url().optional(),
  date: partialDate,
  dateEvidence: z.string(),
  scope: z.string().min(1),
  kind: z.enum(['faq', 'limitations', 'best-practices', 'guidance', 'compatibility']),
  description: z.string().optional(),
  /** File name inside the sources folder. */
  file: z.string(),
  /** Input format detected from the extension. */
  format: z.enum(['markdown', 'text']),
  /** Number of statements that later sources outdated (filled by the version stage). */
  outdatedCount: z.number().int().nonnegative().default(0),
  /** Number of statements in the source. */
  statementCount: z.number().int().nonnegative().default(0),
});

/** One manifest row: a file name plus its metadata. */
export const manifestRowSchema = sourceMetaInputSchema.partial().extend({ file: z.string().min(1) });

/** The optional `sources.yaml` manifest beside the sources. */
export const manifestSchema = z.strictObject({ sources: z.array(manifestRowSchema) });

export type SourceMetaInput = z.input<typeof sourceMetaInputSchema>;
export type Source = z.output<typeof sourceSchema>;
export type ManifestRow = z.output<typeof manifestRowSchema>;
