import { z } from 'zod';
import { idPattern, partialDate } from './source.ts';

/** A regular expression written as a string; matched case-insensitively with Unicode semantics. */
export const patternSchema = z
  .string()
  .min(1)
  .refine((source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

/** Which way a support status points: available now, not available, or promised for later. */
export const polarities = ['positive', 'negative', 'future'] as const;

/** Claim kinds a status produces. */
export const statusKinds = ['support', 'default', 'requirement'] as const;

/** A support status a statement can give a feature (`supported`, `preview`, `linux-only` …). */
export const statusSchema = z.strictObject({
  /** Stable id, stored as the claim value. */
  id: z.string().regex(idPattern),
  /** Wording shown to readers, e.g. `generally available`. */
  label: z.string().min(1),
  /** Whether the feature can be used now (`positive`), cannot (`negative`) or is promised (`future`). */
  polarity: z.enum(polarities),
  /** A lifecycle stage (preview, beta, alpha): a later plain answer of the same polarity graduates it. */
  stage: z.boolean().default(false),
  /** Kind of claim the status makes. */
  kind: z.enum(statusKinds).default('support'),
});

/** Wording that gives a status to the feature named before it (`X is not supported`) or after it (`doesn't support X`). */
export const statusCueSchema = z.strictObject({
  /** Regular expression for the wording. */
  pattern: patternSchema,
  /** Status id it signals. */
  status: z.string().regex(idPattern),
  /** Where the feature stands relative to the wording. */
  target: z.enum(['before', 'after']),
});

/** A feature, product or option statements speak about, with its synonyms. */
export const thingSchema = z.strictObject({
  /** Stable id; the subject key of support claims about it. */
  id: z.string().regex(idPattern),
  /** Human label. */
  label: z.string().min(1),
  /** Names and synonyms, matched case-insensitively on word boundaries. */
  terms: z.array(z.string().min(1)).min(1),
});

/** A numeric limit: a number in front of one of its units, after a limit cue of its direction. */
export const limitSchema = z.strictObject({
  /** Stable id; the subject key, e.g. `max-node-pools`. */
  id: z.string().regex(idPattern),
  /** Human label, e.g. `Node pools per cluster`. */
  label: z.string().min(1),
  /** `max` for ceilings ("maximum of", "limit of"), `min` for floors ("at least"). */
  direction: z.enum(['max', 'min']),
  /** Counted nouns, e.g. `node pools`; matched right after the number (`eight node pools`, `six-character`). */
  units: z.array(z.string().min(1)).min(1),
  /** Words one of which must also occur in the statement or its entry title (e.g. `password`). */
  context: z.array(z.string().min(1)).default([]),
});

/** A list of supported versions from one version family of the vocabulary (e.g. its OS versions). */
export const versionListSchema = z.strictObject({
  /** Stable id; the subject key. */
  id: z.string().regex(idPattern),
  /** Human label. */
  label: z.string().min(1),
  /** Wording that makes the versions a statement names its list of supported versions. */
  cues: z.array(patternSchema).min(1),
  /** Wording after a version that makes it the default (`is the default OS`). */
  defaultCues: z.array(patternSchema).default([]),
});

/** When a version became available: dates statements that pin to it or speak of it in the future tense. */
export const releaseSchema = z.strictObject({
  /** A product version (`1.32`) or an OS-version id of the vocabulary (`windows-server-2022`). */
  version: z.string().min(1),
  /** Release date. */
  date: partialDate,
  /** What the date is, e.g. `generally available on AKS`. */
  note: z.string().optional(),
});

/** Wording that dates a statement by its own text. */
export const datingSchema = z.strictObject({
  /** Time-relative wording ("currently", "at this time", "not yet"): the statement is true only as of its date. */
  timeRelative: z.array(patternSchema).default([]),
  /** Lifecycle-stage wording ("preview", "beta", "alpha"). */
  stage: z.array(patternSchema).default([]),
  /** Words right before a product version that pin a statement to it ("for", "running"). */
  pinBefore: z.array(z.string().min(1)).default([]),
  /** Wording around a product version that makes it a range, not a pin ("and later", "minimum version of"). */
  range: z.array(patternSchema).default([]),
  /** Words before a month and year that date the statement ("before February 2020"). */
  monthBefore: z.array(z.string().min(1)).default([]),
  /** Future-tense wording followed by a version ("will be supported in"). */
  future: z.array(patternSchema).default([]),
  /** Release dates of versions. */
  releases: z.array(releaseSchema).default([]),
});

/** Grammar knobs of the claim extractor. */
export const grammarSchema = z.strictObject({
  /** Wording that ends a clause: a feature is never looked for across it. */
  clauseBreaks: z.array(patternSchema).default([';']),
  /** What may stand between two features of one list (`X and Y`, `X, Y or Z`). */
  coordinator: patternSchema.default('^\\s*(?:,\\s*)?(?:and|or|,|/)?\\s*(?:the\\s+)?$'),
  /** Most words allowed between a feature and its status wording. */
  maxGap: z.number().int().positive().default(16),
  /** A statement this short (in words) with a status but no feature speaks of its entry title's feature. */
  shortStatement: z.number().int().positive().default(6),
  /** Statement openings that refer back to the previous statement's feature ("This feature …"). */
  backReferences: z.array(patternSchema).default([]),
});

/** The claim vocabulary in `content/subjects.yaml`: subjects, synonyms and wording, as data. */
export const claimsVocabularySchema = z.strictObject({
  /** Number words, e.g. `eight: 8`. */
  numberWords: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Support statuses. */
  statuses: z.array(statusSchema).default([]),
  /** Status wording, most specific first. */
  statusCues: z.array(statusCueSchema).default([]),
  /** Answer words that open a reply to a yes/no question title, mapped to a status id. */
  answers: z.record(z.string(), z.string().regex(idPattern)).default({}),
  /** Limit wording right before a number (`maximum of`, `at least`), and floor wording after a unit (`or more`). */
  limitCues: z
    .strictObject({
      max: z.array(patternSchema).default([]),
      min: z.array(patternSchema).default([]),
      minAfter: z.array(patternSchema).default([]),
    })
    .default({ max: [], min: [], minAfter: [] }),
  /** Features and products, with synonyms. */
  things: z.array(thingSchema).default([]),
  /** Numeric limits. */
  limits: z.array(limitSchema).default([]),
  /** Version lists. */
  versionLists: z.array(versionListSchema).default([]),
  /** Other products a statement may speak for instead of its source's scope, with their names. */
  scopes: z.record(z.string().regex(idPattern), z.array(z.string().min(1))).default({}),
  /** Statement dating. */
  dating: datingSchema.default({ timeRelative: [], stage: [], pinBefore: [], range: [], monthBefore: [], future: [], releases: [] }),
  /** Extractor grammar. */
  grammar: grammarSchema.default({ clauseBreaks: [';'], coordinator: '^\\s*(?:,\\s*)?(?:and|or|,|/)?\\s*(?:the\\s+)?$', maxGap: 16, shortStatement: 6, backReferences: [] }),
}).superRefine((v, ctx) => {
  // Cues and answers name statuses by id; a typo would silently drop claims, so it is an error.
  const known = new Set(v.statuses.map((s) => s.id));
  v.statusCues.forEach((cue, i) => {
    if (!known.has(cue.status)) ctx.addIssue({ code: 'custom', path: ['statusCues', i, 'status'], message: `unknown status "${cue.status}"` });
  });
  for (const [word, status] of Object.entries(v.answers)) {
    if (!known.has(status)) ctx.addIssue({ code: 'custom', path: ['answers', word], message: `unknown status "${status}"` });
  }
});

export type ClaimsVocabulary = z.output<typeof claimsVocabularySchema>;
export type ClaimsVocabularyInput = z.input<typeof claimsVocabularySchema>;
export type Status = z.output<typeof statusSchema>;
export type Polarity = (typeof polarities)[number];
