import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { stringify as yamlStringify } from 'yaml';
import { sourceSchema, type Source } from '../../src/shared/schemas/source.ts';
import { loadContentConfig, type ContentConfig } from '../pipeline/config/load-config.ts';
import { parseSource } from '../pipeline/build.ts';
import { createClassifier } from '../pipeline/entries/classify.ts';
import { buildEntries } from '../pipeline/entries/build-entries.ts';
import { splitSentences } from '../pipeline/entries/statements.ts';
import { segment } from '../pipeline/segment/segment.ts';
import { readSourceFolder } from '../pipeline/sources/read-folder.ts';
import { resolveSources } from '../pipeline/sources/resolve-sources.ts';
import { wizardFileName } from '../pipeline/wizard/source.ts';
import { createRandom, type Random } from './random.ts';
import { compileFamilies, varyText } from './vary.ts';

/** One section of a seed source, ready to be recombined. */
export interface SeedUnit {
  source: Source;
  heading: string;
  nodes: RootContent[];
  /** Entries the pipeline makes from this section on its own, by the kind of source it is placed in. */
  yields: Record<Source['kind'], number>;
  /** The entry's first topic, used to borrow sentences from related sections. */
  topic: string;
}

/** The real sources, cut into sections. */
export interface Seed {
  config: ContentConfig;
  intros: Map<string, SeedUnit>;
  units: SeedUnit[];
  /** Sentences of plain paragraphs, by topic. */
  sentences: Map<string, string[]>;
}

/** Reads the real sources and cuts them into recombinable sections, with the entries each section yields. */
export async function loadSeed(sourcesDir: string, contentDir: string): Promise<Seed> {
  const config = await loadContentConfig(contentDir);
  const { sources, diagnostics } = resolveSources(await readSourceFolder(sourcesDir), { scope: config.site.defaultScope });
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`seed sources have errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  const classifier = createClassifier(config.vocabulary);
  const intros = new Map<string, SeedUnit>();
  const units: SeedUnit[] = [];
  const sentences = new Map<string, string[]>();
  for (const s of sources) {
    const sections = segment(parseSource(s, config), s.meta.title);
    const lines = [...Array<string>(s.bodyLine - 1).fill(''), ...s.body.split('\n')];
    sections.forEach((section, i) => {
      const yields = Object.fromEntries(kinds.map((kind) => [kind, buildEntries({ ...s.meta, kind }, [structuredClone(section)], lines, { classifier, site: config.site, diagnostics: [] }).length])) as SeedUnit['yields'];
      const drafts = buildEntries(s.meta, [structuredClone(section)], lines, { classifier, site: config.site, diagnostics: [] });
      if (drafts.length === 0) return;
      const unit: SeedUnit = { source: s.meta, heading: section.heading, nodes: section.nodes, yields, topic: drafts[0].data.topics[0] ?? '' };
      if (i === 0 && section.path.length === 0 && section.heading === s.meta.title) intros.set(s.meta.id, unit);
      else units.push(unit);
      for (const p of plainParagraphs(section.nodes)) {
        const list = sentences.get(unit.topic) ?? [];
        list.push(...splitSentences(toString(p)).filter((t) => /[.!]$/.test(t) && t.length > 30));
        sentences.set(unit.topic, list);
      }
    });
  }
  return { config, intros, units, sentences };
}

const kinds = sourceSchema.shape.kind.options;

/** Paragraphs made of plain text only: the ones whose sentences can be moved without breaking links. */
function plainParagraphs(nodes: RootContent[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const n of nodes) if (n.type === 'paragraph' && n.children.every((c) => c.type === 'text')) out.push(n);
  return out;
}

/** What a generated corpus holds. */
export interface CorpusSummary {
  dir: string;
  sourcesDir: string;
  files: number;
  sections: number;
  /** Entries the pipeline is expected to make (the sum of the sections' yields). */
  expectedEntries: number;
  /** Expected entries per generated file. */
  expectedByFile: Record<string, number>;
  bytes: number;
}

/** Options for generateCorpus. */
export interface CorpusOptions {
  seed: Seed;
  /** Folder to (re)create; it gets `sources/` and a copy of the seed's content config (`*.yaml`). */
  dir: string;
  /** Entries to aim for; the corpus stops at the first file that reaches it. */
  targetEntries: number;
  /** Random seed: the same seed gives the same bytes. */
  randomSeed?: number;
  /** Sections per generated file (min, max). */
  sectionsPerFile?: [number, number];
}

const markdown = unified().use(remarkStringify, { bullet: '*', fences: true, rule: '-' }).use(remarkGfm);

/**
 * Writes a synthetic corpus recombined from the seed: each file is a new "edition" of one seed source, with its
 * sections re-ordered, a few borrowed from sources of the same scope, sentences mixed between related sections,
 * and numbers, versions and dates varied, so that versions disagree the way real revisions do.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { seed, dir, targetEntries } = options;
  const random = createRandom(options.randomSeed ?? 1);
  const [minSections, maxSections] = options.sectionsPerFile ?? [12, 30];
  const families = compileFamilies(seed.config.vocabulary.osVersions);
  const sourcesDir = path.join(dir, 'sources');
  await rm(dir, { recursive: true, force: true });
  await mkdir(sourcesDir, { recursive: true });
  // The content config travels with the corpus; the decision tree does not, since it cites the seed's own sources.
  for (const name of await readdir(seed.config.dir)) {
    if (name.endsWith('.yaml') && name !== wizardFileName) await copyFile(path.join(seed.config.dir, name), path.join(dir, name));
  }
  const seedSources = [...new Map(seed.units.map((u) => [u.source.id, u.source])).values()];
  const rows: Record<string, string>[] = [];
  let entries = 0;
  let sections = 0;
  let bytes = 0;
  const expectedByFile: Record<string, number> = {};
  for (let n = 1; entries < targetEntries; n++) {
    const base = seedSources[(n - 1) % seedSources.length];
    const own = seed.units.filter((u) => u.source.id === base.id);
    const borrowed = seed.units.filter((u) => u.source.id !== base.id && u.source.scope === base.scope && u.source.format === base.format);
    const count = Math.min(random.int(minSections, maxSections), own.length + borrowed.length);
    const picked = random.shuffle(own).slice(0, Math.max(1, count - Math.round(count * 0.2)));
    for (const u of random.shuffle(borrowed)) {
      if (picked.length >= count) break;
      picked.push(u);
    }
    const id = `${base.id}-ed${String(n).padStart(5, '0')}`;
    const format = base.format;
    const file = `${id}.${format === 'markdown' ? 'md' : 'txt'}`;
    const title = `${base.title} (${n})`;
    const intro = seed.intros.get(base.id);
    const seen = new Set<string>();
    const before = entries;
    const parts: { heading: string; nodes: RootContent[] }[] = [];
    if (intro) {
      parts.push({ heading: '', nodes: reshape(intro, seed, families, random) });
      entries += intro.yields[base.kind];
    }
    for (const unit of picked) {
      const heading = varyText(unit.heading, families, random, { family: 0.2, version: 0.2, count: 0.2 });
      const key = heading.toLowerCase().replace(/\s+/g, ' ');
      if (!heading || seen.has(key)) continue;
      seen.add(key);
      parts.push({ heading, nodes: reshape(unit, seed, families, random) });
      entries += unit.yields[base.kind];
      sections++;
      if (entries >= targetEntries) break;
    }
    const text = format === 'markdown' ? renderMarkdown(title, parts) : renderText(title, parts);
    await writeFile(path.join(sourcesDir, file), text);
    expectedByFile[id] = entries - before;
    bytes += Buffer.byteLength(text);
    const year = random.int(2018, 2025);
    rows.push({
      file,
      id,
      title,
      url: `https://bench.example.org/${id}`,
      license: base.license,
      date: `${year}-${String(random.int(1, 12)).padStart(2, '0')}`,
      dateEvidence: `synthetic edition ${n} of ${base.id}`,
      scope: base.scope,
      kind: base.kind,
    });
  }
  const manifest = `# Generated by scripts/bench/corpus.ts from content/sources; do not edit.\n${yamlStringify({ sources: rows }, { lineWidth: 0 })}`;
  await writeFile(path.join(sourcesDir, 'sources.yaml'), manifest);
  return { dir, sourcesDir, files: rows.length, sections, expectedEntries: entries, expectedByFile, bytes };
}

/** A varied copy of a unit's nodes: numbers changed in every text, sentences mixed in plain paragraphs. */
function reshape(unit: SeedUnit, seed: Seed, families: ReturnType<typeof compileFamilies>, random: Random): RootContent[] {
  const nodes = structuredClone(unit.nodes);
  const pool = seed.sentences.get(unit.topic) ?? [];
  for (const p of plainParagraphs(nodes)) {
    let sentences = splitSentences(toString(p));
    if (sentences.length > 2 && random.chance(0.3)) sentences.splice(random.int(1, sentences.length - 1), 1);
    if (pool.length > 0 && random.chance(0.35)) sentences.splice(random.int(1, sentences.length), 0, random.pick(pool));
    if (sentences.length > 2 && random.chance(0.25)) {
      const i = random.int(1, sentences.length - 1);
      [sentences[i - 1], sentences[i]] = [sentences[i], sentences[i - 1]];
    }
    p.children = [{ type: 'text', value: sentences.join(' ') }];
  }
  visit({ type: 'root', children: nodes } as Root, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') node.value = varyText(node.value, families, random);
  });
  return nodes;
}

function renderMarkdown(title: string, parts: { heading: string; nodes: RootContent[] }[]): string {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] }];
  for (const part of parts) {
    if (part.heading) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: part.heading }] });
    children.push(...part.nodes.map(stripData));
  }
  return markdown.stringify({ type: 'root', children } as Root);
}

/** Callout and field markers live in `data`, which Markdown cannot carry; a callout keeps its label as bold text. */
function stripData(node: RootContent): RootContent {
  const label = (node.data as { callout?: string } | undefined)?.callout;
  if (node.type === 'blockquote' && label) {
    return { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }] }, ...node.children] };
  }
  return node;
}

/** Renders sections in the blank-line-separated plain-text layout the text parser reads. */
function renderText(title: string, parts: { heading: string; nodes: RootContent[] }[]): string {
  const out: string[] = [title];
  for (const part of parts) {
    if (part.heading) out.push(part.heading);
    for (const node of part.nodes) out.push(...textBlock(node));
  }
  return `${out.join('\n\n')}\n`;
}

function textBlock(node: RootContent): string[] {
  switch (node.type) {
    case 'paragraph':
      return [toString(node).replace(/\s+/g, ' ').trim()];
    case 'code':
      return [node.value];
    case 'blockquote': {
      const label = (node.data as { callout?: string } | undefined)?.callout;
      const inner = node.children.flatMap((c) => textBlock(c));
      return label && inner.length > 0 ? [`${label}: ${inner[0]}`, ...inner.slice(1)] : inner;
    }
    case 'list':
      return [listLines(node, 0).join('\n')];
    case 'thematicBreak':
      return [];
    default:
      return [toString(node).replace(/\s+/g, ' ').trim()].filter(Boolean);
  }
}

function listLines(list: List, depth: number): string[] {
  const fields = (list.data as { fields?: boolean } | undefined)?.fields;
  return list.children.flatMap((item: ListItem, i) => {
    const text = item.children.filter((c) => c.type !== 'list').map((c) => toString(c).replace(/\s+/g, ' ').trim()).join(' ');
    const term = (item.data as { term?: string } | undefined)?.term;
    const line = fields && term ? `${term} - ${text}` : `${' '.repeat(2 + depth * 4)}${list.ordered ? `${i + 1}.` : '•'} ${text}`;
    const nested = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => listLines(l, depth + 1));
    return [line, ...nested];
  });
}
