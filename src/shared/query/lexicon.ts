import type { Synonyms } from '../schemas/synonyms.ts';
import { numberWords, questionWords, stem, stopPhrases, stopWords } from './english.ts';
import { normalizeWord, tokenize, type Token } from './normalize.ts';

/** A phrase (as stems) read as a group's canonical term. */
export interface PhraseRule {
  stems: string[];
  canonical: string;
}

/** Synonyms, related terms and contrasts compiled for fast matching over stems. */
export interface Lexicon {
  /** Phrase rules by their first stem, longest first. */
  phrases: Map<string, PhraseRule[]>;
  /** Related canonical terms with the weight a match through them counts. */
  related: Map<string, { term: string; weight: number }[]>;
  /** Contrast group index of each canonical term. */
  contrast: Map<string, number>;
  /** Canonical terms of each contrast group. */
  contrastMembers: string[][];
  /** Every single-word stem the lexicon knows (for typo correction). */
  words: Set<string>;
}

/** One analysed word of a text: its stem and, where a synonym phrase starts here, the phrase's term. */
export interface AnalyzedToken extends Token {
  stem: string;
  /** True for stop and question words. */
  stop: boolean;
  /** Stems of the parts of a compound identifier (runAsNonRoot → run, non, root; NET_ADMIN → net, admin). */
  parts?: string[];
}

/** A term found in a text: a stem or a canonical synonym, with the span of tokens it covers. */
export interface TermMatch {
  term: string;
  /** Index of the first token. */
  from: number;
  /** Index just past the last token. */
  to: number;
  /** True when the term is a synonym group's canonical term. */
  canonical: boolean;
}

/** Stems of one word or phrase, as the lexicon matches them. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((t) => stem(t.word));
}

/** The canonical index term for a phrase: its stems joined by `_`. */
export function canonicalTerm(phrase: string): string {
  return phraseStems(phrase).join('_');
}

/** Compiles the synonyms data, plus extra groups (abbreviations the sources define) and spelled-out numbers, into a lexicon. */
export function compileLexicon(data: Synonyms, extraGroups: readonly (readonly string[])[] = []): Lexicon {
  const canonicalOf = new Map<string, string>();
  const groups = new Map<string, Set<string>>();
  const addGroup = (terms: readonly string[]) => {
    const keys = terms.map((t) => phraseStems(t).join(' ')).filter(Boolean);
    if (keys.length === 0) return;
    // A group that shares a term with an existing group joins it (the first group's name wins).
    const existing = keys.map((k) => canonicalOf.get(k)).find((c) => c !== undefined);
    const canonical = existing ?? keys[0].replace(/ /g, '_');
    const members = groups.get(canonical) ?? new Set<string>();
    for (const k of keys) {
      if (canonicalOf.has(k) && canonicalOf.get(k) !== canonical) continue;
      canonicalOf.set(k, canonical);
      members.add(k);
    }
    groups.set(canonical, members);
  };
  for (const group of data.synonyms) addGroup(group);
  for (const group of extraGroups) addGroup(group);
  for (const group of numberWords) addGroup(group);

  const phrases = new Map<string, PhraseRule[]>();
  const words = new Set<string>();
  for (const [key, canonical] of canonicalOf) {
    const stems = key.split(' ');
    if (stems.length === 1) words.add(stems[0]);
    const list = phrases.get(stems[0]) ?? [];
    list.push({ stems, canonical });
    phrases.set(stems[0], list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  const termOf = (phrase: string) => {
    const key = phraseStems(phrase).join(' ');
    return canonicalOf.get(key) ?? key.replace(/ /g, '_');
  };
  const related = new Map<string, { term: string; weight: number }[]>();
  for (const group of data.related) {
    const terms = [...new Set(group.terms.map(termOf))];
    for (const t of terms) {
      const list = related.get(t) ?? [];
      for (const other of terms) if (other !== t && !list.some((r) => r.term === other)) list.push({ term: other, weight: group.weight });
      related.set(t, list);
    }
  }
  const contrast = new Map<string, number>();
  const contrastMembers = data.contrasts.map((group, i) => {
    const members = [...new Set(group.map(termOf))];
    for (const t of members) contrast.set(t, i);
    return members;
  });
  return { phrases, related, contrast, contrastMembers, words };
}

/** Tokenises and stems a text, marking stop and question words (and the words of stop phrases). */
export function analyzeTokens(text: string): AnalyzedToken[] {
  const tokens = tokenize(text).map((t) => {
    const token: AnalyzedToken = { ...t, stem: stem(t.word), stop: stopWords.has(t.word) || questionWords.has(t.word) };
    const original = text.slice(t.start, t.end);
    if (/[a-z][A-Z]|_/.test(original)) {
      const parts = original
        .split(/_|(?<=[a-z0-9])(?=[A-Z])/)
        .map((p) => normalizeWord(p))
        .filter((p) => p.length > 1 && !stopWords.has(p))
        .map(stem);
      if (parts.length > 1) token.parts = parts;
    }
    return token;
  });
  for (let i = 0; i < tokens.length; i++) {
    const phrase = stopPhrases.find((p) => phraseAt(tokens, i, p));
    if (phrase) for (let k = 0; k < phrase.length; k++) tokens[i + k].stop = true;
  }
  return tokens;
}

/** True when the words of `phrase` (lowercase) are the tokens from `i` on. */
export function phraseAt(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[i + k]?.word === w);
}

/**
 * Finds the terms of a text. With `all`, every synonym phrase that starts at a token is reported, plus the
 * plain stems under it (what the index stores); without, only the longest phrase at each position, whose
 * words are then skipped (what a query looks up).
 */
export function matchTerms(tokens: readonly AnalyzedToken[], lexicon: Lexicon, all: boolean): TermMatch[] {
  const out: TermMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const rules = lexicon.phrases.get(tokens[i].stem) ?? [];
    // A question's phrase made of words it asks nothing by ("10" as a compared number, see `quantitySpans`) is none.
    const hits = rules.filter((r) => r.stems.every((s, k) => tokens[i + k]?.stem === s) && (all || r.stems.some((_, k) => !tokens[i + k].stop)));
    if (all) {
      for (const rule of hits) out.push({ term: rule.canonical, from: i, to: i + rule.stems.length, canonical: true });
      if (!tokens[i].stop && !hits.some((r) => r.stems.length === 1)) out.push({ term: tokens[i].stem, from: i, to: i + 1, canonical: false });
      for (const part of tokens[i].parts ?? []) out.push({ term: partTerm(part), from: i, to: i + 1, canonical: false });
      i++;
    } else if (hits.length > 0) {
      out.push({ term: hits[0].canonical, from: i, to: i + hits[0].stems.length, canonical: true });
      i += hits[0].stems.length;
    } else {
      if (!tokens[i].stop) out.push({ term: tokens[i].stem, from: i, to: i + 1, canonical: false });
      i++;
    }
  }
  return out;
}

/** The index terms of a text: plain stems plus every synonym term, stop words left out. */
export function indexTerms(text: string, lexicon: Lexicon): string[] {
  return matchTerms(analyzeTokens(text), lexicon, true).map((m) => m.term);
}

/** The contrast group of a term, or of the word a phrase starts with ("windows server" → Windows vs Linux). */
export function contrastOf(lexicon: Lexicon, term: string): number | undefined {
  return lexicon.contrast.get(term) ?? (term.includes('_') ? lexicon.contrast.get(term.split('_')[0]) : undefined);
}

/** The index term for a word found only inside an identifier (`privileg` in allowPrivilegeEscalation). */
export function partTerm(stem: string): string {
  return `~${stem}`;
}

/**
 * The index term of a statement that states a limit (a claim of kind `limit`): questions asking for a number look it
 * up (see `quantitySpans`). Words never hold `#` (see `tokenize`), so no text or question can produce it.
 */
export const limitCueTerm = '#limit';

/** The index term of a statement that states a limit on a thing (`#limit:node_pool`), from the thing's term. */
export function limitUnitTerm(term: string): string {
  return `${limitCueTerm}:${term}`;
}

/** The terms of a limit's unit ("node pools" → node_pool), as a question names the thing it counts. */
export function unitTerms(unit: string, lexicon: Lexicon): string[] {
  return matchTerms(analyzeTokens(unit), lexicon, false).map((m) => m.term);
}
