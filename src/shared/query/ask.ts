import type { Verdict } from '../schemas/entry.ts';
import { entryPath, topicPath } from '../urls.ts';
import { analyzeQuery, tellingIdf, type AnalyzedQuery } from './analyze-query.ts';
import { loadTexts, statementAt, titledByOutdated, type EntryInfo, type SearchEngine, type StatementInfo } from './engine.ts';
import { mergeFollowUp } from './follow-up.ts';
import { maxScore, rankEntries, type RankedEntry } from './rank.ts';
import { scopeQuery, type ScopedQuery } from './scope.ts';
import { asksDependence, continuesStatement, detectVerdict, isConditional, isStageLabel, questionShape, saysNoVerdict, type QuestionShape } from './verdict.ts';

/** A statement cited as the answer, with where it lives on the site and in the original document. */
export interface Citation {
  /** Source id. */
  id: string;
  /** Source title. */
  title: string;
  /** Link to the section in the original document. */
  url: string;
  /** The statement's text. */
  quote: string;
  /** The statement's anchor id. */
  statement: string;
  /** Site path of the statement (entry page + anchor), without the deploy base. */
  href: string;
}

/** An older statement that the answer replaces. */
export interface OutdatedNote {
  text: string;
  /** Source id. */
  source: string;
  sourceTitle: string;
  /** When the older statement was true. */
  asOf: string | null;
  statement: string;
  href: string;
}

/** One answer: an entry, with its verdict, citations and outdated notes. */
export interface Answer {
  id: string;
  title: string;
  /** Site path of the best-matching statement, without the deploy base. */
  url: string;
  /** Full plain text of the entry. */
  text: string;
  verdict: Verdict | null;
  /** Confidence, 0–1. */
  score: number;
  sources: Citation[];
  outdated: OutdatedNote[];
  wizard: string | null;
  type: string;
  topics: string[];
  /** The entry's statements, marking the current ones that matched. */
  statements: { id: string; text: string; status: StatementInfo['status']; matched: boolean }[];
  /** Related entries, for follow-up suggestions. */
  related: { id: string; title: string; url: string }[];
}

/** The outcome of asking one question. */
export interface AskResult {
  question: string;
  /** The self-contained question actually answered, when a follow-up was merged with the previous one. */
  interpretedAs: string | null;
  abstained: boolean;
  /** Confidence in the best answer, 0–1. */
  confidence: number;
  answers: Answer[];
  /** Topics nearest to the question (offered when abstaining). */
  nearestTopics: { id: string; label: string; url: string }[];
  /**
   * Entries nearest to the question (offered when abstaining, never as an answer): the best-ranked ones. A question
   * in words the knowledge base does not use is often abstained on while its answer ranks first.
   */
  nearestEntries: { id: string; title: string; url: string }[];
}

/**
 * When to abstain. Confidence is the share of the question's information (idf) that the best entry matched; a word
 * the index has never seen counts as unmatched information, fully when it looks like a name (GPU, Bastion, Gen2),
 * partly when it is a plain word (users' wording is wider than any corpus). Thresholds were set on the development
 * questions and checked for margin on both sides; see `npm run eval`.
 */
export const abstention = {
  /** Below this confidence nothing answers. */
  minConfidence: 0.3,
  /** A question naming something the index has never seen needs this much confidence. */
  namedConfidence: 0.75,
  /** … and one naming it only in the story around what it asks (an issue's body), this much. */
  backgroundConfidence: 0.4,
  /** Share of an unknown plain word's idf that counts against confidence. */
  unknownWord: 0.3,
  /** Share of an unknown name's idf that counts against confidence. */
  unknownName: 1,
};

/** Whether to abstain, given the analysed question and its best entry (and its confidence, when already known). */
export function shouldAbstain(engine: SearchEngine, query: ScopedQuery, best: RankedEntry | undefined, confidence = confidenceOf(query, best)): boolean {
  if (!best) return true;
  if (confidence < abstention.minConfidence) return true;
  if (query.slots.some((s) => s.unknown && s.named) && confidence < abstention.namedConfidence) return true;
  // A name the index lacks in the story around the question (see `scopeQuery`) is not what is asked about, but the
  // question is less plainly in scope than one without it.
  if (query.backgroundName && confidence < abstention.backgroundConfidence) return true;
  // A question about a thing the index does not know (its topic's head is unknown) is answered only when the rest
  // of it is matched as closely as for a name.
  if (query.unknownTopic && confidence < abstention.namedConfidence) return true;
  // With words the index has never seen, a match on generic words alone ("AKS", "Windows", "node") is no answer: the
  // best entry must match a telling term, and one that no unknown word qualifies (a match on "VMs" does not answer
  // a question about spot VMs).
  if (!query.slots.some((s) => s.unknown)) return false;
  const telling = tellingIdf(engine);
  return !query.slots.some((s, j) => !s.cue && best.coverage[j] >= 0.6 && s.idf >= telling && !s.qualified);
}

/** Options for `ask`. */
export interface AskOptions {
  /** The previous question of the conversation, for follow-ups. */
  previous?: string;
  /** Most answers returned. */
  limit?: number;
}

/** Confidence of a ranked entry for a query, 0–1: what it matched of the question's words (cues left out). */
export function confidenceOf(query: AnalyzedQuery, ranked: RankedEntry | undefined): number {
  if (!ranked) return 0;
  const max = maxScore(query, (named) => (named ? abstention.unknownName : abstention.unknownWord));
  return max > 0 ? Math.min(1, (ranked.score - ranked.cue) / max) : 0;
}

/**
 * The entry that confidence and abstention judge a question by: of the ranked entries, the one whose score without
 * its cue part is highest. Without a cue (see `Slot.cue`) that is the first; with one it is the entry that ranked
 * first before the cue reordered them, so a cue decides which answer comes first but never whether there is one.
 */
export function judgedEntry(ranked: readonly RankedEntry[]): RankedEntry | undefined {
  let best = ranked[0];
  for (const r of ranked) if (r.score - r.cue > best.score - best.cue) best = r;
  return best;
}

/**
 * Answers a question from the index: best entries first, or an honest abstention with the nearest topics. Only
 * the statement files of the answers (and of the outdated statements they replace) are read.
 */
export async function ask(engine: SearchEngine, question: string, options: AskOptions = {}): Promise<AskResult> {
  const merged = options.previous ? mergeFollowUp(options.previous, question, engine.lexicon) : null;
  const text = merged ?? question;
  await engine.prepare?.(text, { prefix: false });
  const query = scopeQuery(engine, analyzeQuery(engine, text));
  const ranked = rankEntries(engine, query);
  const judged = judgedEntry(ranked);
  const confidence = confidenceOf(query, judged);
  const abstained = shouldAbstain(engine, query, judged, confidence);
  const asked = new Set(query.slots.filter((s) => !s.cue).map((s) => s.term));
  const chosen = abstained ? [] : ranked.slice(0, options.limit ?? 5);
  const needed = chosen.flatMap((r) => [r.entry.n, ...[...r.matchedOutdated, ...r.entry.supersedes].map((n) => statementAt(engine, n).e)]);
  await loadTexts(engine, needed);
  const shape = questionShape(query.text);
  const answers = chosen.map((r) => toAnswer(engine, query, r, asked, shape));
  return {
    question,
    interpretedAs: merged,
    abstained,
    confidence: round(confidence),
    answers,
    nearestTopics: abstained ? nearestTopics(engine, ranked) : [],
    nearestEntries: abstained ? nearestEntries(engine, ranked) : [],
  };
}

function toAnswer(engine: SearchEngine, query: AnalyzedQuery, r: RankedEntry, asked: Set<string>, shape: QuestionShape): Answer {
  const entry = r.entry;
  const statements = entry.statements.map((n) => statementAt(engine, n));
  const matched = r.matched.map((n) => statementAt(engine, n)).filter((s) => s.status !== 'outdated');
  const best = matched[0] ?? statements.find((s) => s.status !== 'outdated') ?? statements[0];
  const lead = statements.find((s) => s.status !== 'outdated');
  const after = statements[statements.indexOf(best) + 1];
  // An entry's leading "Yes."/"No." or stage label ("[alpha]") answers for every statement under it. The statement
  // after the best one finishes its answer only when it carries on from it ("This user is not malicious."); a new
  // point ("You can't use kured …") says nothing about what was asked. A list item that says nothing itself is read
  // with the sentence that introduces its list ("The following … are supported with Windows containers:"): that
  // sentence says what the item is, and other statements of the entry are about other things.
  // An introduction that says how to choose among its items ("two networking modes based on your workload
  // requirements:") answers a question asking whether it depends, and says nothing of any one item otherwise.
  const found = saysNoVerdict(best.text) ? listIntro(statements, best) : null;
  const intro = found && (!isConditional(found.text) || asksDependence(query.text)) ? found : null;
  const verdictTexts = [
    ...(lead && lead !== best && (/^(yes|no)\b/i.test(lead.text) || isStageLabel(lead.text)) ? [lead.text] : []),
    intro ? `${intro.text} ${best.text}` : best.text,
    ...(after && after.status !== 'outdated' && continuesStatement(after.text) ? [after.text] : []),
    ...(intro ? [] : matched.slice(1, 3).filter((s) => s !== found).map((s) => s.text)),
  ];
  const source = engine.sources.get(entry.source);
  const cite = (s: StatementInfo): Citation => ({
    id: entry.source,
    title: source?.title ?? entry.source,
    url: entry.url,
    quote: s.text,
    statement: s.id,
    href: `${entryPath(entry.id)}#${s.id}`,
  });
  const matchedSet = new Set(r.matched);
  return {
    id: entry.id,
    title: entry.title,
    url: `${entryPath(entry.id)}#${best.id}`,
    text: statements.map((s) => s.text).join(' '),
    verdict: detectVerdict(query.text, verdictTexts, { asked, lexicon: engine.lexicon, fallback: entry.verdict as Verdict | null, replacesAsked: r.matchedOutdated.some((n) => entry.supersedes.includes(n)), ceilings: best.max, shape }),
    score: round(confidenceOf(query, r)),
    sources: (matched.length > 0 ? matched.slice(0, 2) : [best]).map(cite),
    outdated: outdatedNotes(engine, entry, r),
    wizard: entry.wizard,
    type: entry.type,
    topics: entry.topics,
    statements: statements.map((s) => ({ id: s.id, text: s.text, status: s.status, matched: matchedSet.has(s.n) })),
    related: relatedOf(engine, entry),
  };
}

/** Statements a list may hold before the search for the sentence introducing it gives up. */
const maxListItems = 12;

/** The sentence that introduces the list a statement is an item of (the statement before its list, ending in a colon). */
function listIntro<S extends { text: string; bullet: boolean }>(statements: readonly S[], item: S): S | null {
  const at = statements.indexOf(item);
  if (at <= 0 || !item.bullet) return null;
  for (let k = at - 1; k >= Math.max(0, at - maxListItems); k--) {
    if (!statements[k].bullet) return statements[k].text.trimEnd().endsWith(':') ? statements[k] : null;
  }
  return null;
}

/** Outdated statements the entry replaces, plus its own outdated statements; the ones the query hit first. */
function outdatedNotes(engine: SearchEngine, entry: EntryInfo, r: RankedEntry): OutdatedNote[] {
  const own = entry.statements.filter((n) => statementAt(engine, n).status === 'outdated');
  return [...new Set([...r.matchedOutdated, ...entry.supersedes, ...own])].map((n) => {
    const s = statementAt(engine, n);
    const owner = engine.entries[s.e];
    const source = engine.sources.get(owner.source);
    return {
      text: s.text,
      source: owner.source,
      sourceTitle: source?.title ?? owner.source,
      asOf: s.asOf ?? source?.date ?? null,
      statement: s.id,
      href: `${entryPath(owner.id)}#${s.id}`,
    };
  });
}

/**
 * Related entries as follow-up questions. An entry whose title is an outdated statement ("A cluster can have a
 * maximum of eight node pools") would offer an old claim as a question, so it is left out.
 */
function relatedOf(engine: SearchEngine, entry: EntryInfo): Answer['related'] {
  const outdatedTitle = (e: EntryInfo) => titledByOutdated(engine, e) || e.statements.every((n) => statementAt(engine, n).status === 'outdated');
  return entry.related
    .map((n) => engine.entries[n])
    .filter((e): e is EntryInfo => e !== undefined && !outdatedTitle(e))
    .sort((a, b) => Number(b.question) - Number(a.question))
    .slice(0, 3)
    .map((e) => ({ id: e.id, title: e.title, url: entryPath(e.id) }));
}

/** Entries offered when abstaining. */
const nearestCount = 3;

/** The best-ranked entries, as links; one whose title is an outdated claim would offer that claim, so it is skipped. */
function nearestEntries(engine: SearchEngine, ranked: RankedEntry[]): AskResult['nearestEntries'] {
  return ranked
    .filter((r) => r.score > 0 && !titledByOutdated(engine, r.entry))
    .slice(0, nearestCount)
    .map(({ entry }) => ({ id: entry.id, title: entry.title, url: entryPath(entry.id) }));
}

function nearestTopics(engine: SearchEngine, ranked: RankedEntry[]): AskResult['nearestTopics'] {
  const weight = new Map<string, number>();
  for (const r of ranked.slice(0, 8)) for (const t of r.entry.topics) weight.set(t, (weight.get(t) ?? 0) + r.score);
  return [...weight]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([id]) => ({ id, label: engine.topicLabels.get(id) ?? id, url: topicPath(id) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
