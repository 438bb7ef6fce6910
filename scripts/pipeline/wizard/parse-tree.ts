import { LineCounter, parseDocument } from 'yaml';
import { decisionTreeSchema, type DecisionTree } from '../../../src/shared/schemas/decision-tree.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { WizardSource } from './source.ts';

/** Finds the 1-based line of a path inside the YAML document (`['leaves', 3, 'citations', 0]`). */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/** A validated tree plus a way to point diagnostics at its lines. */
export interface ParsedTree {
  tree: DecisionTree;
  lineOf: LineOf;
}

/** Parses and validates the decision tree; problems become diagnostics with `wizard.yaml` lines. */
export function parseDecisionTree(source: WizardSource, diagnostics: Diagnostic[]): ParsedTree | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: counter });
  const lineOf: LineOf = (path) => {
    // Walk up to the nearest path that exists, so a missing field still points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) diagnostics.push({ file: source.file, line: e.linePos?.[0]?.line, severity: 'error', message: `malformed YAML: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  const result = decisionTreeSchema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      diagnostics.push({ file: source.file, line: lineOf(path), severity: 'error', message: `${describePath(doc.toJS(), path)}: ${issue.message}` });
    }
    return undefined;
  }
  return { tree: result.data, lineOf };
}

/** Names a path by the ids it passes through: `leaf "kubenet" citations.0.quote` rather than `leaves.3.citations.0.quote`. */
function describePath(data: unknown, path: (string | number)[]): string {
  const [list, index, ...rest] = path;
  const id = (data as Record<string, { id?: unknown }[] | undefined> | null)?.[list as string]?.[index as number]?.id;
  if ((list === 'leaves' || list === 'nodes') && typeof id === 'string') return [`${list === 'leaves' ? 'leaf' : 'node'} "${id}"`, rest.join('.')].filter(Boolean).join(' ');
  return path.join('.') || '(root)';
}
