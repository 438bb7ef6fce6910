// Display helpers for version data: resolving statement pointers and shaping the "What changed" page.
import type { Entry, Statement } from '../shared/schemas/entry.ts';
import type { Conflict, ConflictStatement, KnowledgeBase } from '../shared/schemas/knowledge-base.ts';
import type { Source } from '../shared/schemas/source.ts';
import { entryPath, withBase } from '../shared/urls.ts';

/** A statement resolved for display: its text, dates, source and deep link. */
export interface StatementView {
  entry: Entry;
  statement: Statement;
  source: Source | undefined;
  /** Site-relative link to the statement's anchor, without the deploy base. */
  path: string;
}

const indexes = new WeakMap<KnowledgeBase, Map<string, StatementView>>();

/** Site-relative link to a statement on its entry page. */
export function statementPath(entry: string, statement: string): string {
  return `${entryPath(entry)}#${statement}`;
}

/** The same link under a deploy base. */
export function statementHref(base: string, entry: string, statement: string): string {
  return withBase(base, statementPath(entry, statement));
}

/** Looks a statement up by entry and statement id (indexed once per knowledge base). */
export function statementView(kb: KnowledgeBase, entry: string, statement: string): StatementView | undefined {
  let index = indexes.get(kb);
  if (!index) {
    const sources = new Map(kb.sources.map((s) => [s.id, s]));
    index = new Map(kb.entries.flatMap((e) => e.statements.map((s) => [`${e.id}#${s.id}`, { entry: e, statement: s, source: sources.get(e.source.id), path: statementPath(e.id, s.id) }] as const)));
    indexes.set(kb, index);
  }
  return index.get(`${entry}#${statement}`);
}

/** One subject whose answer changed, for the "What changed" page. */
export interface SubjectChange {
  conflict: Conflict;
  /** Anchor id on the page. */
  anchor: string;
  /** Statements giving the answer before the change (outdated), newest first. */
  before: ConflictStatement[];
  /** Statements giving the current answer, newest first. */
  after: ConflictStatement[];
}

/** Changes grouped by the date the new answer appeared, newest first. */
export interface ChangeGroup {
  since: string;
  changes: SubjectChange[];
}

/** Anchor for a subject on the "What changed" page. */
export function subjectAnchor(conflict: Pick<Conflict, 'subject' | 'scope'>): string {
  return `${conflict.subject}-${conflict.scope}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** Every subject whose answer changed, grouped by when it changed, newest first; then by label. */
export function changeLog(kb: KnowledgeBase): ChangeGroup[] {
  const changes = kb.conflicts
    .filter((c) => c.kind === 'superseded' && c.change)
    .map((conflict) => ({
      conflict,
      anchor: subjectAnchor(conflict),
      before: conflict.statements.filter((s) => s.status === 'outdated'),
      after: conflict.statements.filter((s) => s.status !== 'outdated'),
    }));
  const dates = [...new Set(changes.map((c) => c.conflict.change!.since))].sort().reverse();
  return dates.map((since) => ({
    since,
    changes: changes.filter((c) => c.conflict.change!.since === since).sort((a, b) => a.conflict.label.localeCompare(b.conflict.label)),
  }));
}

/** Conflicts of one kind, by label. */
export function conflictsOfKind(kb: KnowledgeBase, kind: Conflict['kind']): Conflict[] {
  return kb.conflicts.filter((c) => c.kind === kind).sort((a, b) => a.label.localeCompare(b.label) || a.scope.localeCompare(b.scope));
}

/** Counts of statements per version status. */
export function statusCounts(kb: KnowledgeBase): Record<Statement['status'], number> {
  const counts = { current: 0, outdated: 0, dated: 0 };
  for (const e of kb.entries) for (const s of e.statements) counts[s.status]++;
  return counts;
}
