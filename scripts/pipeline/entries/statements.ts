import { createHash } from 'node:crypto';
import type { Blockquote, Code, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { Statement } from '../../../src/shared/schemas/entry.ts';

type Kind = Statement['kind'];

/** A statement before versioning: text, kind, line and anchor id. */
export type StatementDraft = Pick<Statement, 'id' | 'text' | 'kind' | 'line'>;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Collapses runs of whitespace so texts compare regardless of line wrapping. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const abbreviation = /(?:^|[\s(])(?:e\.g|i\.e|vs|etc|approx|cf|no|fig)\.\s*$/i;

/**
 * Offsets where sentences start, from the platform's Unicode sentence segmenter, minus its false breaks: a
 * dot that starts a token (`.NET`), a break before a lowercase word or digit, and common abbreviations.
 */
export function sentenceCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const { index } of segmenter.segment(text)) {
    if (index === 0) continue;
    // A short window each side is enough for the rules and keeps long lines linear.
    const before = text.slice(Math.max(0, index - 16), index);
    const after = text.slice(index, index + 4);
    if (/\s\.\s*$/.test(before) || /^\s*[\p{Ll}\d]/u.test(after) || abbreviation.test(before)) continue;
    cuts.push(index);
  }
  return cuts;
}

/** Splits text into sentences (see `sentenceCuts`). */
export function splitSentences(text: string): string[] {
  const bounds = [0, ...sentenceCuts(text), text.length];
  const out: string[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const s = text.slice(bounds[i], bounds[i + 1]).trim();
    if (s) out.push(s);
  }
  return out;
}

/** Stable anchor id for a statement: a hash of its normalised text. */
export function statementId(text: string): string {
  return `s-${createHash('sha1').update(normalizeSpace(text).toLowerCase()).digest('hex').slice(0, 8)}`;
}

/**
 * Wraps every sentence, bullet, step, note and code block of an entry body in a `Statement` MDX element with a
 * stable anchor id, and returns the statements in reading order. The body is rewritten in place.
 */
export function markStatements(nodes: RootContent[]): StatementDraft[] {
  const statements: StatementDraft[] = [];
  const used = new Map<string, number>();
  const taken = new Set<string>();
  const add = (text: string, kind: Kind, line: number | undefined) => {
    const base = statementId(text);
    // Repeated sentences get -2, -3 …; the counter keeps a page of identical lines linear.
    let n = used.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (taken.has(id)) id = `${base}-${++n}`;
    used.set(base, n + 1);
    taken.add(id);
    statements.push({ id, text: normalizeSpace(text), kind, line });
    return id;
  };
  const wrapParagraph = (p: Paragraph, kind: Kind) => {
    const groups = splitInline(p.children);
    const children: PhrasingContent[] = [];
    for (const group of groups) {
      const text = normalizeSpace(group.map((c) => toString(c)).join(''));
      if (!text) continue;
      if (children.length > 0) children.push({ type: 'text', value: ' ' });
      const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'Statement', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: add(text, kind, p.position?.start.line) }], children: group };
      children.push(element as unknown as PhrasingContent);
    }
    // MDX reads a line made only of JSX elements as flow content, which would drop the paragraph; an explicit
    // `<p>` element keeps the paragraph (and the spaces between its sentences) on the page.
    const wrapper: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'p', attributes: [], children };
    p.children = kind === 'heading' ? children : [wrapper as unknown as PhrasingContent];
  };
  const wrapBlock = (node: Code | Table, kind: Kind): MdxJsxFlowElement => {
    const text = node.type === 'code' ? node.value : toString(node);
    return { type: 'mdxJsxFlowElement', name: 'Statement', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: add(text, kind, node.position?.start.line) }], children: [node] };
  };
  const walk = (list: RootContent[], kind: Kind) => {
    list.forEach((node, i) => {
      if (node.type === 'paragraph') wrapParagraph(node, kind);
      else if (node.type === 'code' || node.type === 'table') list[i] = wrapBlock(node, node.type === 'code' ? 'code' : 'row') as unknown as RootContent;
      else if (node.type === 'blockquote') {
        const label = ((node as Blockquote).data as { callout?: string } | undefined)?.callout;
        const callout = label?.toLowerCase();
        walk(node.children, callout === 'important' || callout === 'warning' || callout === 'caution' ? 'important' : callout ? 'note' : kind);
        // A labelled callout becomes a `Callout` element so its label survives serialisation.
        if (label) {
          const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Callout', attributes: [{ type: 'mdxJsxAttribute', name: 'label', value: label }], children: node.children as MdxJsxFlowElement['children'], position: node.position };
          list[i] = element as unknown as RootContent;
        }
      } else if (node.type === 'list') {
        for (const item of node.children) walk((item as ListItem).children, node.ordered ? 'step' : 'bullet');
      } else if (node.type === 'heading') {
        wrapParagraph(node as unknown as Paragraph, 'heading');
      } else if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[], kind);
    });
  };
  walk(nodes, 'sentence');
  return statements;
}

/** Splits inline content at sentence boundaries; non-text nodes stay whole, in the sentence where they start. */
export function splitInline(children: PhrasingContent[]): PhrasingContent[][] {
  const full = children.map((c) => toString(c)).join('');
  const cuts = sentenceCuts(full);
  const groups: PhrasingContent[][] = [[]];
  let offset = 0;
  let cut = 0;
  for (const child of children) {
    const value = toString(child);
    if (child.type !== 'text') {
      while (cut < cuts.length && cuts[cut] <= offset) {
        groups.push([]);
        cut++;
      }
      groups[groups.length - 1].push(child);
      offset += value.length;
      while (cut < cuts.length && cuts[cut] < offset) cut++;
      continue;
    }
    let start = 0;
    while (cut < cuts.length && cuts[cut] < offset + value.length) {
      const at = cuts[cut] - offset;
      if (at > start) groups[groups.length - 1].push({ type: 'text', value: value.slice(start, at) });
      groups.push([]);
      start = Math.max(start, at);
      cut++;
    }
    if (start < value.length) groups[groups.length - 1].push({ type: 'text', value: value.slice(start) });
    offset += value.length;
  }
  return groups
    .map((g) => trimGroup(g))
    .filter((g) => g.length > 0 && g.some((c) => toString(c).trim() !== '' || c.type !== 'text'));
}

function trimGroup(group: PhrasingContent[]): PhrasingContent[] {
  const out = group.filter((c) => !(c.type === 'text' && c.value === ''));
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out.filter((c) => !(c.type === 'text' && c.value === ''));
}
