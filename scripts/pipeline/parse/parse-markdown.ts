import type { Blockquote, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';

/** Parses a Markdown source body to mdast (CommonMark + GFM; never MDX, so JSX in a source stays data). */
export function parseMarkdown(body: string, firstLine: number): Root {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(body) as Root;
  shiftLines(tree, firstLine - 1);
  markCallouts(tree);
  return tree;
}

function shiftLines(tree: Root, by: number) {
  if (by === 0) return;
  visit(tree, (node) => {
    if (node.position) {
      node.position.start.line += by;
      node.position.end.line += by;
    }
  });
}

/** Recognises `> **Best practice guidance**` and `> [!NOTE]` blockquotes as labelled callouts. */
function markCallouts(tree: Root) {
  visit(tree, 'blockquote', (node: Blockquote) => {
    const first = node.children[0];
    if (first?.type !== 'paragraph') return;
    const head = first.children[0];
    if (head?.type === 'text') {
      const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(head.value);
      if (alert) {
        head.value = head.value.slice(alert[0].length);
        node.data = { ...(node.data ?? {}), callout: alert[1][0] + alert[1].slice(1).toLowerCase() } as never;
        if (head.value === '' && first.children.length === 1) node.children.shift();
        return SKIP;
      }
    }
    if (head?.type === 'strong' && first.children.length <= 2 && toString(first).trim() === toString(head).trim()) {
      node.data = { ...(node.data ?? {}), callout: toString(head).trim() } as never;
      node.children.shift();
    }
    return SKIP;
  });
}
