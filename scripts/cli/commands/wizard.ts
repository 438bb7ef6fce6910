import type { WizardOutput } from '../../../src/shared/schemas/decision-tree.ts';
import { formatDiagnostic } from '../../pipeline/diagnostics.ts';
import { wizardFileName } from '../../pipeline/wizard/source.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';

/** The `kb wizard --json` shape: questions with their answers, and leaves with verdicts and citations. */
export function wizardJson(wizard: WizardOutput) {
  return {
    root: wizard.root,
    nodes: wizard.nodes.map((n) => ({ id: n.id, url: n.url, prompt: n.prompt, options: n.options.map((o) => ({ label: o.label, next: o.next })) })),
    leaves: wizard.leaves.map((l) => ({
      id: l.id,
      url: l.url,
      title: l.title,
      verdict: l.verdict,
      answer: l.explanation,
      workaround: l.workaround ?? null,
      conditions: [...l.conditions, ...(l.condition ? [l.condition] : [])],
      citations: l.citations.map((c) => ({ source: c.source, quote: c.quote, entry: c.entry, statement: c.statement })),
    })),
  };
}

/** The tree as an indented outline: each question, its numbered answers and where they lead. */
export function wizardOutline(wizard: WizardOutput): string[] {
  const nodes = new Map(wizard.nodes.map((n) => [n.id, n]));
  const leaves = new Map(wizard.leaves.map((l) => [l.id, l]));
  const lines: string[] = [];
  const walk = (id: string, depth: number, seen: Set<string>) => {
    const node = nodes.get(id);
    if (!node || seen.has(id)) return;
    lines.push(`${'  '.repeat(depth)}${node.prompt}  (${node.url})`);
    node.options.forEach((o, i) => {
      const leaf = leaves.get(o.next);
      const to = leaf ? `${wizard.labels.verdicts[leaf.verdict]}: ${leaf.title}  (${leaf.url})` : '';
      lines.push(`${'  '.repeat(depth + 1)}${i + 1}. ${o.label}${to ? ` → ${to}` : ''}`);
      if (!leaf) walk(o.next, depth + 2, new Set([...seen, id]));
    });
  };
  walk(wizard.root, 0, new Set());
  return lines;
}

/** `kb wizard`: prints the decision tree (`--json` for machines) or the capability statements no leaf covers. */
export const wizard: Command = {
  options: { sources: { type: 'string' }, json: { type: 'boolean' }, uncovered: { type: 'boolean' } },
  async run(flags) {
    const result = await loadAndBuild(flags.sources as string | undefined);
    for (const d of result.diagnostics) console.error(formatDiagnostic(d));
    if (!result.wizard) {
      console.error(`kb wizard: no ${wizardFileName} beside the sources folder, so there is no decision tree`);
      return 1;
    }
    const out = (text: string) => process.stdout.write(`${text}\n`);
    if (flags.uncovered) {
      const { uncovered, capability } = result.wizard.coverage;
      if (flags.json) out(JSON.stringify(uncovered, null, 2));
      else {
        for (const u of uncovered) out(`${u.file ?? u.source}${u.line ? `:${u.line}` : ''}: ${u.text}  [${u.entry}#${u.statement}]`);
        out(`${uncovered.length} of ${capability} capability statements are not covered by any leaf`);
      }
    } else if (flags.json) out(JSON.stringify(wizardJson(result.wizard), null, 2));
    else out(wizardOutline(result.wizard).join('\n'));
    return 0;
  },
};
