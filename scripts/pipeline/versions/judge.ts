import { maxReplacements, type Claim, type Statement } from '../../../src/shared/schemas/entry.ts';
import type { Conflict, ConflictStatement } from '../../../src/shared/schemas/knowledge-base.ts';
import type { ClaimedStatement } from '../claims/extract.ts';
import { agrees, contradicts, representative, type StatusTable } from './compare.ts';

/** The version stage's verdict on one statement. */
export interface StatementVerdict {
  status: Statement['status'];
  datedReason?: string;
  supersededBy: Statement['supersededBy'];
}

/** One claim of one statement. */
interface Ref {
  s: ClaimedStatement;
  c: Claim;
}

/** Key of a statement across the knowledge base. */
export const statementKey = (s: { entry: string; statement: string }) => `${s.entry}#${s.statement}`;

const newestFirstStatements = (a: ClaimedStatement, b: ClaimedStatement) => b.asOf.localeCompare(a.asOf) || a.entry.localeCompare(b.entry) || a.statement.localeCompare(b.statement);

/**
 * Reconciles claims into statement verdicts and conflicts. Claims are grouped by subject and scope, so upstream
 * statements never outdate managed-service ones. In each group the newest statements give the current answer; an
 * older claim that disagrees with all of them is outdated, pointing to the newer statements that replaced it.
 * Time-relative statements stay `dated` until a newer, plainly worded statement agrees with every claim they make.
 */
export function judge(statements: ClaimedStatement[], statuses: StatusTable): { verdicts: Map<string, StatementVerdict>; conflicts: Conflict[] } {
  const refs: Ref[] = statements.flatMap((s) => s.claims.map((c) => ({ s, c })));
  // Newest first, then by entry and statement: statements are ranked once, since the same ones are sorted again and
  // again (large knowledge bases contradict one outdated statement with hundreds of newer ones).
  const rankOf = new Map([...new Set(refs.map((r) => r.s))].sort(newestFirstStatements).map((s, i) => [s, i]));
  const newestFirst = (a: Ref, b: Ref) => rankOf.get(a.s)! - rankOf.get(b.s)!;
  const groups = Map.groupBy(refs, (r) => `${r.c.subject}\u0000${r.c.scope}`);
  const outdatedBy = new Map<string, Ref[]>();
  const settled = new Map<string, boolean>();
  const outdatedRefs = new Set<Ref>();

  // Claims are compared by kind and value only, so each pair of distinct answers is compared once: large knowledge
  // bases have thousands of claims on one subject but few distinct answers.
  const answer = (c: Claim) => `${c.kind}\u0000${c.value}`;
  const compared = new Map<string, boolean>();
  const agree = (a: Claim, b: Claim) => {
    const pair = `${answer(a)}\u0001${answer(b)}`;
    let same = compared.get(pair);
    if (same === undefined) compared.set(pair, (same = agrees(a, b, statuses)));
    return same;
  };
  for (const group of groups.values()) {
    const newest = group.reduce((d, r) => (r.s.asOf > d ? r.s.asOf : d), '');
    const current = group.filter((r) => r.s.asOf === newest);
    for (const r of group) {
      if (r.s.asOf === newest) continue;
      const confirmed = current.some((n) => agree(r.c, n.c));
      if (!confirmed && current.some((n) => !agree(r.c, n.c))) outdatedRefs.add(r);
    }
    // The newest date of each distinct answer made in plain words and not outdated: a statement is settled when an
    // answer agreeing with its own is newer.
    const newestPlain = new Map<string, Ref>();
    for (const n of group) {
      if (n.s.timeRelative || outdatedRefs.has(n)) continue;
      const seen = newestPlain.get(answer(n.c));
      if (!seen || n.s.asOf > seen.s.asOf) newestPlain.set(answer(n.c), n);
    }
    const plain = [...newestPlain.values()];
    for (const r of group) {
      const key = statementKey(r.s);
      if (outdatedRefs.has(r)) {
        const by = group.filter((n) => n.s.asOf > r.s.asOf && !outdatedRefs.has(n) && !agree(r.c, n.c));
        outdatedBy.set(key, [...(outdatedBy.get(key) ?? []), ...by]);
      }
      const plainNewer = plain.some((n) => n.s.asOf > r.s.asOf && agree(r.c, n.c));
      settled.set(key, (settled.get(key) ?? true) && plainNewer);
    }
  }

  const verdicts = new Map<string, StatementVerdict>();
  for (const s of statements) {
    const key = statementKey(s);
    const by = outdatedBy.get(key);
    if (by) {
      const seen = new Set<string>([key]);
      const supersededBy: Statement['supersededBy'] = [];
      for (const n of [...by].sort(newestFirst)) {
        const k = statementKey(n.s);
        if (seen.has(k)) continue;
        seen.add(k);
        supersededBy.push({ entry: n.s.entry, statement: n.s.statement, text: n.s.text, source: n.s.source, asOf: n.s.asOf });
        if (supersededBy.length === maxReplacements) break;
      }
      verdicts.set(key, { status: 'outdated', supersededBy });
    } else if (s.timeRelative && !(s.claims.length > 0 && settled.get(key))) {
      verdicts.set(key, { status: 'dated', datedReason: s.timeRelative, supersededBy: [] });
    } else verdicts.set(key, { status: 'current', supersededBy: [] });
  }

  const conflicts: Conflict[] = [];
  const row = (r: Ref): ConflictStatement => ({
    entry: r.s.entry,
    statement: r.s.statement,
    source: r.s.source,
    ...(r.s.line ? { line: r.s.line } : {}),
    text: r.s.text,
    value: r.c.value,
    display: r.c.display ?? r.c.value,
    status: verdicts.get(statementKey(r.s))!.status,
    asOf: r.s.asOf,
  });
  const rows = (rs: Ref[]) => {
    const seen = new Set<string>();
    return [...rs].sort(newestFirst).filter((r) => !seen.has(statementKey(r.s)) && seen.add(statementKey(r.s))).map(row);
  };
  for (const group of groups.values()) {
    const { subject, scope } = group[0].c;
    const label = group[0].c.label ?? subject;
    const outdated = group.filter((r) => outdatedRefs.has(r));
    if (outdated.length > 0) conflicts.push({ subject, label, scope, kind: 'superseded', change: answerChange(group, outdatedRefs, statuses), statements: rows(group) });
    else if (group.some((r) => verdicts.get(statementKey(r.s))!.status === 'dated')) conflicts.push({ subject, label, scope, kind: 'dated', statements: rows(group) });
    for (const [source, own] of Map.groupBy(group, (r) => r.s.source)) {
      const clashing = own.filter((a) => own.some((b) => contradicts(a.c, b.c, statuses)));
      if (clashing.length > 0) conflicts.push({ subject, label, scope, kind: 'contradiction-in-document', note: `${source} gives "${label}" more than one answer.`, statements: rows(clashing) });
    }
  }
  conflicts.push(...futureContradictions(refs, statuses, row));
  const order = { superseded: 0, 'contradiction-in-document': 1, dated: 2 };
  return { verdicts, conflicts: conflicts.sort((a, b) => order[a.kind] - order[b.kind] || a.subject.localeCompare(b.subject) || a.scope.localeCompare(b.scope)) };
}

/** The last outdated answer and the answer that replaced it, each as the most telling value of its date. */
function answerChange(group: Ref[], outdated: Set<Ref>, statuses: StatusTable): Conflict['change'] {
  const old = group.filter((r) => outdated.has(r));
  const fromAsOf = old.reduce((d, r) => (r.s.asOf > d ? r.s.asOf : d), '');
  const from = old.filter((r) => r.s.asOf === fromAsOf);
  const replacing = group.filter((r) => !outdated.has(r) && r.s.asOf > fromAsOf && from.some((f) => !agrees(f.c, r.c, statuses)));
  const since = replacing.reduce((d, r) => (d === '' || r.s.asOf < d ? r.s.asOf : d), '');
  const to = replacing.filter((r) => r.s.asOf === since);
  return { from: representative(from.map((r) => r.c), statuses), fromAsOf, to: representative(to.map((r) => r.c), statuses), since };
}

/**
 * A document that promises a feature for a version ("will be supported in Windows Server 2022") while listing that
 * version as supported elsewhere mixes sentences from different years: reported as a contradiction in the document.
 */
function futureContradictions(refs: Ref[], statuses: StatusTable, row: (r: Ref) => ConflictStatement): Conflict[] {
  const out: Conflict[] = [];
  const versionLists = Map.groupBy(
    refs.filter((r) => r.c.kind === 'versions'),
    (r) => r.s.source,
  );
  for (const promise of refs.filter((r) => r.c.qualifier && statuses.get(r.c.value)?.polarity === 'future')) {
    const lists = (versionLists.get(promise.s.source) ?? []).filter((r) => r.c.scope === promise.c.scope && r.c.value.split(',').includes(promise.c.qualifier!));
    if (lists.length === 0) continue;
    const { subject, label = subject, scope } = lists[0].c;
    out.push({
      subject,
      label,
      scope,
      kind: 'contradiction-in-document',
      note: `${promise.s.source} lists ${lists[0].c.display ?? lists[0].c.value} as supported, yet says "${promise.c.label ?? promise.c.subject}" is ${statuses.get(promise.c.value)!.label}.`,
      statements: [...lists.map(row), row(promise)],
    });
  }
  return out;
}
