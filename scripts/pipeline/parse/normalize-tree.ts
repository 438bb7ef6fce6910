import type { Definition, Html, Link, Parent, Root, RootContent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const safeProtocols = ['http:', 'https:', 'mailto:'];

/**
 * Resolves every link against the original document's URL, inlines reference-style links, turns raw HTML into
 * text, and drops links with unsafe protocols. Relative links to `.md` files map to the published page.
 */
export function normalizeTree(tree: Root, baseUrl: string): Root {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    const p = parent as Parent;
    if (node.type === 'definition' || node.type === 'yaml') {
      p.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'html') {
      const value = (node as Html).value;
      // Comments are invisible in the original page; any other raw HTML is shown as the text it is.
      if (/^<!--[\s\S]*-->$/.test(value.trim())) {
        p.children.splice(index, 1);
        return [SKIP, index];
      }
      const text: Text = { type: 'text', value, position: node.position };
      const replacement = parent.type === 'root' ? ({ type: 'paragraph', children: [text], position: node.position } as RootContent) : text;
      p.children.splice(index, 1, replacement as never);
      return SKIP;
    }
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const url = definitions.get(node.identifier.toLowerCase());
      if (node.type === 'linkReference' && url !== undefined) {
        const link: Link = { type: 'link', url, children: node.children, position: node.position };
        p.children.splice(index, 1, link);
        return [SKIP, index];
      }
    }
    if (node.type === 'link') {
      const resolved = resolveUrl(node.url, baseUrl);
      if (resolved === null) {
        p.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      node.url = resolved;
    }
    if (node.type === 'image') {
      p.children.splice(index, 1, { type: 'text', value: node.alt ?? '' });
      return [SKIP, index];
    }
    return undefined;
  });
  return tree;
}

/** Resolves a link against the document URL; null for unsafe or unparseable links. */
export function resolveUrl(href: string, baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), baseUrl);
  } catch {
    return null;
  }
  if (!safeProtocols.includes(url.protocol)) return null;
  const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(href.trim());
  if (isRelative) url.pathname = url.pathname.replace(/\.md$/i, '');
  return url.href;
}
