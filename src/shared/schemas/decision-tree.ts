import { z } from 'zod';
import { statementStatuses, verdicts } from './entry.ts';
import { idPattern } from './source.ts';

/** Ids of nodes and leaves share one namespace; `leaf` is taken by the leaf URLs (`/wizard/leaf/<id>/`). */
const treeId = z
  .string()
  .regex(idPattern, 'id must be lowercase kebab-case')
  .refine((id) => id !== 'leaf', '"leaf" is reserved for leaf URLs');

/** The wizard's interface wording: every visible string the pages and the CLI print. */
export const wizardLabelsSchema = z.strictObject({
  /** One-line introduction under the first question. */
  intro: z.string().min(1),
  /** Breadcrumb text of the first question. */
  start: z.string().min(1),
  /** Link back to the first question. */
  startOver: z.string().min(1),
  /** Hint shown when JavaScript is on, e.g. "Press 1–9 to choose an answer." */
  keyboardHint: z.string().min(1),
  /** Label in front of the verdict. */
  verdict: z.string().min(1),
  /** Text of each verdict, so a verdict never relies on colour alone. */
  verdicts: z.strictObject({ yes: z.string().min(1), no: z.string().min(1), partial: z.string().min(1), depends: z.string().min(1) }),
  /** Label in front of the condition of a `depends` leaf. */
  condition: z.string().min(1),
  /** Heading of the answers given to condition questions on the way to a leaf. */
  conditions: z.string().min(1),
  /** Heading of the workaround section. */
  workaround: z.string().min(1),
  /** Heading of the citations section. */
  sources: z.string().min(1),
  /** Link text to the knowledge-base entry holding a cited statement. */
  entry: z.string().min(1),
  /** Link text to the original document of a citation. */
  original: z.string().min(1),
  /** "As of" text before a citation's date. */
  asOf: z.string().min(1),
  /** Heading of the outdated-notes section. */
  outdated: z.string().min(1),
  /** Heading of the related-leaves list; `{area}` is replaced by the area's label. */
  related: z.string().includes('{area}'),
  /** Names of statement statuses other than current, shown beside a citation. */
  status: z.strictObject({ outdated: z.string().min(1), dated: z.string().min(1) }),
});

/** A pointer to one statement of the knowledge base, with the words the leaf quotes from it. */
export const citationSchema = z
  .strictObject({
    /** Entry id as it appears in `.kb/kb.json` (`<source-id>-<slug of title>`). */
    entry: z.string().regex(idPattern),
    /** Statement id inside the entry (`s-…`); resolved from `quote` when omitted, which survives re-hashing. */
    statement: z.string().regex(/^s-[a-z0-9-]+$/).optional(),
    /** Words copied verbatim (modulo whitespace) from the statement; may run on into the entry's next statements. */
    quote: z.string().min(1).optional(),
  })
  .refine((c) => c.statement !== undefined || c.quote !== undefined, 'a citation needs a quote or a statement id');

/** A note on what used to be true, citing the older statements it is about. */
export const outdatedNoteSchema = z.strictObject({
  /** What changed, in plain words ("In 2019 this was not available; it is generally available now"). */
  note: z.string().min(1),
  /** The older statements (normally status `outdated` or `dated`). */
  citations: z.array(citationSchema).min(1),
});

/** One answer to a question. */
export const optionSchema = z.strictObject({
  /** Answer text, shown as a link. */
  label: z.string().min(1),
  /** Id of the node or leaf this answer leads to. */
  next: treeId,
  /** Optional one-line clarification under the label. */
  hint: z.string().min(1).optional(),
});

/** A question: the root (areas), a capability question per area, or a condition question. */
export const nodeSchema = z.strictObject({
  /** Stable id; the node's page is `/wizard/<id>/` (the root's is `/wizard/`). */
  id: treeId,
  /** The question asked. */
  prompt: z.string().min(1),
  /** Short name of the question, used where answers are listed ("Kubernetes version"). */
  short: z.string().min(1).optional(),
  /** Optional help text under the question. */
  help: z.string().min(1).optional(),
  /** Answers, in display order; at most nine so that each has a number key. */
  options: z.array(optionSchema).min(2).max(9),
});

/** An answer: a verdict with its explanation and cited evidence. */
export const leafSchema = z
  .strictObject({
    /** Stable id; the leaf's page is `/wizard/leaf/<id>/`. */
    id: treeId,
    /** The capability, phrased as what the user wants to do. */
    title: z.string().min(1),
    /** Can the user do it: yes, no, partially, or it depends. */
    verdict: z.enum(verdicts),
    /** What the answer depends on; required for `depends`. */
    condition: z.string().min(1).optional(),
    /** Short explanation, in plain words, of what the cited statements say. */
    explanation: z.string().min(1),
    /** What to do instead, where the sources name a way. */
    workaround: z.string().min(1).optional(),
    /** Current statements the verdict rests on. */
    citations: z.array(citationSchema).min(1),
    /** Notes on older statements that said otherwise. */
    outdated: z.array(outdatedNoteSchema).default([]),
  })
  .refine((l) => l.verdict !== 'depends' || l.condition !== undefined, { message: 'a "depends" leaf needs a condition', path: ['condition'] });

/** How `kb build` spots capability statements that no leaf covers. */
export const wizardCoverageConfigSchema = z.strictObject({
  /** Case-insensitive regular expressions; a statement matching any of them states a capability. */
  patterns: z.array(z.string().min(1)).default([]),
});

/** The decision tree in `content/wizard.yaml`. */
export const decisionTreeSchema = z.strictObject({
  /** Interface wording. */
  labels: wizardLabelsSchema,
  /** Id of the first question. */
  root: treeId,
  /** Questions. */
  nodes: z.array(nodeSchema).min(1),
  /** Answers. */
  leaves: z.array(leafSchema).min(1),
  /** Capability-statement detection for the coverage report. */
  coverage: wizardCoverageConfigSchema.default({ patterns: [] }),
});

/** One step of the path from the root: the page and the answer that led to it. */
export const wizardStepSchema = z.strictObject({
  /** Node or leaf id. */
  id: z.string(),
  /** Site-relative URL of the step's page. */
  url: z.string(),
  /** The answer chosen to get here (the start label for the root). */
  label: z.string(),
});

/** A citation resolved against the knowledge base. */
export const resolvedCitationSchema = z.strictObject({
  /** Entry id. */
  entry: z.string(),
  /** Entry title. */
  entryTitle: z.string(),
  /** Id of the statement the quote starts in. */
  statement: z.string(),
  /** Ids of every statement the quote spans. */
  statements: z.array(z.string()).min(1),
  /** The quoted words. */
  quote: z.string(),
  /** Version status of the statement. */
  status: z.enum(statementStatuses),
  /** Date the statement was true as of. */
  asOf: z.string(),
  /** Why the statement is dated, when it is. */
  datedReason: z.string().optional(),
  /** Source id. */
  source: z.string(),
  /** Source title. */
  sourceTitle: z.string(),
  /** Link to the original document (its section, where known). */
  sourceUrl: z.string(),
  /** Site-relative URL of the statement on its entry page (`/entries/<id>/#s-…`). */
  entryUrl: z.string(),
});

/** A question as the site and the CLI use it. */
export const wizardNodeOutSchema = z.strictObject({
  /** Node id. */
  id: z.string(),
  /** Site-relative URL of the question's page (without the deploy base). */
  url: z.string(),
  /** The question asked. */
  prompt: z.string(),
  /** Short name of the question. */
  short: z.string().optional(),
  /** Help text under the question. */
  help: z.string().optional(),
  /** The area this question belongs to (none for the root). */
  area: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
  /** Path from the root, ending with this node. */
  path: z.array(wizardStepSchema),
  /** Answers in display order: label, optional hint, the id and URL they lead to, and whether that is a leaf. */
  options: z.array(z.strictObject({ label: z.string(), hint: z.string().optional(), next: z.string(), url: z.string(), leaf: z.boolean() })),
});

/** An answer as the site and the CLI use it. */
export const wizardLeafOutSchema = z.strictObject({
  /** Leaf id. */
  id: z.string(),
  /** Site-relative URL of the answer's page (without the deploy base). */
  url: z.string(),
  /** The capability, phrased as what the user wants to do. */
  title: z.string(),
  /** Yes, no, partially, or it depends. */
  verdict: z.enum(verdicts),
  /** What a `depends` verdict depends on. */
  condition: z.string().optional(),
  /** Short explanation of the verdict. */
  explanation: z.string(),
  /** What to do instead, where there is a way. */
  workaround: z.string().optional(),
  /** The area the answer belongs to: the first answer on its path. */
  area: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
  /** Path from the root, ending with this leaf. */
  path: z.array(wizardStepSchema),
  /** Answers to condition questions on the path, as "question: answer". */
  conditions: z.array(z.string()),
  /** Other leaves of the same area, in tree order. */
  related: z.array(z.string()),
  /** The current statements the verdict rests on. */
  citations: z.array(resolvedCitationSchema).min(1),
  /** Notes on older statements, each with the statements it is about. */
  outdated: z.array(z.strictObject({ note: z.string(), citations: z.array(resolvedCitationSchema) })),
});

/** A capability statement no leaf cites. */
export const uncoveredStatementSchema = z.strictObject({
  /** Entry id. */
  entry: z.string(),
  /** Statement id. */
  statement: z.string(),
  /** Source id. */
  source: z.string(),
  /** Source file name, for `file:line` messages. */
  file: z.string().optional(),
  /** 1-based line in the source file. */
  line: z.number().int().optional(),
  /** Statement text. */
  text: z.string(),
});

/** How many capability statements the wizard covers. */
export const wizardCoverageSchema = z.strictObject({
  /** Capability statements found in current sources. */
  capability: z.number().int(),
  /** Of those, the ones some leaf cites. */
  covered: z.number().int(),
  /** The ones no leaf cites. */
  uncovered: z.array(uncoveredStatementSchema),
});

/** The resolved decision tree, as `kb build` writes it to `wizard.json`. */
export const wizardOutputSchema = z.strictObject({
  /** Interface wording. */
  labels: wizardLabelsSchema,
  /** Id of the first question. */
  root: z.string(),
  /** Questions, in breadth-first reading order from the root. */
  nodes: z.array(wizardNodeOutSchema),
  /** Answers, in breadth-first reading order from the root. */
  leaves: z.array(wizardLeafOutSchema),
  /** Capability statements the leaves cover and miss. */
  coverage: wizardCoverageSchema,
});

export type DecisionTree = z.output<typeof decisionTreeSchema>;
export type DecisionTreeInput = z.input<typeof decisionTreeSchema>;
export type WizardNode = z.output<typeof nodeSchema>;
export type WizardLeaf = z.output<typeof leafSchema>;
export type Citation = z.output<typeof citationSchema>;
export type WizardLabels = z.output<typeof wizardLabelsSchema>;
export type WizardStep = z.output<typeof wizardStepSchema>;
export type ResolvedCitation = z.output<typeof resolvedCitationSchema>;
export type WizardNodeOut = z.output<typeof wizardNodeOutSchema>;
export type WizardLeafOut = z.output<typeof wizardLeafOutSchema>;
export type WizardCoverage = z.output<typeof wizardCoverageSchema>;
export type WizardOutput = z.output<typeof wizardOutputSchema>;
