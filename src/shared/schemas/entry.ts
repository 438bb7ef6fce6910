import { z } from 'zod';
import { idPattern, partialDate } from './source.ts';

/** Kinds of answerable unit the pipeline emits. */
export const entryTypes = ['faq', 'limitation', 'best-practice', 'guidance', 'compatibility', 'concept'] as const;

/** Version status of one statement. */
export const statementStatuses = ['current', 'outdated', 'dated'] as const;

/** Verdict on a capability: can the user do it? */
export const verdicts = ['yes', 'no', 'partial', 'depends'] as const;

/**
 * Most newer statements an outdated one names as its replacements, newest first. In a large knowledge base one old
 * statement can be contradicted by hundreds of newer ones; listing every one made each outdated note (and kb.json,
 * where they were 40% of the text at 10,000 entries) grow with the corpus, while the newest few are what a reader
 * wants. The conflict record keeps every statement on the subject.
 */
export const maxReplacements = 3;

/** A pointer to the statement that replaced an outdated one. */
export const supersededBySchema = z.strictObject({
  /** Entry id holding the newer statement. */
  entry: z.string(),
  /** Statement id inside that entry. */
  statement: z.string(),
  /** The newer statement's text. */
  text: z.string(),
  /** Source id of the newer statement. */
  source: z.string(),
  /** Date of the newer statement. */
  asOf: partialDate.optional(),
});

/** A claim extracted from a statement (filled by the claims stage). */
export const claimSchema = z.strictObject({
  /** Normalised subject key, e.g. `max-node-pools`. */
  subject: z.string(),
  /** Claim kind. */
  kind: z.enum(['limit', 'support', 'versions', 'default', 'requirement']),
  /** Normalised value: a number, a support status or a sorted version list. */
  value: z.string(),
  /** Platform scope the claim speaks for. */
  scope: z.string(),
  /** Human label of the subject, e.g. `Node pools per cluster`. */
  label: z.string().optional(),
  /** Human form of the value, e.g. `100` or `generally available`. */
  display: z.string().optional(),
  /** OS version the claim is limited to, when the statement names one (an `osVersions` id). */
  qualifier: z.string().optional(),
  /** What a limit counts or measures, as its unit is configured (e.g. `node pools`, `characters`). */
  unit: z.string().optional(),
  /** Whether a limit is a ceiling (`max`, "a maximum of 100") or a floor (`min`, "at least two"). */
  direction: z.enum(['max', 'min']).optional(),
});

/** One sentence, bullet, step, note or code block of an entry. */
export const statementSchema = z.strictObject({
  /** Anchor id, unique within the entry and stable while its text is unchanged. */
  id: z.string().regex(/^s-[a-z0-9-]+$/),
  /** Plain text of the statement. */
  text: z.string().min(1),
  /** Block it came from. */
  kind: z.enum(['sentence', 'bullet', 'step', 'note', 'important', 'code', 'row', 'heading']),
  /** Version status. */
  status: z.enum(statementStatuses).default('current'),
  /** The date this statement was true as of. */
  asOf: partialDate,
  /** Why it is dated (time-relative or preview wording), for `dated` statements. */
  datedReason: z.string().optional(),
  /** Newer statements that replaced this one, newest first, for `outdated` statements. */
  supersededBy: z.array(supersededBySchema).max(maxReplacements).default([]),
  /** Claims extracted from the statement. */
  claims: z.array(claimSchema).default([]),
  /** 1-based line in the source file. */
  line: z.number().int().positive().optional(),
});

/** What an entry applies to. */
export const appliesToSchema = z.strictObject({
  /** Platforms/scopes: the source scope plus any the text names. */
  platforms: z.array(z.string()).default([]),
  /** OS versions named by the text (from the vocabulary's version families). */
  osVersions: z.array(z.string()).default([]),
  /** Kubernetes (or product) versions the text is pinned to. */
  productVersions: z.array(z.string()).default([]),
});

/** Where an entry came from. */
export const sourceRefSchema = z.strictObject({
  /** Source id. */
  id: z.string().regex(idPattern),
  /** Heading path inside the source. */
  section: z.array(z.string()),
  /** Link to the original section. */
  url: z.url(),
  /** First line of the entry in the source file (1-based). */
  line: z.number().int().positive(),
  /** Exact source text the entry was made from. */
  quote: z.string(),
});

/** One answerable unit: the frontmatter of an emitted MDX entry. */
export const entrySchema = z.strictObject({
  /** Stable id, also the slug of its page. */
  id: z.string().regex(idPattern),
  /** URL slug (same as id). */
  slug: z.string().regex(idPattern),
  /** Entry type. */
  type: z.enum(entryTypes),
  /** Title, phrased as a question where the source does. */
  title: z.string().min(1),
  /** True when the title is a question. */
  question: z.boolean().default(false),
  /** Topic ids from the vocabulary. */
  topics: z.array(z.string()).default([]),
  /** What the entry applies to. */
  appliesTo: appliesToSchema,
  /** Source reference. */
  source: sourceRefSchema,
  /** Related entry ids, best first. */
  related: z.array(z.string()).default([]),
  /** Verdict on the capability the entry answers, when it has one. */
  verdict: z.enum(verdicts).nullable().default(null),
  /** Statements in reading order. */
  statements: z.array(statementSchema).min(1),
  /** Full plain text of the body. */
  text: z.string().min(1),
  /** Wizard leaf URL path for this capability, when one exists. */
  wizard: z.string().nullable().default(null),
});

export type Entry = z.output<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;
export type Statement = z.output<typeof statementSchema>;
export type EntryType = (typeof entryTypes)[number];
export type Verdict = (typeof verdicts)[number];
export type Claim = z.output<typeof claimSchema>;
