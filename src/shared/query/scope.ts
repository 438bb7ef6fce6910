import { codeLike, tellingIdf, type AnalyzedQuery, type Placed, type Slot } from './analyze-query.ts';
import type { SearchEngine } from './engine.ts';
import { auxiliaryWords, gradingAdjectives, openQuestionWords, questionWords, stem, verbCues } from './english.ts';
import type { AnalyzedToken } from './lexicon.ts';

// What a question is about, as abstention judges it: words that a word the index lacks qualifies, a topic the index
// does not know, names that are only background. Ranking never reads these, so search as you type does not load them.

/** An analysed question with what abstention reads besides its matches (see `scopeQuery`). */
export interface ScopedQuery extends AnalyzedQuery {
  /**
   * True when the thing a keyword query is about (the head of its topic phrase, see `topicPhrase`) is a word the
   * index has never seen ("defender for containers", "set net.ipv4 sysctls on a pod"): the question names something
   * the knowledge base does not cover.
   */
  unknownTopic: boolean;
  /** True when a name the index lacks was read as background to the question, not as what it asks about. */
  backgroundName: boolean;
}

/**
 * Reads an analysed question's scope: marks the slots a word the index lacks qualifies, counts the unknown head of its
 * topic as a name and the names in the story around it as plain words. Returns a new query; `query` is unchanged.
 */
export function scopeQuery(engine: SearchEngine, query: AnalyzedQuery): ScopedQuery {
  const { text, tokens, placed } = query;
  const slots = query.slots.map((s) => ({ ...s }));
  markQualified(engine, text, tokens, slots, placed);
  const backgroundName = slots.some((s) => s.unknown && s.named) && unnameBackground(slots, askingTerms(engine, text, tokens, slots, placed));
  // The unknown head of the topic names the thing asked about: its information counts in full, as a name's does.
  const topic = unknownTopicSlot(text, tokens, slots, placed);
  if (topic) topic.named = true;
  return { ...query, slots, unknownTopic: topic !== null, backgroundName };
}

/**
 * Marks the slots that a word the index has never seen qualifies. English puts modifiers before what they modify
 * ("spot VMs", "vertical pod autoscaler", "dual-stack IPv4"), so an unknown word qualifies the words after it in the
 * same phrase: words joined by spaces, hyphens or slashes, with no stop word or punctuation between them. An unknown
 * word read as a verb (after "to", a pronoun or a modal: "ways to cut licensing costs"), one that only grades ("the
 * wrong time zone") or an adverb of a known word ("properly patch") says how, not what kind, and qualifies nothing.
 */
function markQualified(engine: SearchEngine, text: string, tokens: readonly AnalyzedToken[], slots: Slot[], placed: readonly Placed[]): void {
  const unknown = new Set(slots.filter((s) => s.unknown).map((s) => s.term));
  const modifies = new Set<number>();
  const mainVerb = doSupportVerb(tokens, unknown);
  for (const p of placed) {
    const word = tokens[p.from].word;
    const verb = (p.from > 0 && verbCues.has(tokens[p.from - 1].word)) || p.from === mainVerb;
    const adverb = word.endsWith('ly') && engine.vocabularySet.has(stem(word.slice(0, -2)));
    if (unknown.has(p.term) && !verb && !adverb && !gradingAdjectives.has(word) && !verbCues.has(word)) modifies.add(p.to - 1);
  }
  const qualified = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    const joined = !tokens[i - 1].stop && !tokens[i].stop && /^(?:\s+|[-/])$/.test(text.slice(tokens[i - 1].end, tokens[i].start));
    if (joined && (modifies.has(i - 1) || qualified.has(i - 1))) qualified.add(i);
  }
  for (const slot of slots) {
    const at = placed.filter((p) => p.term === slot.term);
    if (at.length > 0 && at.every((p) => qualified.has(p.from))) slot.qualified = true;
  }
}

/** Prepositions that attach what a keyword query is about to where or with what it is asked ("X for Y", "X on Y"). */
const topicPrepositions = new Set(['for', 'on', 'with']);
const subjectPronouns = new Set(['i', 'we', 'you', 'they']);

/**
 * The token span of the phrase a keyword query is about: its first phrase (words joined by spaces, hyphens, dots or
 * slashes, no stop word between them), skipping question words and a verb right after a pronoun or modal ("can i
 * put …"), when a preposition follows it and the query is not a clause opened by an auxiliary ("defender for
 * containers", "set net.ipv4 sysctls on a pod"). Null when the query does not have that shape.
 */
export function topicPhrase(tokens: readonly AnalyzedToken[], text: string): [number, number] | null {
  // After an auxiliary the words are a clause ("does kubenet work with …"), whose last word may be its verb.
  if (tokens.length > 1 && auxiliaryWords.has(tokens[0].word) && !subjectPronouns.has(tokens[1].word)) return null;
  let i = 0;
  while (i < tokens.length && (tokens[i].stop || (i > 0 && verbCues.has(tokens[i - 1].word)))) i++;
  if (i >= tokens.length) return null;
  let end = i + 1;
  while (end < tokens.length && !tokens[end].stop && /^(?:\s+|[-/.])$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) end++;
  if (end >= tokens.length || !topicPrepositions.has(tokens[end].word) || !/^\s+$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) return null;
  // A later clause opened by a question word asks the question ("grafana shows nothing - which metric …?").
  for (let k = end + 1; k < tokens.length; k++) if (openQuestionWords.has(tokens[k].word) && /[.?!;:,]|\s[-–—]+\s/.test(text.slice(tokens[k - 1].end, tokens[k].start))) return null;
  return [i, end];
}

/**
 * The slot of the topic phrase's head (last word) when it is a word the index has never seen, and neither the value
 * of a setting named just before it ("mountPropagation Bidirectional for …") nor a participle ("X rejected on …").
 */
function unknownTopicSlot(text: string, tokens: readonly AnalyzedToken[], slots: readonly Slot[], placed: readonly Placed[]): Slot | null {
  const span = topicPhrase(tokens, text);
  if (!span) return null;
  const head = span[1] - 1;
  if (head > span[0] && codeLike.test(text.slice(tokens[head - 1].start, tokens[head - 1].end))) return null;
  // A past participle after its subject is what happened to it ("spec.os.name rejected on …"), not a thing.
  if (head > span[0] && tokens[head].word.endsWith('ed')) return null;
  const terms = new Set(placed.filter((p) => p.from <= head && head < p.to).map((p) => p.term));
  return slots.find((s) => terms.has(s.term) && s.unknown) ?? null;
}

/** Known telling words the asking clauses of a question need before a name outside them is background. */
const askingSubject = 2;

/**
 * A long question (an issue title and body) asks in some clauses and tells the story in others ("part of our app
 * (PostSharp) only builds on windows - can we point dev spaces at the windows nodepool?"). When the asking clauses
 * (ending in "?" or opened by a question word) name a subject of their own in known telling words, the terms placed
 * in them; null when there is no story, or the asking clauses leave the story to name the subject ("Trusted Launch for
 * windows pools - supported?").
 */
function askingTerms(engine: SearchEngine, text: string, tokens: readonly AnalyzedToken[], slots: readonly Slot[], placed: readonly Placed[]): Set<string> | null {
  const clauses = clauseSpans(text);
  if (clauses.length < 2) return null;
  const asking = clauses.filter(([from, to]) => {
    const clause = text.slice(from, to).trim();
    const first = tokens.find((t) => t.start >= from && t.start < to);
    return clause.endsWith('?') || (first !== undefined && questionWords.has(first.word));
  });
  if (asking.length === 0 || asking.length === clauses.length) return null;
  const terms = new Set(placed.filter((p) => asking.some(([from, to]) => tokens[p.from].start >= from && tokens[p.from].start < to)).map((p) => p.term));
  const telling = tellingIdf(engine);
  const subject = slots.filter((s) => terms.has(s.term) && !s.unknown && !s.cue && s.idf >= telling);
  return subject.length >= askingSubject ? terms : null;
}

/**
 * A name the index lacks in the story around a question (see `askingTerms`) is background, not what is asked about: it
 * counts against confidence as an unknown plain word does (see `ScopedQuery.backgroundName`). True when one was found.
 */
function unnameBackground(slots: Slot[], asking: Set<string> | null): boolean {
  if (!asking) return false;
  let found = false;
  for (const slot of slots) {
    if (!slot.unknown || !slot.named || asking.has(slot.term)) continue;
    slot.named = false;
    found = true;
  }
  return found;
}

/** Character spans of a text's clauses: sentences, and the parts around a dash or a colon. */
export function clauseSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(/[.?!;]\s+|\s+[-–—]+\s+|:\s+/g)) {
    const end = m.index + m[0].length;
    if (text.slice(from, end).trim()) spans.push([from, end]);
    from = end;
  }
  if (text.slice(from).trim()) spans.push([from, text.length]);
  return spans;
}

/** Forms of "do" that need a bare verb after their subject ("does upgrading the nodes eat quota?"). */
const doForms = new Set(['do', 'does', 'did', 'dont', 'doesnt', 'didnt']);

/**
 * In a question opened by "do" (do-support), the first unknown word after a known one is the main verb the subject
 * needs ("does upgrading windows nodes eat vcpu quota?"), not a modifier of the words after it. Its token index, or -1.
 */
export function doSupportVerb(tokens: readonly AnalyzedToken[], unknown: ReadonlySet<string>): number {
  const first = tokens.findIndex((t) => !['why', 'how', 'when', 'where'].includes(t.word));
  if (first < 0 || !doForms.has(tokens[first].word)) return -1;
  let seenKnown = false;
  for (let i = first + 1; i < tokens.length; i++) {
    if (tokens[i].stop) continue;
    if (unknown.has(tokens[i].stem)) return seenKnown ? i : -1;
    seenKnown = true;
  }
  return -1;
}
