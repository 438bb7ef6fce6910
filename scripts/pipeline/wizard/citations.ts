import type { Citation, ResolvedCitation } from '../../../src/shared/schemas/decision-tree.ts';
import type { Entry, Statement } from '../../../src/shared/schemas/entry.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import { entryPath } from '../../../src/shared/urls.ts';
import { normalizeSpace } from '../entries/statements.ts';

/** A citation that matched: its entry and the statements its quote spans (first one first). */
export interface CitationMatch {
  entry: Entry;
  statements: Statement[];
  quote: string;
}

/** Why a citation did not match, as a sentence fragment. */
export interface CitationMiss {
  reason: string;
}

/**
 * Resolves a citation against the entries. The quote must occur verbatim (modulo whitespace) in the entry's
 * statements, read in order, so it may run on from one statement into the next; a given statement id must exist
 * and the quote must start inside it.
 */
export function resolveCitation(citation: Citation, entries: ReadonlyMap<string, Entry>): CitationMatch | CitationMiss {
  const quote = citation.quote === undefined ? undefined : normalizeSpace(citation.quote);
  const entry = entries.get(citation.entry);
  if (!entry) return { reason: `unknown entry "${citation.entry}"${hint(quote, entries)}` };
  const parts = entry.statements.map((s) => normalizeSpace(s.text));
  const starts: number[] = [];
  parts.reduce((at, p) => (starts.push(at), at + p.length + 1), 0);
  const joined = parts.join(' ');
  const wanted = citation.statement === undefined ? -1 : entry.statements.findIndex((s) => s.id === citation.statement);
  if (citation.statement !== undefined && wanted < 0) return { reason: `entry "${entry.id}" has no statement "${citation.statement}"${hint(quote, entries)}` };
  if (quote === undefined) return { entry, statements: [entry.statements[wanted]], quote: parts[wanted] };
  for (let at = joined.indexOf(quote); at >= 0; at = joined.indexOf(quote, at + 1)) {
    const first = lastIndexAtOrBefore(starts, at);
    if (wanted >= 0 && first !== wanted) continue;
    const last = lastIndexAtOrBefore(starts, at + quote.length - 1);
    return { entry, statements: entry.statements.slice(first, last + 1), quote };
  }
  const where = wanted >= 0 ? `statement "${citation.statement}" of entry "${entry.id}"` : `entry "${entry.id}"`;
  return { reason: `quote not found in ${where}: "${quote}"${hint(quote, entries, entry.id)}` };
}

/** Turns a match into the citation the site shows: quote, statement link, source link, status and date. */
export function toResolvedCitation(match: CitationMatch, sources: ReadonlyMap<string, Source>): ResolvedCitation {
  const { entry, statements, quote } = match;
  const first = statements[0];
  const source = sources.get(entry.source.id);
  return {
    entry: entry.id,
    entryTitle: entry.title,
    statement: first.id,
    statements: statements.map((s) => s.id),
    quote,
    status: worstStatus(statements),
    asOf: first.asOf,
    ...(first.datedReason ? { datedReason: first.datedReason } : {}),
    source: entry.source.id,
    sourceTitle: source?.title ?? entry.source.id,
    sourceUrl: entry.source.url,
    entryUrl: `${entryPath(entry.id)}#${first.id}`,
  };
}

/** The least current status among the statements a quote spans. */
export function worstStatus(statements: readonly Statement[]): Statement['status'] {
  if (statements.some((s) => s.status === 'outdated')) return 'outdated';
  return statements.some((s) => s.status === 'dated') ? 'dated' : 'current';
}

function lastIndexAtOrBefore(starts: readonly number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  return i;
}

/** A "did you mean" pointer to the entries that do hold the quote. */
function hint(quote: string | undefined, entries: ReadonlyMap<string, Entry>, except?: string): string {
  if (!quote) return '';
  const holders = [...entries.values()].filter((e) => e.id !== except && normalizeSpace(e.statements.map((s) => s.text).join(' ')).includes(quote)).map((e) => `"${e.id}"`);
  return holders.length ? `; the quote is in entry ${holders.slice(0, 3).join(', ')}` : '';
}
