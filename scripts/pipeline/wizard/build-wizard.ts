import type { Citation, DecisionTree, ResolvedCitation, WizardLeafOut, WizardNodeOut, WizardOutput, WizardStep } from '../../../src/shared/schemas/decision-tree.ts';
import type { Entry } from '../../../src/shared/schemas/entry.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import { wizardLeafPath, wizardNodePath } from '../../../src/shared/urls.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { EntryDraft } from '../entries/build-entries.ts';
import { resolveCitation, toResolvedCitation } from './citations.ts';
import { compilePatterns, findCapabilityStatements, measureWizardCoverage } from './coverage.ts';
import { parseDecisionTree } from './parse-tree.ts';
import type { WizardSource } from './source.ts';
import { checkStructure, type PathStep, type TreeShape } from './structure.ts';

/** What the wizard stage returns: the resolved tree (absent when the tree has errors) and its diagnostics. */
export interface WizardStageResult {
  wizard?: WizardOutput;
  diagnostics: Diagnostic[];
}

/**
 * Wizard stage: validates `wizard.yaml` against the knowledge base (structure, citations, statement statuses) and
 * resolves it into the tree the site and the CLI render. Errors name the node or leaf and its line. Pure.
 */
export function buildWizard(source: WizardSource, entries: readonly Entry[], sources: readonly Source[]): WizardStageResult {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseDecisionTree(source, diagnostics);
  if (!parsed) return { diagnostics };
  const { tree, lineOf } = parsed;
  const shape = checkStructure(tree, lineOf, source.file, diagnostics);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const resolve = (citation: Citation, at: (string | number)[], leafId: string, role: 'verdict' | 'outdated'): ResolvedCitation | undefined => {
    const match = resolveCitation(citation, byId);
    const line = lineOf(at);
    if ('reason' in match) {
      diagnostics.push({ file: source.file, line, severity: 'error', message: `leaf "${leafId}" is stale or miscited: ${match.reason}. Re-read the source and update the leaf's verdict and citations.` });
      return undefined;
    }
    const resolved = toResolvedCitation(match, sourceById);
    const said = `"${truncate(match.statements.map((s) => s.text).join(' '))}" (entry "${resolved.entry}", statement "${resolved.statement}")`;
    if (role === 'verdict' && resolved.status === 'outdated') {
      const newer = match.statements.flatMap((s) => s.supersededBy)[0];
      const by = newer ? `; superseded by "${truncate(newer.text)}" (entry "${newer.entry}", statement "${newer.statement}")` : '';
      diagnostics.push({ file: source.file, line, severity: 'error', message: `leaf "${leafId}" is stale: its verdict cites ${said}, which is now outdated${by}. Update the verdict, or move the citation under the leaf's outdated notes.` });
    } else if (role === 'outdated' && resolved.status === 'current') {
      diagnostics.push({ file: source.file, line, severity: 'warning', message: `leaf "${leafId}": an outdated note cites ${said}, which the knowledge base still marks current` });
    }
    return resolved;
  };
  const resolvedLeaves = tree.leaves.map((leaf, i) => ({
    leaf,
    citations: leaf.citations.map((c, j) => resolve(c, ['leaves', i, 'citations', j], leaf.id, 'verdict')),
    outdated: leaf.outdated.map((n, k) => ({ note: n.note, citations: n.citations.map((c, j) => resolve(c, ['leaves', i, 'outdated', k, 'citations', j], leaf.id, 'outdated')) })),
  }));
  if (hasErrors(diagnostics)) return { diagnostics };

  const steps = (id: string): WizardStep[] => (shape.paths.get(id) ?? []).map((s) => toStep(s, tree, shape));
  const area = (id: string) => {
    const step = shape.paths.get(id)?.[1];
    return step ? { id: step.id, label: step.answer } : null;
  };
  const nodes: WizardNodeOut[] = shape.order.filter((id) => !shape.leafIds.has(id)).map((id) => {
    const node = tree.nodes.find((n) => n.id === id)!;
    return {
      id,
      url: wizardNodePath(id, tree.root),
      prompt: node.prompt,
      ...(node.short ? { short: node.short } : {}),
      ...(node.help ? { help: node.help } : {}),
      area: area(id),
      path: steps(id),
      options: node.options.map((o) => ({ label: o.label, ...(o.hint ? { hint: o.hint } : {}), next: o.next, url: urlOf(o.next, tree, shape), leaf: shape.leafIds.has(o.next) })),
    };
  });
  const leafOrder = shape.order.filter((id) => shape.leafIds.has(id));
  const leaves: WizardLeafOut[] = leafOrder.map((id) => {
    const { leaf, citations, outdated } = resolvedLeaves.find((r) => r.leaf.id === id)!;
    const path = shape.paths.get(id)!;
    return {
      id,
      url: wizardLeafPath(id),
      title: leaf.title,
      verdict: leaf.verdict,
      ...(leaf.condition ? { condition: leaf.condition } : {}),
      explanation: leaf.explanation,
      ...(leaf.workaround ? { workaround: leaf.workaround } : {}),
      area: area(id),
      path: steps(id),
      conditions: conditionAnswers(path, tree),
      related: leafOrder.filter((other) => other !== id && area(other)?.id === area(id)?.id),
      citations: citations as ResolvedCitation[],
      outdated: outdated.map((n) => ({ note: n.note, citations: n.citations as ResolvedCitation[] })),
    };
  });
  const cited = leaves.flatMap((l) => [...l.citations, ...l.outdated.flatMap((n) => n.citations)]);
  const measured = measureWizardCoverage(findCapabilityStatements(entries, compilePatterns(tree.coverage.patterns)), cited, byId);
  const coverage = { ...measured, uncovered: measured.uncovered.map((u) => ({ ...u, file: sourceById.get(u.source)?.file })) };
  return { wizard: { labels: tree.labels, root: tree.root, nodes, leaves, coverage }, diagnostics };
}

/**
 * Points every cited entry at a leaf (its `wizard` field), so entry pages and search answers link to the wizard. An
 * entry cited by several leaves links to the first in reading order, preferring leaves whose verdict it supports.
 */
export function linkEntriesToLeaves(drafts: readonly EntryDraft[], wizard: WizardOutput): void {
  const byId = new Map(drafts.map((d) => [d.data.id, d]));
  const link = (entry: string, url: string) => {
    const draft = byId.get(entry);
    if (draft && draft.data.wizard === null) draft.data.wizard = url;
  };
  for (const leaf of wizard.leaves) for (const c of leaf.citations) link(c.entry, leaf.url);
  for (const leaf of wizard.leaves) for (const c of leaf.outdated.flatMap((n) => n.citations)) link(c.entry, leaf.url);
}

/** Lines for the `kb build` summary: tree size, capability coverage and a few uncovered statements. */
export function wizardSummary(wizard: WizardOutput, examples = 5): string[] {
  const { capability, covered, uncovered } = wizard.coverage;
  const lines = [`wizard:     ${wizard.leaves.length} leaves, ${wizard.nodes.length} questions; ${covered} of ${capability} capability statements covered, ${uncovered.length} not covered by any leaf`];
  for (const u of uncovered.slice(0, examples)) lines.push(`  not in wizard: ${u.file ?? u.source}${u.line ? `:${u.line}` : ''}: ${truncate(u.text)}`);
  if (uncovered.length > examples) lines.push(`  … and ${uncovered.length - examples} more (list them all with \`kb wizard --uncovered\`)`);
  return lines;
}

function urlOf(id: string, tree: DecisionTree, shape: TreeShape): string {
  return shape.leafIds.has(id) ? wizardLeafPath(id) : wizardNodePath(id, tree.root);
}

function toStep(step: PathStep, tree: DecisionTree, shape: TreeShape): WizardStep {
  return { id: step.id, url: urlOf(step.id, tree, shape), label: step.id === tree.root ? tree.labels.start : step.answer };
}

/** Answers given to condition questions: those after the area and capability questions. */
function conditionAnswers(path: readonly PathStep[], tree: DecisionTree): string[] {
  return path.slice(3).map((step, i) => {
    const question = tree.nodes.find((n) => n.id === path[i + 2].id)!;
    return `${question.short ?? question.prompt}: ${step.answer}`;
  });
}

function truncate(text: string, n = 100): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}


/** The stage as the pipeline runs it: build and validate the tree, then link cited entries to their leaves. */
export function wizardStage(source: WizardSource, drafts: readonly EntryDraft[], sources: readonly Source[]): WizardStageResult {
  const result = buildWizard(source, drafts.map((d) => d.data), sources);
  if (result.wizard) linkEntriesToLeaves(drafts, result.wizard);
  return result;
}
