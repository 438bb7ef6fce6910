import type { Claim, Statement } from '../../../src/shared/schemas/entry.ts';
import type { Source } from '../../../src/shared/schemas/source.ts';
import type { EntryDraft } from '../entries/build-entries.ts';
import type { ClaimContext } from './context.ts';
import { dateStatement } from './dating.ts';
import { extractLimits } from './limits.ts';
import type { ClaimRules } from './rules.ts';
import { extractSupport, findCues } from './support.ts';
import { extractVersions } from './versions.ts';

/** Every claim one statement makes: limits, support statuses, version lists and defaults. Pure. */
export function extractClaims(text: string, ctx: ClaimContext, rules: ClaimRules): Claim[] {
  const cues = findCues(text, rules);
  const negated = cues.some((c) => c.status.polarity === 'negative');
  return [...extractLimits(text, ctx, rules), ...extractVersions(text, ctx, rules, negated), ...extractSupport(text, ctx, rules, cues)];
}

/** A statement with its claims and dating, as the version stage reads it. */
export interface ClaimedStatement {
  entry: string;
  statement: string;
  source: string;
  /** Source file name, for diagnostics. */
  file: string;
  line?: number;
  text: string;
  asOf: string;
  claims: Claim[];
  /** Time-relative or lifecycle wording, when the statement has some. */
  timeRelative?: string;
}

/** Statement kinds that carry no prose to date or claim. */
const literalKinds = new Set<Statement['kind']>(['code']);

/** Claims stage: dates every statement and extracts its claims, in entry and reading order. Pure. */
export function claimStatements(drafts: EntryDraft[], sources: Source[], rules: ClaimRules, language = 'en'): ClaimedStatement[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return drafts.flatMap((draft) => {
    const e = draft.data;
    const source = byId.get(e.source.id);
    const sourceDate = source?.date ?? e.statements[0]?.asOf;
    return e.statements.map((s, i) => {
      const base = { entry: e.id, statement: s.id, source: e.source.id, file: source?.file ?? e.source.id, line: s.line, text: s.text };
      if (literalKinds.has(s.kind)) return { ...base, asOf: sourceDate, claims: [] };
      const ctx: ClaimContext = { scope: source?.scope ?? e.appliesTo.platforms[0] ?? '', title: e.title, question: e.question, previous: e.statements[i - 1]?.text, language };
      return { ...base, ...dateStatement(s.text, sourceDate, rules), claims: extractClaims(s.text, ctx, rules) };
    });
  });
}
