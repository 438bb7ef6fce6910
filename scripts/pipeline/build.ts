import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { knowledgeBaseSchema, type BuildStats, type KnowledgeBase } from '../../src/shared/schemas/knowledge-base.ts';
import type { Source } from '../../src/shared/schemas/source.ts';
import type { ContentConfig } from './config/load-config.ts';
import { BuildError, hasErrors, type Diagnostic } from './diagnostics.ts';
import { createClassifier, relateEntries, relationWords, type Classifier } from './entries/classify.ts';
import { buildEntries, type EntryDraft } from './entries/build-entries.ts';
import { normalizeSpace, splitSentences } from './entries/statements.ts';
import { normalizeTree } from './parse/normalize-tree.ts';
import { parseMarkdown } from './parse/parse-markdown.ts';
import { remarkParsePlainText } from './parse/parse-text.ts';
import { segment } from './segment/segment.ts';
import type { RawFolder } from './sources/read-folder.ts';
import { resolveSources, type LoadedSource } from './sources/resolve-sources.ts';
import { claimStatements, type ClaimedStatement } from './claims/extract.ts';
import type { ClaimRules } from './claims/rules.ts';
import { releaseMemory } from './memory.ts';
import { reconcile, rulesFor } from './versions/reconcile.ts';
import { wizardStage } from './wizard/build-wizard.ts';
import type { WizardSource } from './wizard/source.ts';
import type { WizardOutput } from '../../src/shared/schemas/decision-tree.ts';

/** Everything one build produces, before it is written anywhere. */
export interface BuildResult {
  kb: KnowledgeBase;
  drafts: EntryDraft[];
  diagnostics: Diagnostic[];
  /** The resolved decision tree, when a `wizard.yaml` sits beside the sources. */
  wizard?: WizardOutput;
  /** Milliseconds spent in each stage. */
  timings: Record<string, number>;
}

/** Optional progress callback: called as each stage finishes. */
export type Progress = (stage: string, detail: string, ms: number) => void;

/** Parses one loaded source into mdast with resolved links. Pure. */
export function parseSource(source: LoadedSource, config: ContentConfig): Root {
  const tree =
    source.meta.format === 'markdown'
      ? parseMarkdown(source.body, source.bodyLine)
      : (unified().use(remarkParsePlainText, { codeLanguages: config.vocabulary.codeLanguages, firstLine: source.bodyLine }).parse(source.body) as Root);
  return normalizeTree(tree, source.meta.url);
}

/** What the per-source stages (parse, segment, entries, claims, coverage) make of one source. */
export interface SourceAnalysis {
  /** Number of sections the source was cut into. */
  sections: number;
  drafts: EntryDraft[];
  /** Every statement of the drafts, dated and with its claims, in entry and reading order (the claims stage). */
  claimed: ClaimedStatement[];
  /** The source's sentences, and those no entry of it holds (see measureCoverage). */
  coverage: SourceCoverage;
  /** sha256 of each draft's body, in draft order: a cache tells changed entry pages by it without serialising trees. */
  bodyDigests: string[];
  /** Each draft's relationWords, in draft order, for the related-entries join. */
  words: string[][];
  diagnostics: Diagnostic[];
}

/** What the per-source stages compile once per build from the content config. */
export interface SourceTools {
  classifier: Classifier;
  rules: ClaimRules;
}

/** Compiles the vocabulary and claim rules the per-source stages use. */
export function createSourceTools(config: ContentConfig): SourceTools {
  return { classifier: createClassifier(config.vocabulary), rules: rulesFor(config) };
}

/**
 * Runs parse, segment, entries, claims and coverage on one source. Pure; adds the milliseconds spent per stage to
 * `timings`. Everything here reads one source only, so a cache or a worker thread can supply the result; the
 * global stages (related, versions) only join what the sources made.
 */
export function analyzeSource(source: LoadedSource, config: ContentConfig, tools: SourceTools, timings: Record<string, number> = {}): SourceAnalysis {
  const lap = <T>(stage: string, fn: () => T): T => {
    const t0 = performance.now();
    const r = fn();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    return r;
  };
  const tree = lap('parse', () => parseSource(source, config));
  const sections = lap('segment', () => segment(tree, source.meta.title));
  const diagnostics: Diagnostic[] = [];
  const lines = [...Array<string>(source.bodyLine - 1).fill(''), ...source.body.split('\n')];
  const drafts = lap('entries', () => buildEntries(source.meta, sections, lines, { classifier: tools.classifier, site: config.site, diagnostics }));
  const claimed = lap('claims', () => claimStatements(drafts, [source.meta], tools.rules, config.site.language));
  const coverage = lap('coverage', () => measureCoverage(source, tree, drafts));
  // Statements carry their lines; the bodies' positions would only make every later copy of them larger.
  for (const d of drafts)
    visit(d.body, (node) => {
      delete node.position;
    });
  const bodyDigests = drafts.map((d) => createHash('sha256').update(JSON.stringify(d.body)).digest('hex'));
  const words = drafts.map((d) => relationWords(d.data));
  return { sections: sections.length, drafts, claimed, coverage, bodyDigests, words, diagnostics };
}

/** Optional hooks for a caller (the incremental build) that did some of the work elsewhere. */
export interface BuildHooks {
  /** A ready analysis of a source (from a cache or a worker thread), or undefined to analyse it here. */
  analysis?: (source: LoadedSource) => SourceAnalysis | undefined;
  /** The folder's sources, when the caller resolved them already (the cache does, to key its analyses). */
  sources?: ReturnType<typeof resolveSources>;
}

/** Runs every stage from raw files to a validated knowledge base. Throws BuildError on input errors. */
export function buildKnowledgeBase(folder: RawFolder, config: ContentConfig & { wizard?: WizardSource }, progress: Progress = () => {}, hooks: BuildHooks = {}): BuildResult {
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, fn: () => T, detail: (r: T) => string): T => {
    const t0 = performance.now();
    const r = fn();
    timings[stage] = performance.now() - t0;
    progress(stage, detail(r), timings[stage]);
    return r;
  };
  const { sources, diagnostics } = time('sources', () => hooks.sources ?? resolveSources(folder, { scope: config.site.defaultScope }), (r) => `${r.sources.length} sources`);
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);

  const metas = sources.map((s) => s.meta);
  // The sources' analyses are joined in a function of their own, so that they (every draft before versioning, with
  // its tree) can be collected once the versioned drafts exist: at 50,000 entries they are a good part of the heap.
  const joined = (() => {
    // Each source goes through the per-source stages on its own, so a cache or a worker can supply the result.
    const tools = createSourceTools(config);
    for (const stage of ['parse', 'segment', 'entries', 'claims', 'coverage']) timings[stage] = 0;
    const analyses = sources.map((s) => hooks.analysis?.(s) ?? analyzeSource(s, config, tools, timings));
    const drafts = analyses.flatMap((a) => a.drafts);
    diagnostics.push(...analyses.flatMap((a) => a.diagnostics));
    progress('parse', `${sources.length} trees`, timings.parse);
    progress('segment', `${analyses.reduce((n, a) => n + a.sections, 0)} sections`, timings.segment);
    progress('entries', `${drafts.length} entries`, timings.entries);
    const claimed = analyses.flatMap((a) => a.claimed);
    progress('claims', `${claimed.reduce((n, c) => n + c.claims.length, 0)} claims`, timings.claims);
    const coverage = totalCoverage(analyses.map((a) => a.coverage));
    progress('coverage', `${(coverage.ratio * 100).toFixed(1)}% of sentences`, timings.coverage);
    if (hasErrors(diagnostics)) throw new BuildError(diagnostics);
    releaseMemory();
    const related = time('related', () => relateEntries(drafts.map((d) => d.data), undefined, analyses.flatMap((a) => a.words)), (r) => `${r.size} entries linked`);
    for (const d of drafts) d.data.related = related.get(d.data.id) ?? [];
    const versioned = time('versions', () => reconcile(drafts, metas, config, claimed), (r) => `${r.conflicts.length} conflicting subjects`);
    return { ...versioned, coverage };
  })();
  const { coverage, ...versioned } = joined;
  releaseMemory();
  const finalDrafts = versioned.drafts.sort((a, b) => a.data.id.localeCompare(b.data.id));
  const wizard = config.wizard ? time('wizard', () => wizardStage(config.wizard!, finalDrafts, metas), (r) => `${r.wizard?.leaves.length ?? 0} leaves`) : undefined;
  diagnostics.push(...(wizard?.diagnostics ?? []));
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);
  const draftsBySource = Map.groupBy(finalDrafts, (d) => d.data.source.id);
  const sourcesOut: Source[] = metas.map((m) => {
    const statements = (draftsBySource.get(m.id) ?? []).flatMap((d) => d.data.statements);
    return { ...m, statementCount: statements.length, outdatedCount: statements.filter((s) => s.status === 'outdated').length };
  });
  const entries = finalDrafts.map((d) => d.data);
  const stats: BuildStats = {
    sources: sourcesOut.length,
    entries: entries.length,
    entriesByType: countBy(entries.map((e) => e.type)),
    statements: entries.reduce((n, e) => n + e.statements.length, 0),
    statementsByStatus: countBy(entries.flatMap((e) => e.statements.map((s) => s.status))),
    coverage: coverage.ratio,
    uncovered: coverage.uncovered,
  };
  const kb = time('validate', () => knowledgeBaseSchema.parse({ sources: sourcesOut, entries, conflicts: versioned.conflicts, stats }), (r) => `${r.entries.length} entries valid`);
  // The drafts take the validated entries (the same values, as the schema reads them) instead of keeping a second copy.
  finalDrafts.forEach((d, i) => (d.data = kb.entries[i]));
  return { kb, drafts: finalDrafts, diagnostics, timings, wizard: wizard?.wizard };
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** One source's sentences, and those no entry of the source holds (`file:line: sentence`). */
export interface SourceCoverage {
  sentences: number;
  uncovered: string[];
}

/** Share of source sentences held by some entry, over every source. */
export function totalCoverage(parts: SourceCoverage[]): { ratio: number; uncovered: string[] } {
  const total = parts.reduce((n, p) => n + p.sentences, 0);
  const uncovered = parts.flatMap((p) => p.uncovered);
  return { ratio: total === 0 ? 1 : (total - uncovered.length) / total, uncovered };
}

/**
 * Sentences of one source that appear verbatim (modulo whitespace) in some entry made from it: its title, section
 * path or body. Sentences come from the parsed tree's blocks, so a block the segmenter dropped counts as lost.
 */
export function measureCoverage(source: LoadedSource, tree: Root, own: EntryDraft[]): SourceCoverage {
  let total = 0;
  const uncovered: string[] = [];
  const parts = own.map((d) => [d.data.title, ...d.data.source.section, d.data.text].join('\n'));
  let haystack: string | undefined;
  // A sentence is looked for first in the entries made from its own lines (each entry's normalised text is a
  // substring of the whole haystack), and in the whole haystack only when not found there: same answer, less scanning.
  const segments = parts.map((p) => normalizeSpace(p).toLowerCase());
  const spans = own.map((d) => ({ from: d.data.source.line, to: d.data.source.line + d.data.source.quote.split('\n').length - 1 }));
  const found = (needle: string, line: number) =>
    spans.some((s, i) => s.from <= line && line <= s.to && segments[i].includes(needle)) || (haystack ??= normalizeSpace(parts.join('\n')).toLowerCase()).includes(needle);
  const blocks: { text: string; line: number }[] = [];
  // Leaf blocks only; the document's own title (a leading depth-1 heading) is the source's title, not content.
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading' && node.depth === 1 && parent?.type === 'root' && index === 0) return SKIP;
    // A trailing heading with nothing under it ("Next steps" whose links the extraction lost) holds no statement.
    if (node.type === 'heading' && parent?.type === 'root' && index === tree.children.length - 1) return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') {
      blocks.push({ text: node.type === 'code' ? node.value : toString(node), line: node.position?.start.line ?? 1 });
      return SKIP;
    }
    return undefined;
  });
  for (const block of blocks) {
    for (const sentence of splitSentences(normalizeSpace(block.text))) {
      total++;
      if (!found(normalizeSpace(sentence).toLowerCase().replace(/…$/, ''), block.line)) uncovered.push(`${source.meta.file}:${block.line}: ${sentence.slice(0, 100)}`);
    }
  }
  return { sentences: total, uncovered };
}
