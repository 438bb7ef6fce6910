import { editDistance, typoSubstitution } from './edit-distance.ts';
import type { SearchEngine } from './engine.ts';
import { moneyWords, quantityBeforeNumber, quantityPhrases, questionWords, spelledNumbers, stopWords, verbCues } from './english.ts';
import { analyzeTokens, contrastOf, limitCueTerm, limitUnitTerm, matchTerms, partTerm, phraseAt, type AnalyzedToken } from './lexicon.ts';
import { cleanQuery, maxQueryTokens } from './normalize.ts';
import { entriesWithAny } from './term-bits.ts';

/** One alternative index term a query slot can match, with how much a match through it counts. */
export interface Alternative {
  term: string;
  weight: number;
}

/** One thing the user asked about: a word or phrase, and the index terms that stand for it. */
export interface Slot {
  /** What the user typed for it. */
  surface: string;
  /** The term it was read as. */
  term: string;
  alternatives: Alternative[];
  /** Inverse document frequency over entries (rarer = more telling). */
  idf: number;
  /** True when nothing in the index matches it. */
  unknown: boolean;
  /** True when the user typed it in capitals or with digits (a name, an acronym, a version). */
  named: boolean;
  /**
   * True when a word the index has never seen qualifies it wherever it is asked ("spot VMs", "vertical pod
   * autoscaler"): the question is about a kind of it that the index does not know, so matching it is no answer. Set
   * here for the known parts of an unknown identifier, and by `scopeQuery` (scope.ts) for the rest.
   */
  qualified: boolean;
  /** Contrast group of the term, if any. */
  contrast: number | null;
  /**
   * True for a cue: a synthetic term that the question's wording asks for (`limitCueTerm` when it asks for a number),
   * not a word of it. A cue reorders answers; confidence and abstention never count it (see ask.ts).
   */
  cue: boolean;
}

/** A question or search text, analysed. */
export interface AnalyzedQuery {
  /** The cleaned text that was analysed. */
  text: string;
  tokens: AnalyzedToken[];
  slots: Slot[];
  /** Where each slot's term was read, in reading order (a term asked twice is placed twice). */
  placed: Placed[];
}

/** Weight of a match through a corrected typo. */
const typoWeight = 0.85;
/** Weight of a match on a word inside an identifier. */
const partWeight = 0.6;
/** Weight of a match through completing the word being typed. */
const prefixWeight = 0.9;

/** Edits allowed when correcting a word of this length. */
function allowedEdits(length: number): number {
  return length >= 10 ? 2 : length >= 6 ? 1 : 0;
}

/**
 * The index or lexicon term nearest to an unknown stem by plausible slips (see `typoSubstitution`), if one is close
 * enough; `edits` overrides how many slips the stem's length allows.
 */
export function correctTypo(engine: SearchEngine, word: string, edits?: number): string | null {
  // A stem is shorter than the word typed ("seperate" → "seper"): the slips allowed follow the typed word's length.
  const max = edits ?? allowedEdits(word.length);
  if (max === 0 || /\d/.test(word)) return null;
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestDf = -1;
  const consider = (candidate: string) => {
    // Same first letter and close length: typos rarely hit the first letter, and this keeps the scan cheap.
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > max || candidate.includes('_')) return;
    const d = editDistance(word, candidate, max, typoSubstitution);
    if (d > max || d > bestDistance) return;
    const df = engine.df.get(candidate) ?? 0;
    if (d < bestDistance || df > bestDf) [best, bestDistance, bestDf] = [candidate, d, df];
  };
  for (const candidate of engine.vocabulary) consider(candidate);
  for (const candidate of engine.lexicon.words) consider(candidate);
  return best;
}

/** Suffixes that make a noun of a verb ("select" → "selector", "create" → "creation"), as the stemmer leaves them. */
const derivations = ['or', 'er', 'ion'];

/**
 * The index term an unknown stem is a derivation of, or derives ("selected" → selector, "creation" → create): the
 * stemmer strips inflections, not these, and users name the action where the sources name the thing.
 */
export function derivedTerm(engine: SearchEngine, stemmed: string): string | null {
  if (stemmed.length < 4 || !/^[a-z]+$/.test(stemmed)) return null;
  for (const suffix of derivations) {
    if (engine.vocabularySet.has(stemmed + suffix)) return stemmed + suffix;
    const base = stemmed.endsWith(suffix) ? stemmed.slice(0, -suffix.length) : '';
    if (base.length >= 4 && engine.vocabularySet.has(base)) return base;
  }
  return null;
}

/** Index terms that start with a partly typed word (best-known first). */
export function completions(engine: SearchEngine, prefix: string, limit = 8): string[] {
  if (prefix.length < 2) return [];
  const out: string[] = [];
  let lo = 0;
  let hi = engine.vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (engine.vocabulary[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < engine.vocabulary.length && engine.vocabulary[i].startsWith(prefix); i++) out.push(engine.vocabulary[i]);
  return out
    .map((term) => ({ term, df: engine.df.get(term) ?? 0 }))
    .sort((a, b) => b.df - a.df || a.term.length - b.term.length)
    .slice(0, limit)
    .map((c) => c.term);
}

/**
 * Whether the words at [start, end) of a question look like a name: an acronym (GPU, or sql typed in lowercase),
 * letters with digits (Gen2) or a capitalised word (Bastion). Code-like tokens (NET_ADMIN, spec.os.name, ASP.NET) are
 * values of things the user names otherwise, not names.
 */
export function looksLikeName(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  while (to < text.length && !/\s/.test(text[to])) to++;
  const chunk = text.slice(from, to).replace(/^[("'`]+|[)"'`?!.,;:]+$/g, '');
  if (codeLike.test(chunk)) return false;
  const word = text.slice(start, end);
  // A quantity with its unit (5s, 1.7GB, 30min) or a version mark (v2) is a value, not a name.
  if (quantityOrVersion.test(word)) return false;
  if (/[A-Z]{2,}|[A-Za-z]\d|\d[A-Za-z]/.test(word)) return true;
  // A short word without a vowel is an acronym typed in lowercase ("sql", "smb"): English words have vowels.
  if (/^[b-df-hj-np-tv-xz]{2,5}$/i.test(word)) return true;
  // A capitalised word counts even at the start of a sentence: only unknown words are asked about, and common
  // sentence openers are all known or stop words. After a setting's name it is the setting's value
  // ("mountPropagation Bidirectional", "restartPolicy: Always"), not a name.
  const previous = /(\S+)\s+$/.exec(text.slice(0, from))?.[1] ?? '';
  return /^[A-Z][a-z]/.test(word) && !(codeLike.test(previous) || /[:=]$/.test(previous));
}

/** A number with a unit ("5s", "1.7GB", "100ms", "2x") or a version mark ("v2", "v1.26"). */
const quantityOrVersion = /^(?:\d+(?:\.\d+)?(?:ms|s|secs?|m|mins?|h|hrs?|d|days?|[kmgt]i?b|x|k|%)|v\d+(?:\.\d+)*)$/i;

/** An identifier as code writes it: camelCase, snake_case, dotted paths, key=value, paths. */
export const codeLike = /[_=/\\]|[a-z][A-Z]|[A-Za-z]\.[A-Za-z]/;

/** Inverse document frequency of a set of terms over entries (BM25 form, never negative). */
export function idfOf(engine: SearchEngine, df: number): number {
  const total = engine.entries.length;
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/** A term found in at most this share of entries says what a question is about; commoner ones only frame it. */
export const tellingShare = 0.15;

/** The idf from which a query term is telling (see `tellingShare`). */
export function tellingIdf(engine: SearchEngine): number {
  return idfOf(engine, tellingShare * engine.entries.length);
}

/**
 * Analyses a question: cleans it, corrects typos against the index vocabulary, reads synonym phrases, drops
 * stop and question words, and adds related terms. With `prefix`, the last word may be incomplete (search as
 * you type) and also matches the index terms it starts.
 */
export function analyzeQuery(engine: SearchEngine, raw: string, options: { prefix?: boolean } = {}): AnalyzedQuery {
  // Markup is not wording: a pasted tag (<img src=x …>) is read as nothing.
  const text = cleanQuery(raw).replace(/<\/?[a-z][^<>]*>/gi, ' ');
  const tokens = analyzeTokens(text).slice(0, maxQueryTokens);
  // The number a quantity phrase asks about ("more than 600 services") is a value the verdict compares, not a word to
  // find: statements that happen to hold it are no better answers, and one the index lacks is no unknown thing.
  const quantities = quantitySpans(tokens);
  for (const [from, to] of quantities) if (to - from > 1 && isNumber(tokens[to - 1].word)) tokens[to - 1].stop = true;
  const typing = options.prefix === true && tokens.length > 0 && tokens[tokens.length - 1].end === text.length;
  const corrected = new Set<number>();
  tokens.forEach((token, i) => {
    if (token.stop || engine.vocabularySet.has(token.stem) || engine.lexicon.words.has(token.stem)) return;
    if (typing && i === tokens.length - 1) return;
    const fix = correctTypo(engine, token.stem) ?? correctTypo(engine, token.word) ?? (token.stem.length >= 5 ? correctTypo(engine, token.stem, allowedEdits(token.word.length)) : null) ?? derivedTerm(engine, token.stem);
    if (fix) {
      token.stem = fix;
      corrected.add(i);
    }
  });

  const slots: Slot[] = [];
  const seen = new Set<string>();
  const placed: Placed[] = [];
  const partsOfUnknown = new Set<string>();
  const addSlot = (term: string, from: number, to: number, extra: Alternative[] = [], forceNamed = false) => {
    placed.push({ term, from, to });
    if (seen.has(term)) return;
    seen.add(term);
    const surfaceTokens = tokens.slice(from, to);
    const surface = text.slice(surfaceTokens[0].start, surfaceTokens[surfaceTokens.length - 1].end);
    const weight = surfaceTokens.some((_, k) => corrected.has(from + k)) ? typoWeight : 1;
    const alternatives: Alternative[] = [{ term, weight }, ...extra];
    // The word inside an identifier (privileged in allowPrivilegeEscalation) is a weaker match than the word itself.
    if (engine.vocabularySet.has(partTerm(term))) alternatives.push({ term: partTerm(term), weight: partWeight * weight });
    for (const r of engine.lexicon.related.get(term) ?? []) alternatives.push({ term: r.term, weight: r.weight * weight });
    // Related terms borrow the typed word's rarity; only a word the index lacks is judged by its stand-ins.
    const own = postingsSize(engine, term);
    const df = own > 0 && extra.length === 0 ? own : unionDf(engine, alternatives.map((a) => a.term));
    slots.push({
      surface,
      term,
      alternatives,
      idf: idfOf(engine, df),
      unknown: df === 0,
      named: forceNamed || looksLikeName(text, surfaceTokens[0].start, surfaceTokens[surfaceTokens.length - 1].end),
      qualified: false,
      contrast: contrastOf(engine.lexicon, term) ?? null,
      cue: false,
    });
  };

  for (const m of matchTerms(tokens, engine.lexicon, false)) {
    const isLast = typing && m.to === tokens.length;
    if (isLast && !m.canonical) {
      const partial = tokens[m.from].word;
      const extra = completions(engine, partial)
        .filter((t) => t !== m.term)
        .map((t) => ({ term: t, weight: prefixWeight }));
      addSlot(m.term, m.from, m.to, extra);
      continue;
    }
    // An acronym of words the question spells out ("the cluster autoscaler … isn't CA compatible?") stands for them,
    // and they are asked already.
    if (!m.canonical && m.to - m.from === 1 && postingsSize(engine, m.term) === 0 && spelledOutAcronym(text, tokens, m.from)) continue;
    // An identifier the index never uses (terminationGracePeriod) falls back to its parts. When half or more of its
    // parts are unknown too (PodDisruptionBudget, maxSurge), it names a thing the index lacks: it stays a slot of its
    // own, a name, and its known parts only describe that thing. With most parts known (memoryRssBytes) the parts
    // say what it is.
    const parts = tokens[m.from].parts;
    if (!m.canonical && parts && !engine.vocabularySet.has(m.term)) {
      const isKnown = (p: string) => engine.vocabularySet.has(p) || engine.vocabularySet.has(partTerm(p));
      const known = parts.filter(isKnown);
      const whole = known.length * 2 <= parts.length;
      if (whole) addSlot(m.term, m.from, m.to, [], true);
      for (const part of known) {
        if (whole && !slots.some((s) => s.term === part)) partsOfUnknown.add(part);
        addSlot(part, m.from, m.to);
      }
      if (known.length > 0 || whole) continue;
    }
    // A bare number coordinated with a versioned name ("windows 2019 to 2022", "ws2019 and 2022") is that name with
    // the other number: English leaves out the words the two share.
    const elided = elidedVersion(engine, tokens, m, placed);
    if (elided) {
      addSlot(elided, m.from, m.to);
      continue;
    }
    // A synonym phrase the index never uses falls back to its words.
    if (m.canonical && postingsSize(engine, m.term) === 0 && m.to - m.from > 1) {
      for (let i = m.from; i < m.to; i++) if (!tokens[i].stop) addSlot(tokens[i].stem, i, i + 1);
      continue;
    }
    // So does an abbreviation the index never uses: it means the words it stands for (CRI → container runtime).
    const expansion = m.canonical && m.to - m.from === 1 && postingsSize(engine, m.term) === 0 ? expandedWords(engine, m.term) : [];
    if (expansion.length > 0) {
      for (const word of expansion) addSlot(word, m.from, m.to);
      continue;
    }
    addSlot(m.term, m.from, m.to);
    // A phrase typed as a number (a build number such as 10.0.20348) is telling as that number too.
    const typed = text.slice(tokens[m.from].start, tokens[m.to - 1].end);
    if (m.canonical && !/\p{L}/u.test(typed)) for (let i = m.from; i < m.to; i++) if (tokens[i].stem.length >= 3 && engine.vocabularySet.has(tokens[i].stem)) addSlot(tokens[i].stem, i, i + 1);
  }
  for (const slot of slots) if (partsOfUnknown.has(slot.term)) slot.qualified = true;
  const cue = quantityCueSlot(engine, text, tokens, quantities, slots, placed);
  if (cue) slots.push(cue);
  return { text, tokens, slots, placed };
}

/**
 * Share of a question's information (the idf of its slots) that the limit cue weighs. The cue terms are rare, so
 * their own idf would outweigh the question's words; capped, the cue decides between answers the words match about
 * as well.
 */
export const cueShare = 0.2;

/** Weight of a match on a statement that states some limit, but not one on the thing the question counts. */
export const anyLimitWeight = 0.25;

/**
 * The cue slot of a question that asks for a number or a limit (its `quantitySpans`): it matches statements that
 * state a limit, fully where the limit is on the thing the question counts ("how many agent pools" → a limit in node
 * pools), so "how many agent pools can a cluster have" prefers the statement giving that number to one that merely
 * names node pools and clusters. None when the question has no other slot or the index states no limit.
 */
function quantityCueSlot(engine: SearchEngine, text: string, tokens: readonly AnalyzedToken[], spans: readonly [number, number][], slots: readonly Slot[], placed: readonly Placed[]): Slot | null {
  if (spans.length === 0 || slots.length === 0 || !engine.vocabularySet.has(limitCueTerm)) return null;
  // The thing counted is named right before the wording ("node count") or right after it ("max pods").
  const counted = new Set<string>();
  for (const [from, to] of spans) {
    const [before, after] = [phraseAround(text, tokens, from, -1), phraseAround(text, tokens, to - 1, 1)];
    for (const p of placed) if ((p.from >= before && p.to <= from) || (p.from >= to && p.to <= after)) counted.add(p.term);
  }
  const alternatives: Alternative[] = [...counted].map(limitUnitTerm).filter((term) => engine.vocabularySet.has(term)).map((term) => ({ term, weight: 1 }));
  alternatives.push({ term: limitCueTerm, weight: anyLimitWeight });
  const idf = Math.min(idfOf(engine, postingsSize(engine, limitCueTerm)), cueShare * slots.reduce((sum, s) => sum + s.idf, 0));
  const surface = text.slice(tokens[spans[0][0]].start, tokens[spans[0][1] - 1].end);
  return { surface, term: limitCueTerm, alternatives, idf, unknown: false, named: false, qualified: false, contrast: null, cue: true };
}

/**
 * The end of the phrase next to token `at` in a direction (-1: the index of its first token; 1: just past its
 * last): words joined by spaces, hyphens or slashes, no stop word or punctuation between them.
 */
function phraseAround(text: string, tokens: readonly AnalyzedToken[], at: number, direction: -1 | 1): number {
  let i = at;
  for (;;) {
    const next = i + direction;
    const t = tokens[next];
    if (!t || t.stop) break;
    // The first word next to the wording may follow a colon or a dash ("max: 8 pools"); the rest must be joined.
    const gap = direction > 0 ? text.slice(tokens[i].end, t.start) : text.slice(t.end, tokens[i].start);
    if (i !== at && !/^(?:\s+|[-/])$/.test(gap)) break;
    i = next;
  }
  return direction > 0 ? i + 1 : i;
}

/**
 * The token spans of wording that asks for a number or a limit (`quantityPhrases`: "how many", "max", "at least",
 * "longest"), with the number when the wording compares with one ("more than 8", see `quantityBeforeNumber`). A cue
 * word right after "to", a pronoun or a modal is a verb ("how do I limit CPU", "can I count them"), and a question
 * about money ("how much does it cost") asks for a price, not a limit.
 */
export function quantitySpans(tokens: readonly AnalyzedToken[]): [number, number][] {
  if (tokens.some((t) => moneyWords.has(t.word))) return [];
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const verb = i > 0 && verbCues.has(tokens[i - 1].word);
    const compared = quantityBeforeNumber.find((p) => phraseAt(tokens, i, p) && isNumber(tokens[i + p.length]?.word));
    const length = compared ? compared.length + 1 : quantityPhrases.find((p) => phraseAt(tokens, i, p) && !(verb && p.length === 1))?.length;
    if (length === undefined) continue;
    spans.push([i, i + length]);
    i += length - 1;
  }
  return spans;
}

/** True for a number as a question types it: digits ("100"; "1,000" reads as "1") or a spelled-out number. */
function isNumber(word: string | undefined): boolean {
  return word !== undefined && (/^\d+$/.test(word) || spelledNumbers.has(word));
}

/**
 * True when token `at` is an acronym as typed (2–5 capitals, maybe a plural "s") whose letters start consecutive words
 * elsewhere in the question ("CA" after "cluster autoscaler", "OOM" for "out of memory": stop words may stand among
 * them, but the last is no stop word and the first no question word, so "can a" is no "CA"). A writer who defines it
 * in passing means those words. A name that ends in capitals ("WinDSR") is read so only with its words in parentheses
 * right after it ("WinDSR (direct server return)").
 */
function spelledOutAcronym(text: string, tokens: readonly AnalyzedToken[], at: number): boolean {
  const typed = text.slice(tokens[at].start, tokens[at].end);
  const whole = /^([A-Z]{2,5})s?$/.exec(typed)?.[1];
  const tail = whole ? undefined : /[a-z]([A-Z]{2,5})$/.exec(typed)?.[1];
  const letters = (whole ?? tail)?.toLowerCase();
  if (!letters) return false;
  const spells = (i: number) =>
    i >= 0 && i + letters.length <= tokens.length && !questionWords.has(tokens[i].word) && !tokens[i + letters.length - 1].stop && tokens.slice(i, i + letters.length).every((t, k) => t.word[0] === letters[k]);
  if (tail) return /^\s*\($/.test(text.slice(tokens[at].end, tokens[at + 1]?.start ?? text.length)) && spells(at + 1);
  for (let i = 0; i + letters.length <= tokens.length; i++) if (!(i <= at && at < i + letters.length) && spells(i)) return true;
  return false;
}

/** Words that join two alternatives or the ends of a range ("2019 to 2022", "2019 or 2022"). */
const coordinators = new Set(['to', 'and', 'or', 'vs', 'versus', 'through', 'then', 'from']);

/**
 * The versioned term a bare number stands for when it is coordinated with a versioned name just before it
 * ("windows 2019 to 2022" → windows_server_2022), if the index knows that term.
 */
export function elidedVersion(engine: SearchEngine, tokens: readonly AnalyzedToken[], m: { term: string; from: number; to: number; canonical: boolean }, placed: readonly Placed[]): string | null {
  if (m.canonical || m.to - m.from !== 1 || !/^\d+$/.test(tokens[m.from].word)) return null;
  const previous = placed[placed.length - 1];
  if (!previous) return null;
  const between = tokens.slice(previous.to, m.from);
  if (between.length > 2 || !between.every((t) => coordinators.has(t.word))) return null;
  const version = /^(.+_)\d+$/.exec(previous.term);
  if (!version) return null;
  const candidate = version[1] + tokens[m.from].word;
  return candidate !== previous.term && engine.vocabularySet.has(candidate) ? candidate : null;
}

/** Where a slot's term was read in the question: tokens `from` to `to` (exclusive). */
export interface Placed {
  term: string;
  from: number;
  to: number;
}

/**
 * The words the index knows of the longer synonyms of a term (cri → container runtime interface → contain, runtim,
 * interfac), from the synonyms whose last word, the head that says what the thing is, the index knows: hpa →
 * horizontal pod autoscaler is an autoscaler, but ssh → secure shell, with no "shell" in the index, is not a question
 * about security.
 */
export function expandedWords(engine: SearchEngine, term: string): string[] {
  const words = new Set<string>();
  for (const rules of engine.lexicon.phrases.values())
    for (const rule of rules) {
      if (rule.canonical !== term || rule.stems.length < 2) continue;
      const content = rule.stems.filter((w) => w.length > 1 && !stopWords.has(w));
      if (content.length > 0 && engine.vocabularySet.has(content[content.length - 1])) for (const w of content) if (engine.vocabularySet.has(w)) words.add(w);
    }
  return [...words];
}

function postingsSize(engine: SearchEngine, term: string): number {
  return engine.df.get(term) ?? 0;
}

function unionDf(engine: SearchEngine, terms: string[]): number {
  if (terms.length === 1) return postingsSize(engine, terms[0]);
  return entriesWithAny(engine, terms.filter((term) => engine.vocabularySet.has(term)));
}
