import GithubSlugger from 'github-slugger';
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Entry, EntryType } from '../../../src/shared/schemas/entry.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import type { SiteConfig } from '../../../src/shared/schemas/vocabulary.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Section } from '../segment/segment.ts';
import type { Classifier } from './classify.ts';
import { markStatements, normalizeSpace, splitSentences } from './statements.ts';

/** An entry before versioning: its frontmatter data and its mdast body. */
export interface EntryDraft {
  data: Entry;
  body: Root;
}

/** The same draft with other data. The body is carried over without being read: a cache may make it on first use. */
export function withData(draft: EntryDraft, data: Entry): EntryDraft {
  return Object.defineProperty({ data } as EntryDraft, 'body', Object.getOwnPropertyDescriptor(draft, 'body')!);
}

const defaultType: Record<Source['kind'], EntryType> = {
  faq: 'concept',
  limitations: 'limitation',
  'best-practices': 'best-practice',
  guidance: 'guidance',
  compatibility: 'compatibility',
};

interface Unit {
  type: EntryType;
  title: string;
  question: boolean;
  nodes: RootContent[];
  line: number;
  endLine: number;
}

/** Turns the sections of one source into entry drafts. Pure apart from the diagnostics it appends. */
export function buildEntries(
  source: Source,
  sections: Section[],
  sourceLines: string[],
  ctx: { classifier: Classifier; site: SiteConfig; diagnostics: Diagnostic[] },
): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  const slugger = new GithubSlugger();
  const usedIds = new Set<string>();
  const questions = new Map<string, number>();
  for (const section of sections) {
    for (const unit of sectionUnits(section, source, ctx.site)) {
      if (unit.question) {
        const key = normalizeSpace(unit.title).toLowerCase();
        const first = questions.get(key);
        if (first !== undefined) {
          ctx.diagnostics.push({ file: source.file, line: unit.line, severity: 'error', message: `duplicated question "${unit.title}" (first asked on line ${first})` });
          continue;
        }
        questions.set(key, unit.line);
      }
      const body: Root = { type: 'root', children: unit.nodes };
      const statements = markStatements(body.children);
      if (statements.length === 0) continue;
      const text = plainText(body.children);
      const stem = slugger.slug(`${source.id} ${truncateWords(unit.title, 9)}`).normalize('NFKD').replace(/[^a-z0-9-]/g, '').replace(/-{2,}/g, '-').slice(0, 90).replace(/-+$/, '');
      let base = stem;
      for (let n = 2; usedIds.has(base); n++) base = `${stem}-${n}`;
      usedIds.add(base);
      const sectionPath = [...section.path.slice(0, -1), section.heading].filter(Boolean);
      const anchor = new GithubSlugger().slug(section.heading || sectionPath[sectionPath.length - 1] || '');
      drafts.push({
        body,
        data: {
          id: base,
          slug: base,
          type: unit.type,
          title: unit.title,
          question: unit.question,
          topics: ctx.classifier.topics(unit.title, text),
          appliesTo: {
            platforms: [source.scope],
            osVersions: ctx.classifier.osVersions(`${unit.title} ${text}`),
            productVersions: ctx.classifier.productVersions(text),
          },
          source: {
            id: source.id,
            section: sectionPath,
            url: source.format === 'markdown' && anchor && section.heading ? `${source.url}#${anchor}` : source.url,
            line: unit.line,
            quote: sourceLines.slice(unit.line - 1, unit.endLine).join('\n').trim(),
          },
          related: [],
          verdict: null,
          statements: statements.map((s) => ({ ...s, status: 'current' as const, asOf: source.date, supersededBy: [], claims: [] })),
          text,
          wizard: null,
        },
      });
    }
  }
  return drafts;
}

/** Decides how a section splits into answerable units. */
function sectionUnits(section: Section, source: Source, site: SiteConfig): Unit[] {
  const nodes = section.nodes;
  const title = section.heading || firstSentenceTitle(nodes) || section.path[section.path.length - 1] || source.title;
  const span = (ns: RootContent[]) => ({
    line: ns[0]?.position?.start.line ?? section.line,
    endLine: ns[ns.length - 1]?.position?.end.line ?? section.line,
  });
  if (nodes.length === 0) return [];
  if (section.question) return [{ type: 'faq', title, question: true, nodes, ...span(nodes), line: section.line }];
  const units: Unit[] = [];
  const rest: RootContent[] = [];
  const hasCallout = nodes.some((n) => n.type === 'blockquote' && (n.data as { callout?: string } | undefined)?.callout);
  const restType: EntryType = source.kind === 'best-practices' && !hasCallout ? 'guidance' : defaultType[source.kind] === 'limitation' ? 'concept' : defaultType[source.kind];
  for (const node of nodes) {
    const fields = node.type === 'list' && (node.data as { fields?: boolean } | undefined)?.fields;
    const split = node.type === 'list' && !node.ordered && source.kind === 'limitations' && rest.length > 0;
    if (fields) {
      for (const item of (node as List).children) {
        const term = (item.data as { term?: string } | undefined)?.term ?? '';
        units.push({ type: 'compatibility', title: site.compatibilityTitle.replace('{field}', term), question: /\?$/.test(site.compatibilityTitle), nodes: [fieldParagraph(item, term)], ...span([item]) });
      }
    } else if (split) {
      for (const item of (node as List).children) {
        units.push({ type: 'limitation', title: itemTitle(item), question: false, nodes: [{ ...(node as List), children: [item] }], ...span([item]) });
      }
    } else rest.push(node);
  }
  if (rest.length > 0) units.unshift({ type: restType, title, question: false, nodes: rest, ...span(rest) });
  return units;
}

/** A field-compatibility item rendered as one paragraph: `field` - description. */
function fieldParagraph(item: ListItem, term: string): Paragraph {
  const desc = item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : []));
  return {
    type: 'paragraph',
    children: [{ type: 'inlineCode', value: term }, { type: 'text', value: desc.length ? ' - ' : '' }, ...desc],
    position: item.position,
  };
}

function itemTitle(item: ListItem): string {
  const first = item.children.find((c) => c.type === 'paragraph');
  const sentence = splitSentences(first ? toString(first) : toString(item))[0] ?? '';
  return truncateWords(sentence.replace(/[.:]$/, ''), 16);
}

function firstSentenceTitle(nodes: RootContent[]): string {
  const first = nodes.find((n) => n.type === 'paragraph' || n.type === 'list');
  if (!first) return '';
  return truncateWords((splitSentences(toString(first))[0] ?? '').replace(/[.:]$/, ''), 14);
}

/** Shortens text to at most `n` words, marking the cut with an ellipsis. */
export function truncateWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  return words.length <= n ? text : `${words.slice(0, n).join(' ')}…`;
}

/** Plain text of body nodes: one line per block. */
export function plainText(nodes: RootContent[]): string {
  const lines: string[] = [];
  const walk = (list: RootContent[]) => {
    for (const n of list) {
      if (n.type === 'list' || n.type === 'blockquote' || n.type === 'listItem' || (n.type as string) === 'mdxJsxFlowElement') walk((n as { children: RootContent[] }).children);
      else if (n.type === 'code') lines.push(n.value);
      else lines.push(normalizeSpace(toString(n)));
    }
  };
  walk(nodes);
  return lines.filter(Boolean).join('\n');
}
