import type { ResolvedCitation, WizardCoverage } from '../../../src/shared/schemas/decision-tree.ts';
import type { Entry, Statement } from '../../../src/shared/schemas/entry.ts';
import { normalizeSpace } from '../entries/statements.ts';

/** A statement that says what one can or cannot do, with the entry it sits in. */
export interface CapabilityStatement {
  entry: Entry;
  statement: Statement;
}

/** Compiles the coverage patterns from `wizard.yaml` (case-insensitive). */
export function compilePatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => new RegExp(p, 'i'));
}

/**
 * Capability statements of the current sources: sentences, bullets, steps and notes matching a pattern. Questions,
 * headings, code and outdated statements state nothing current. A sentence repeated in one source counts once.
 */
export function findCapabilityStatements(entries: readonly Entry[], patterns: readonly RegExp[]): CapabilityStatement[] {
  const seen = new Set<string>();
  const found: CapabilityStatement[] = [];
  for (const entry of entries) {
    for (const statement of entry.statements) {
      if (statement.kind === 'heading' || statement.kind === 'code' || statement.status === 'outdated') continue;
      if (/\?$/.test(statement.text) || !patterns.some((p) => p.test(statement.text))) continue;
      const key = statementKey(entry.source.id, statement.text);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ entry, statement });
    }
  }
  return found;
}

/** Which capability statements no citation spans. */
export function measureWizardCoverage(capability: readonly CapabilityStatement[], citations: readonly ResolvedCitation[], entries: ReadonlyMap<string, Entry>): WizardCoverage {
  const covered = new Set<string>();
  for (const c of citations) {
    const entry = entries.get(c.entry);
    for (const s of entry?.statements.filter((x) => c.statements.includes(x.id)) ?? []) covered.add(statementKey(c.source, s.text));
  }
  const uncovered = capability.filter((c) => !covered.has(statementKey(c.entry.source.id, c.statement.text)));
  return {
    capability: capability.length,
    covered: capability.length - uncovered.length,
    uncovered: uncovered.map(({ entry, statement }) => ({
      entry: entry.id,
      statement: statement.id,
      source: entry.source.id,
      ...(statement.line ? { line: statement.line } : {}),
      text: statement.text,
    })),
  };
}

function statementKey(source: string, text: string): string {
  return `${source}\n${normalizeSpace(text).toLowerCase()}`;
}
