import { claimsVocabularySchema, type ClaimsVocabulary } from '../../../src/shared/schemas/claims-vocabulary.ts';
import type { Statement } from '../../../src/shared/schemas/entry.ts';
import type { Conflict } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import type { Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';
import { claimStatements, type ClaimedStatement } from '../claims/extract.ts';
import { compileClaimRules, type ClaimRules } from '../claims/rules.ts';
import { withData, type EntryDraft } from '../entries/build-entries.ts';
import { judge, statementKey } from './judge.ts';
import { inheritOutdated } from './dependents.ts';

/** Result of the version stage: drafts with statuses filled in, plus the subjects in conflict. */
export interface ReconcileResult {
  drafts: EntryDraft[];
  conflicts: Conflict[];
}

/** What the version stage reads from the content config (a `ContentConfig` fits). */
export interface ReconcileOptions {
  /** The claim vocabulary (`subjects.yaml`); without it statements are dated by their sources only and make no claims. */
  claims?: ClaimsVocabulary;
  /** The domain vocabulary, for OS versions and the product-version pattern. */
  vocabulary?: Vocabulary;
  /** Site language, for month names and number formatting. */
  site?: { language: string };
}

const emptyVocabulary: Vocabulary = { topics: [], osVersions: [], platformTerms: {}, codeLanguages: {} };

/** Compiles the claim rules a build uses. */
export function rulesFor(options: ReconcileOptions): ClaimRules {
  return compileClaimRules(options.claims ?? claimsVocabularySchema.parse({}), options.vocabulary ?? emptyVocabulary, options.site?.language);
}

/**
 * Version stage: dates every statement, extracts its claims, reconciles them across sources (status `current`,
 * `outdated` with `supersededBy`, or `dated`) and lists the conflicting subjects. Pure: returns new drafts, whose
 * bodies are tagged (`<Outdated>`, `<Dated>`, `<AppliesTo>`, see tagVersions) when their pages are rendered.
 * `claimed` is the claims stage's output for these drafts, when it ran per source beforehand (see analyzeSource).
 */
export function reconcile(drafts: EntryDraft[], sources: Source[], options: ReconcileOptions = {}, claimed?: ClaimedStatement[]): ReconcileResult {
  const rules = rulesFor(options);
  claimed ??= claimStatements(drafts, sources, rules, options.site?.language);
  const { verdicts, conflicts } = judge(claimed, rules.statuses);
  // `claimed` holds the drafts' statements in the same order (entry and reading order), so it is read in step.
  let next = 0;
  const out = drafts.map((draft) => {
    const statements = inheritOutdated(draft.data.statements.map((s) => {
      const c = claimed[next++];
      if (c?.entry !== draft.data.id || c.statement !== s.id) throw new Error(`claims out of step with the drafts at ${draft.data.id}#${s.id}`);
      const v = verdicts.get(statementKey(c))!;
      return { ...s, asOf: c.asOf, claims: c.claims, status: v.status, supersededBy: v.supersededBy, ...(v.datedReason ? { datedReason: v.datedReason } : {}) };
    }));
    return withData(draft, { ...draft.data, statements });
  });
  // Statuses can change after judging (inheritOutdated), so conflicts report the final ones.
  const byId = new Map(out.map((d) => [d.data.id, d.data]));
  const finalStatus = (st: { entry: string; statement: string; status: Statement['status'] }) => byId.get(st.entry)?.statements.find((x) => x.id === st.statement)?.status ?? st.status;
  const settled = conflicts
    .map((c) => ({ ...c, statements: c.statements.map((st) => ({ ...st, status: finalStatus(st) })) }))
    .filter((c) => c.kind !== 'dated' || c.statements.some((st) => st.status === 'dated'));
  return { drafts: out, conflicts: settled };
}
