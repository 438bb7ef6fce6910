import type { DecisionTree } from '../../../src/shared/schemas/decision-tree.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { LineOf } from './parse-tree.ts';

/** One step from the root: the node or leaf reached and the answer that reached it (empty for the root). */
export interface PathStep {
  id: string;
  answer: string;
}

/** The tree's shape: which ids are leaves, and each reachable id's canonical path from the root. */
export interface TreeShape {
  leafIds: Set<string>;
  /** Ids in breadth-first order from the root (answers in display order): the canonical reading order. */
  order: string[];
  /** Canonical (shortest, first-answer-first) path from the root to each reachable id, ending with that id. */
  paths: Map<string, PathStep[]>;
}

/**
 * Checks that ids are unique, every answer leads somewhere, every node and leaf is reachable from the root and no
 * answer leads back up the tree. Appends diagnostics that name the node or leaf and its `wizard.yaml` line.
 */
export function checkStructure(tree: DecisionTree, lineOf: LineOf, file: string, diagnostics: Diagnostic[]): TreeShape {
  const error = (path: (string | number)[], message: string) => diagnostics.push({ file, line: lineOf(path), severity: 'error', message });
  const nodes = new Map(tree.nodes.map((n) => [n.id, n]));
  const leafIds = new Set<string>();
  const seen = new Set<string>();
  tree.nodes.forEach((n, i) => {
    if (seen.has(n.id)) error(['nodes', i, 'id'], `node "${n.id}": id used twice`);
    seen.add(n.id);
  });
  tree.leaves.forEach((l, i) => {
    if (seen.has(l.id)) error(['leaves', i, 'id'], `leaf "${l.id}": id already used by a ${leafIds.has(l.id) ? 'leaf' : 'node'}`);
    seen.add(l.id);
    leafIds.add(l.id);
  });
  if (!nodes.has(tree.root)) error(['root'], `root "${tree.root}" is not a node`);
  tree.nodes.forEach((n, i) =>
    n.options.forEach((o, j) => {
      if (!seen.has(o.next)) error(['nodes', i, 'options', j, 'next'], `node "${n.id}": answer "${o.label}" leads to unknown node or leaf "${o.next}"`);
    }),
  );

  const paths = new Map<string, PathStep[]>();
  const order: string[] = [];
  if (nodes.has(tree.root)) {
    paths.set(tree.root, [{ id: tree.root, answer: '' }]);
    order.push(tree.root);
    for (let i = 0; i < order.length; i++) {
      const id = order[i];
      for (const o of nodes.get(id)?.options ?? []) {
        if (paths.has(o.next) || !seen.has(o.next)) continue;
        paths.set(o.next, [...paths.get(id)!, { id: o.next, answer: o.label }]);
        order.push(o.next);
      }
    }
    for (const cycle of findBackEdges(tree.root, nodes)) {
      const i = tree.nodes.findIndex((n) => n.id === cycle.from);
      error(['nodes', i, 'options', cycle.option, 'next'], `node "${cycle.from}": answer leads back to "${cycle.to}", which comes before it (the tree must not loop)`);
    }
  }
  tree.nodes.forEach((n, i) => {
    if (!paths.has(n.id)) error(['nodes', i, 'id'], `node "${n.id}" is unreachable: no answer leads to it from the root "${tree.root}"`);
  });
  tree.leaves.forEach((l, i) => {
    if (!paths.has(l.id)) error(['leaves', i, 'id'], `leaf "${l.id}" is unreachable: no answer leads to it from the root "${tree.root}"`);
  });
  return { leafIds, order, paths };
}

/** Answers that lead to a node already on the current path (depth-first from the root). */
function findBackEdges(root: string, nodes: Map<string, { options: { next: string }[] }>): { from: string; to: string; option: number }[] {
  const found: { from: string; to: string; option: number }[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string) => {
    onPath.add(id);
    nodes.get(id)?.options.forEach((o, option) => {
      if (onPath.has(o.next)) found.push({ from: id, to: o.next, option });
      else if (!done.has(o.next) && nodes.has(o.next)) visit(o.next);
    });
    onPath.delete(id);
    done.add(id);
  };
  visit(root);
  return found;
}
