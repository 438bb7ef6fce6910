import type { BlockContent, Blockquote, Code, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { textToBlocks, type TextBlock } from './text-blocks.ts';

/** Options for the plain-text parser. */
export interface ParseTextOptions {
  /** Command prefixes mapped to code languages (from the vocabulary). */
  codeLanguages: Record<string, string>;
  /** 1-based line in the file where the body starts. */
  firstLine: number;
}

/** A unified parser that turns a plain-text page extraction into mdast, with line positions. */
export const remarkParsePlainText: Plugin<[ParseTextOptions], string, Root> = function (options) {
  this.parser = (doc) => blocksToMdast(textToBlocks(doc, options.firstLine, options.codeLanguages));
};

const pos = (b: { line: number; endLine: number }) => ({
  start: { line: b.line, column: 1 },
  end: { line: b.endLine, column: 1 },
});

const textParagraph = (value: string, b: { line: number; endLine: number }): Paragraph => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
  position: pos(b),
});

/** Pure: recovered blocks to an mdast tree (lists nested by indentation, labels as callouts). */
export function blocksToMdast(blocks: TextBlock[]): Root {
  const root: Root = { type: 'root', children: [] };
  let pendingLabel: { label: string; line: number } | null = null;
  // Open lists by indentation: stack of [indent, list].
  let listStack: { indent: number; list: List }[] = [];
  const closeLists = () => (listStack = []);
  const push = (node: RootContent) => {
    if (pendingLabel && node.type !== 'list') {
      const quote: Blockquote = {
        type: 'blockquote',
        children: [node as BlockContent],
        data: { callout: pendingLabel.label } as never,
        position: { start: { line: pendingLabel.line, column: 1 }, end: node.position!.end },
      };
      pendingLabel = null;
      root.children.push(quote);
      return;
    }
    root.children.push(node);
  };
  for (const b of blocks) {
    if (b.type !== 'item' && b.type !== 'field') closeLists();
    switch (b.type) {
      case 'title':
        push({ type: 'heading', depth: 1, children: [{ type: 'text', value: b.text }], position: pos(b) });
        break;
      case 'heading':
        push({ type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }], position: pos(b) });
        break;
      case 'paragraph':
        push(textParagraph(b.text, b));
        break;
      case 'code': {
        const code: Code = { type: 'code', lang: b.lang, value: b.value, position: pos(b) };
        push(code);
        break;
      }
      case 'label':
        pendingLabel = { label: b.label, line: b.line };
        break;
      case 'break':
        push({ type: 'thematicBreak', position: pos(b) });
        break;
      case 'item':
      case 'field': {
        const indent = b.type === 'item' ? b.depth : 0;
        const ordered = b.type === 'item' && b.ordered;
        const item: ListItem = {
          type: 'listItem',
          spread: false,
          children: b.text ? [textParagraph(b.text, b)] : [],
          position: pos(b),
          ...(b.type === 'field' ? { data: { term: b.term } as never } : {}),
        };
        while (listStack.length > 0 && listStack[listStack.length - 1].indent > indent) listStack.pop();
        let top = listStack[listStack.length - 1];
        if (top && top.indent < indent) {
          const parentItem = top.list.children[top.list.children.length - 1];
          const list: List = { type: 'list', ordered, spread: false, children: [], position: pos(b) };
          parentItem.children.push(list);
          listStack.push((top = { indent, list }));
        } else if (!top || top.list.ordered !== ordered || Boolean((top.list.data as { fields?: boolean } | undefined)?.fields) !== (b.type === 'field')) {
          closeLists();
          const list: List = { type: 'list', ordered, spread: false, children: [], position: pos(b), ...(b.type === 'field' ? { data: { fields: true } as never } : {}) };
          pendingLabel = null;
          root.children.push(list);
          listStack.push((top = { indent, list }));
        }
        top.list.children.push(item);
        top.list.position!.end = pos(b).end;
        break;
      }
    }
  }
  return root;
}
