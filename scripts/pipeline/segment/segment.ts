import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A run of content under one heading (or after a section break), in document order. */
export interface Section {
  /** Heading path below the document title. */
  path: string[];
  /** The heading text, or '' for an untitled run after a section break. */
  heading: string;
  /** True when the heading is a question. */
  question: boolean;
  /** 1-based line where the section starts. */
  line: number;
  /** Content nodes, headings excluded. */
  nodes: RootContent[];
}

/** Splits a parsed source into sections by heading; content before the first heading is the introduction. */
export function segment(tree: Root, documentTitle: string): Section[] {
  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: Section = { path: [], heading: '', question: false, line: 1, nodes: [] };
  let carried: string[] = [];
  const open = (heading: string, line: number) => {
    // A heading with nothing under it (a group title the extraction flattened) prefixes the next section's path.
    if (current.nodes.length > 0) {
      sections.push(current);
      carried = [];
    } else if (current.heading) carried = [...carried, current.heading];
    const path = stack.map((s) => s.text);
    current = { path: [...carried.filter((c) => !path.includes(c)), ...path], heading, question: /\?\s*$/.test(heading), line, nodes: [] };
  };
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'heading') {
      const text = toString(node as Heading).trim();
      if ((node as Heading).depth === 1 && stack.length === 0 && sections.length === 0 && current.nodes.length === 0) {
        current.line = line;
        continue;
      }
      const depth = (node as Heading).depth;
      while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
      stack.push({ depth, text });
      open(text, line);
      continue;
    }
    if (node.type === 'thematicBreak') {
      // A double blank line in an extraction marks a heading the extraction lost: start an untitled run.
      if (current.nodes.length > 0) {
        sections.push(current);
        current = { path: stack.map((s) => s.text), heading: '', question: false, line, nodes: [] };
      }
      continue;
    }
    if (current.nodes.length === 0 && !current.heading) current.line = line;
    current.nodes.push(node);
  }
  if (current.nodes.length > 0) sections.push(current);
  if (sections.length > 0 && sections[0].heading === '' && sections[0].path.length === 0) sections[0].heading = documentTitle;
  return sections;
}
