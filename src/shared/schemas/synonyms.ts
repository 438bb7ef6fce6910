import { z } from 'zod';

/** A term or phrase as a user or a source may write it: matched case-insensitively, word by word. */
const term = z.string().trim().min(1).regex(/[\p{L}\p{N}]/u, 'a term needs at least one letter or digit');

/**
 * Words that mean the same thing. The first term names the group: every other term is read as it, both in the
 * sources (at index time) and in questions (at query time).
 */
export const synonymGroupSchema = z.array(term).min(2);

/** Words a question may use for a related (not identical) idea: matched at a lower weight. */
export const relatedGroupSchema = z.strictObject({
  /** Terms that stand in for one another. */
  terms: z.array(term).min(2),
  /** How much a match through this group counts, relative to the word the user typed (0–1). */
  weight: z.number().gt(0).lt(1).default(0.5),
});

/** The domain synonyms and abbreviations in `content/synonyms.yaml`. */
export const synonymsSchema = z.strictObject({
  /** Groups of interchangeable terms: abbreviations, spellings, product names. */
  synonyms: z.array(synonymGroupSchema).default([]),
  /** Weaker, query-only expansions between related terms. */
  related: z.array(relatedGroupSchema).default([]),
  /**
   * Mutually exclusive alternatives (two operating systems, two OS versions, preview vs. generally available). A
   * follow-up question naming one replaces the other from the previous question, and an answer saying "only X"
   * answers "no" for its alternative.
   */
  contrasts: z.array(z.array(term).min(2)).default([]),
});

export type SynonymsInput = z.input<typeof synonymsSchema>;
export type Synonyms = z.output<typeof synonymsSchema>;
