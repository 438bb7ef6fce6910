import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { KnowledgeBase } from '../../../../src/shared/schemas/knowledge-base.ts';

/**
 * Builds a sources folder for a fixture case in a temporary directory: a copy of the shipped sources when the case's
 * `config.json` says `"base": "shipped"`, plus the case's own files, with its manifest rows appended to the copy's.
 */
export function materialise(caseDir: string): string {
  const { base } = JSON.parse(readFileSync(path.join(caseDir, 'config.json'), 'utf8')) as { base: 'shipped' | 'none' };
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-versions-'));
  if (base === 'shipped') cpSync(path.resolve('content/sources'), dir, { recursive: true });
  const own = path.join(caseDir, 'sources');
  for (const name of readdirSync(own)) {
    if (name !== 'sources.yaml') cpSync(path.join(own, name), path.join(dir, name));
  }
  const rows = (file: string) => (existsSync(file) ? ((parse(readFileSync(file, 'utf8')) as { sources: unknown[] }).sources ?? []) : []);
  writeFileSync(path.join(dir, 'sources.yaml'), stringify({ sources: [...rows(path.join(dir, 'sources.yaml')), ...rows(path.join(own, 'sources.yaml'))] }));
  return dir;
}

/** A readable summary of what the version stage decided: statement counts and every conflict, one line a statement. */
export function summarise(kb: KnowledgeBase) {
  return {
    statements: kb.stats.statementsByStatus,
    conflicts: kb.conflicts.map((c) => ({
      kind: c.kind,
      subject: c.subject,
      scope: c.scope,
      ...(c.change ? { change: `${c.change.from} (${c.change.fromAsOf}) → ${c.change.to} (since ${c.change.since})` } : {}),
      statements: c.statements.map((s) => `${s.status} ${s.asOf} ${s.source}: ${s.display} — ${s.text}`),
    })),
  };
}
