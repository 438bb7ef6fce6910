import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { knowledgeBaseSchema, type BuildStats, type KnowledgeBase } from '../../src/shared/schemas/knowledge-base.ts';
import type { Source } from '../../src/shared/schemas/source.ts';
import type { ContentConfig } from './config/load-config.ts';
import { BuildError, hasErrors, type Diagnostic } from './diagnostics.ts';
import { createClassifier, relateEntries } from './entries/classify.ts';
import { buildEntries, type EntryDraft } from './entries/build-entries.ts';
import { normalizeSpace, splitSentences } from './entries/statements.ts';
import { normalizeTree } from './parse/normalize-tree.ts';
import { parseMarkdown } from './parse/parse-markdown.ts';
import { remarkParsePlainText } from './parse/parse-text.ts';
import { segment } from './segment/segment.ts';
import type { RawFolder } from './sources/read-folder.ts';
import { resolveSources, type LoadedSource } from './sources/resolve-sources.ts';
import { reconcile } from './versions/reconcile.ts';
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

/** Runs every stage from raw files to a validated knowledge base. Throws BuildError on input errors. */
export function buildKnowledgeBase(folder: RawFolder, config: ContentConfig & { wizard?: WizardSource }, progress: Progress = () => {}): BuildResult {
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, fn: () => T, detail: (r: T) => string): T => {
    const t0 = performance.now();
    const r = fn();
    timings[stage] = performance.now() - t0;
    progress(stage, detail(r), timings[stage]);
    return r;
  };
  const { sources, diagnostics } = time('sources', () => resolveSources(folder, { scope: config.site.defaultScope }), (r) => `${r.sources.length} sources`);
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);

  const parsed = time('parse', () => sources.map((s) => ({ source: s, tree: parseSource(s, config) })), (r) => `${r.length} trees`);
  const sectioned = time('segment', () => parsed.map((p) => ({ ...p, sections: segment(p.tree, p.source.meta.title) })), (r) => `${r.reduce((n, p) => n + p.sections.length, 0)} sections`);
  const classifier = createClassifier(config.vocabulary);
  const drafts = time(
    'entries',
    () => sectioned.flatMap((p) => buildEntries(p.source.meta, p.sections, [...Array<string>(p.source.bodyLine - 1).fill(''), ...p.source.body.split('\n')], { classifier, site: config.site, diagnostics })),
    (r) => `${r.length} entries`,
  );
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);
  const related = relateEntries(drafts.map((d) => d.data));
  for (const d of drafts) d.data.related = related.get(d.data.id) ?? [];

  const metas = sources.map((s) => s.meta);
  const versioned = time('versions', () => reconcile(drafts, metas, config), (r) => `${r.conflicts.length} conflicting subjects`);
  const finalDrafts = versioned.drafts.sort((a, b) => a.data.id.localeCompare(b.data.id));
  const wizard = config.wizard ? time('wizard', () => wizardStage(config.wizard!, finalDrafts, metas), (r) => `${r.wizard?.leaves.length ?? 0} leaves`) : undefined;
  diagnostics.push(...(wizard?.diagnostics ?? []));
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);
  const coverage = measureCoverage(parsed, finalDrafts);
  const sourcesOut: Source[] = metas.map((m) => {
    const statements = finalDrafts.filter((d) => d.data.source.id === m.id).flatMap((d) => d.data.statements);
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
  const kb = knowledgeBaseSchema.parse({ sources: sourcesOut, entries, conflicts: versioned.conflicts, stats });
  return { kb, drafts: finalDrafts, diagnostics, timings, wizard: wizard?.wizard };
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * Share of source sentences that appear verbatim (modulo whitespace) in some entry of the same source: its
 * title, section path or body. Sentences come from the parsed tree's blocks, so a block the segmenter dropped
 * counts as lost.
 */
export function measureCoverage(parsed: { source: LoadedSource; tree: Root }[], drafts: EntryDraft[]): { ratio: number; uncovered: string[] } {
  let total = 0;
  const uncovered: string[] = [];
  for (const { source, tree } of parsed) {
    const own = drafts.filter((d) => d.data.source.id === source.meta.id);
    const haystack = normalizeSpace(own.map((d) => [d.data.title, ...d.data.source.section, d.data.text].join('\n')).join('\n')).toLowerCase();
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
      const text = block.text;
      for (const sentence of splitSentences(normalizeSpace(text))) {
        total++;
        if (!haystack.includes(normalizeSpace(sentence).toLowerCase().replace(/…$/, ''))) uncovered.push(`${source.meta.file}:${block.line}: ${sentence.slice(0, 100)}`);
      }
    }
  }
  return { ratio: total === 0 ? 1 : (total - uncovered.length) / total, uncovered };
}
