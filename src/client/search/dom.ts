// Tiny DOM helpers for the search islands. User and source text only ever becomes text nodes, never HTML.
import { splitByRanges, type Range } from '../../shared/query/highlight.ts';

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (strings set as attributes, booleans toggle them) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A text with highlighted ranges, as text nodes and <mark> elements. */
export function marked(text: string, ranges: readonly Range[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of splitByRanges(text, ranges)) fragment.append(part.mark ? h('mark', {}, part.text) : part.text);
  return fragment;
}

/** Site path with the deploy base in front. */
export function siteUrl(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}
