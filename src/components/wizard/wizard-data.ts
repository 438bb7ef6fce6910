import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { wizardOutputSchema, type WizardLeafOut, type WizardNodeOut, type WizardOutput } from '../../shared/schemas/decision-tree.ts';
import { withBase } from '../../shared/urls.ts';

// Build-time only: the pipeline writes the resolved, validated tree to `.kb/wizard.json`.
const kbDir = process.env.KB_OUT ?? path.resolve('.kb');
let cache: WizardOutput | null | undefined;

/** The decision tree `kb build` wrote, or null when the knowledge base has no `wizard.yaml`. */
export function wizardData(): WizardOutput | null {
  if (cache === undefined) {
    const file = path.join(kbDir, 'wizard.json');
    cache = existsSync(file) ? wizardOutputSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  }
  return cache;
}

/** Breadcrumb items for a node or leaf: its path from the root, each step linked, under the deploy base. */
export function crumbsFor(step: WizardNodeOut | WizardLeafOut, base: string): { label: string; href: string }[] {
  return step.path.map((s) => ({ label: s.label, href: withBase(base, s.url) }));
}

/** The leaves with the given ids, in the order given. */
export function leavesById(wizard: WizardOutput, ids: readonly string[]): WizardLeafOut[] {
  return ids.flatMap((id) => wizard.leaves.filter((l) => l.id === id));
}
