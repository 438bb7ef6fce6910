import type { Verdict } from '../schemas/entry.ts';
import { actionVerbs, auxiliaryWords, determiners, openQuestionWords, spelledNumbers, verbOrNoun } from './english.ts';
import type { StatedCeiling } from '../search-config.ts';
import { analyzeTokens, contrastOf, indexTerms, matchTerms, unitTerms, type Lexicon } from './lexicon.ts';
import { clauseSpans } from './scope.ts';

// Verdicts from general English wording of the answer ("not supported", "can't", "preview", "Yes,"), read
// against the shape of the question. No per-question tables: every rule is about language, not the domain.

/** What kind of question was asked, as far as a verdict is concerned. */
export interface QuestionShape {
  /** A yes/no question ("can I …?", "is X supported?", "X - works?"). */
  polar: boolean;
  /** Asks for a fact, a way or a list ("how", "which", "what"): no verdict. */
  open: boolean;
  /** Offers two alternatives ("…, or does it have to …?"): the verdict is about the one asking for a capability. */
  choice: boolean;
  /** Asks whether something is needed ("do I have to", "must I", "is … required"). */
  necessity: boolean;
  /** Asks whether something is generally available / out of preview. */
  availability: boolean;
}

const openWords = new Set([...openQuestionWords, 'list', 'show']);
const conjunctions = new Set(['or', 'and', 'but', 'so']);
const polarOpeners = new Set(['supported', 'possible', 'available', 'allowed', 'works', 'working']);
// A capability asked of a place or setting at a question's end ("hostprocess containers supported on aks?").
const polarTailPlace = /\b(?:supported|working|works?|possible|available|allowed|compatible)\s+(?:on|in|with|for|under|by|at|from)\s+[^?.!]*\?\s*$/i;
const polarTail = /\b(supported|support|works?|working|possible|available|allowed|ok|okay|ga|yet|now|right|true|enabled|compatible|recommended|advised|advisable|respected|honou?red|endorsed|by default)(?:\s+or\s+not)?\s*\??\s*$/i;
const necessityPattern = /\b(have to|has to|need to|needs to|must i|must we|must you|required|requirement|necessary|mandatory|do (?:i|we|you) (?:still |really |even |actually |also )?need)\b/i;
const availabilityPattern = /\b(ga|generally available|general availability|out of preview|production[- ]ready)\b/i;

// A default asked about anywhere in a question ("floating IP on by default for pods with calico?") asks yes or no,
// as it does at the question's end (see polarTail).
const askedState = /\bby default\b/i;

// A yes/no question after a comma ("we want a script to run on shutdown, are preStop hooks supported?").
const auxiliaryPattern = [...auxiliaryWords].map((w) => w.replace(/nt$/, "n'?t")).join('|');
const commaQuestion = new RegExp(`,\\s+(?:${auxiliaryPattern})\\s+[^,?]+\\?\\s*$`, 'i');
// A denial asked back ("resource limits just aren't supported for windows pods?") asks whether it holds; a dot
// inside a word (a path, a version) does not end its sentence.
const deniedCapability = /\b(?:isn't|isnt|aren't|arent|doesn't|doesnt|don't|dont|can't|cant|cannot|not)\s+(?:\w+\s+)?(?:supported|support|work|working|possible|available|allowed|honou?red|respected)\b(?:[^?.!]|\.(?=\S))*\?\s*$/i;

// Finite verbs of a sentence that reports what happens ("… shows no disk capacity", "the nodes are still on the old
// image"): a keyword query names things and has none.
const reportedState = /\b(?:is|are|was|were|shows|showed|returns|returned|fails|failed|stays|stayed|works|worked|gets|keeps|kept|seems|seemed|remains|remained)\b/i;

// "Why can't I …?" asks about a capability it takes to be missing: the verdict is about that capability.
const whyNot = /(?:^|[.?!;,]\s+)why\s+(?:can't|cannot|can not|cant|couldn't|couldnt|doesn't|doesnt|does not|don't|dont|do not|won't|wont|isn't|isnt|aren't|arent)\b/i;
// A question word after a comma and a conjunction asks the question ("kubenet is out, so which CNI mode?"), unless
// it only adds to a yes/no question ("does it cover that, and how?").
const trailingOpen = /,\s*(?:and|so|but|then)\s+(?:how|what|whats|which|where|when|why|who)\b/i;

/**
 * True for a question opened by a verb with "can I" left out ("run a container as another user?"): an action verb, or
 * a word that is a verb or a noun followed by a determiner ("upgrade the pool?" but not "upgrade path for …?"). Two
 * alternatives ("upgrade the image or the pool?") ask which, not whether.
 */
function verbFirst(question: string, words: readonly string[]): boolean {
  if (!/\?\s*$/.test(question) || /\s+or\s+/i.test(question) || words.length < 2) return false;
  return actionVerbs.has(words[0]) || (verbOrNoun.has(words[0]) && determiners.has(words[1]));
}

/** Reads the shape of a question from its wording. */
export function questionShape(question: string): QuestionShape {
  // A yes/no question followed by more ("can we have several versions? how do pods find theirs") is answered first:
  // what follows asks how, once the answer is yes.
  const first = /^[^?]*\?(?=\s*\S)/.exec(question)?.[0];
  if (first) {
    const shape = shapeOf(first);
    if (shape.polar) return shape;
    // An issue's title may ask in general ("What file system can be mounted into a windows container?") and its last
    // question ask yes or no about the user's case ("… is NFS storage supported for windows pods at all?").
    const last = /(?:^|[.?!]\s+)((?:[^.?!]|\.(?=\S))*\??)\s*$/.exec(question)?.[1];
    if (last) {
      const lastShape = shapeOf(last);
      if (lastShape.polar) return lastShape;
    }
  }
  return shapeOf(question);
}

/** Where a question offers its second alternative: "or" before an auxiliary ("…, or does it have to …?"). */
const choiceSplit = new RegExp(`,?\\s+or\\s+(?=(?:${auxiliaryPattern})\\b)`, 'i');

/** Wording that asks whether something is needed or is enough: what to do, not what can be done. */
const needPattern = new RegExp(`${necessityPattern.source}|\\b(?:enough|sufficient)\\b`, 'i');

/**
 * The alternative of a choice question that a verdict answers: the one asking for a capability. "Can I run it on
 * Windows nodes, or must it go to Linux?" asks whether it can; "do I need a separate cluster, or can I add Windows
 * nodes to this one?" asks whether adding them works, the need being the fallback. When both ask what is needed
 * ("is TLS at the ingress enough, or must I encrypt pod traffic?") no capability is asked: null.
 */
export function askedAlternative(question: string): string | null {
  const split = choiceSplit.exec(question);
  if (!split) return question;
  const first = question.slice(0, split.index);
  const second = question.slice(split.index + split[0].length);
  if (!needPattern.test(first)) return first;
  return needPattern.test(second) ? null : second;
}

function shapeOf(question: string): QuestionShape {
  // Clauses: sentences, and the parts around a dash or colon ("NFS volumes on AKS - supported?").
  const clauses = clauseSpans(question).map(([from, to]) => analyzeTokens(question.slice(from, to)).map((t) => t.word)).filter((c) => c.length > 0);
  const capability = whyNot.test(question);
  // A clause may open with a conjunction before its auxiliary ("… - or are windows nodes still 2019 only?").
  const polarClause = clauses.some((c) => auxiliaryWords.has(c[0]) || polarOpeners.has(c[0]) || (conjunctions.has(c[0]) && auxiliaryWords.has(c[1]))) || commaQuestion.test(question) || deniedCapability.test(question);
  const open = !capability && (clauses.some((c) => openWords.has(c[0]) || (c[0] === 'and' && openWords.has(c[1]))) || (!polarClause && trailingOpen.test(question)));
  const polar = !open && (capability || polarClause || polarTail.test(question.trim()) || polarTailPlace.test(question.trim()) || (/\?\s*$/.test(question) && askedState.test(question)) || (clauses.length === 1 && verbFirst(question, clauses[0])));
  const choice = polar && choiceSplit.test(question);
  return { polar, open, choice, necessity: necessityPattern.test(question), availability: availabilityPattern.test(question) };
}

/** A number as digits or spelled out, for reading limits ("a six-character name"). */
const numberPattern = String.raw`(\d[\d,]*|${[...spelledNumbers.keys()].join('|')})`;
/** A question asking about more than a number ("longer than 6 characters", "over 100 node pools"). */
const beyondPattern = new RegExp(String.raw`\b(?:(?:more|longer|larger|bigger|greater|higher|wider)\s+than|over|above|beyond|exceed(?:s|ing)?|past)\s+${numberPattern}\b`, 'i');
function toNumber(word: string): number {
  return spelledNumbers.get(word.toLowerCase()) ?? Number(word.replace(/,/g, ''));
}

/**
 * Yes or no to a question about going beyond a number ("can the name be longer than 6 characters?"), from the ceiling
 * the answer states on what the question counts ("a limit of 6 characters": no; "a maximum of 100 node pools" to
 * "more than 8 node pools": yes). A number with no noun after it ("longer than 6?") takes the only ceiling there is.
 */
function beyondCeiling(question: string, ceilings: readonly StatedCeiling[], lexicon: Lexicon): Verdict | null {
  const asked = beyondPattern.exec(question);
  if (!asked || ceilings.length === 0) return null;
  const after = matchTerms(analyzeTokens(question.slice(asked.index + asked[0].length)), lexicon, false)[0];
  const counted = after?.from === 0 ? after.term : null;
  const ceiling = counted === null ? (ceilings.length === 1 ? ceilings[0] : undefined) : ceilings.find(([, unit]) => unitTerms(unit, lexicon).includes(counted));
  if (!ceiling) return null;
  return ceiling[0] > toNumber(asked[1]) ? 'yes' : 'no';
}

/** Wording cues, tested on a statement's lowercase text. */
const cues = {
  leadYes: /^(yes|yep)\b/,
  leadNo: /^no\b(?!\s+(more|longer|other))/,
  // Denials of a capability ("not supported", "can't", "doesn't support"): they answer even a bare keyword query.
  denial: new RegExp(
    [
      String.raw`\bnot\s+(?:be\s+|yet\s+|currently\s+)?(?:supported|available|possible|allowed|implemented|provided|endorsed|enabled|applicable|compatible|permitted)\b`,
      String.raw`\b(?:isn't|aren't|is not|are not)\s+(?:yet\s+|currently\s+)?(?:supported|available|possible|allowed|implemented|provided|endorsed|enabled)\b`,
      String.raw`\b(?:doesn't|don't|didn't|do not|does not|did not|won't|will not)\s+(?:yet\s+|currently\s+)?(?:support|work|apply|allow|have)\b`,
      String.raw`\b(?:can't|cannot|can not|couldn't|mustn't)\b`,
      String.raw`\b(?:unsupported|unavailable|impossible|no effect|no support|not an option|never)\b`,
    ].join('|'),
  ),
  // Any negation: it answers a yes/no question ("Will it touch my Linux pools?" – "… are not affected").
  negative: /\b(?:not|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|cannot|couldn't|mustn't|never|unsupported|unavailable|impossible|no effect|no support)\b/,
  partial: /\b(preview|preliminary|partial|partially|not (?:fully|completely|entirely)|limited|(?:has|have|with) (?:the following |some |several )?limitations|experimental|beta|alpha|not all|some of|for the most part|with caveats|except)\b/,
  // A limit clear enough to answer even a bare keyword query.
  limited: /\b(preview|preliminary|experimental|alpha|beta|partial|partially|not (?:fully|completely|entirely))\b/,
  positive: /\b(supported|supports|support is|available|can|could|allows?|enables?|lets? you|letting you|possible|works?|is able|are able|yes)\b/,
  requirement: /\b(must|required|requires|needs?|have to|has to|always|mandatory|only way)\b/,
  depends: /\b(depends|depending on|it varies|varies by|based on your)\b/,
};

/** True when a statement's own wording gives no verdict (a bare list item: "postStart & preStop container lifecycle hooks"). */
export function saysNoVerdict(text: string): boolean {
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  return ![cues.negative, cues.partial, cues.positive, cues.depends, cues.requirement].some((re) => re.test(t));
}

/** True when a text makes what it says depend on something ("it depends on", "based on your workload requirements"). */
export function isConditional(text: string): boolean {
  return cues.depends.test(text.toLowerCase());
}

/** True when a question asks whether the answer depends on something ("or does that depend on the CNI mode?"). */
export function asksDependence(question: string): boolean {
  return /\b(?:depends?|depending|dependent|vary|varies|based on)\b/i.test(question);
}

/** True for a short label that gives a whole entry its stage ("FEATURE STATE: Kubernetes v1.26 [alpha]"). */
export function isStageLabel(text: string): boolean {
  return text.split(/\s+/).length <= 8 && cues.limited.test(text.toLowerCase());
}

/** True when the text says "only X" where X is an alternative to something the question names. */
function excludesAsked(text: string, asked: Set<string>, lexicon: Lexicon): boolean {
  const tokens = analyzeTokens(text);
  const terms = matchTerms(tokens, lexicon, true);
  const askedGroups = new Map<number, Set<string>>();
  for (const t of asked) {
    const g = contrastOf(lexicon, t);
    if (g === undefined) continue;
    askedGroups.set(g, (askedGroups.get(g) ?? new Set()).add(t));
  }
  if (askedGroups.size === 0) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].word !== 'only') continue;
    for (const m of terms) {
      if (m.from <= i || m.from > i + 6) continue;
      const g = contrastOf(lexicon, m.term);
      if (g !== undefined && askedGroups.has(g) && !askedGroups.get(g)!.has(m.term)) return true;
    }
  }
  return false;
}

/**
 * A recommendation of an alternative: "use HostProcess containers instead", "instead, use a Linux node", "instead of
 * service principals, use managed identities".
 */
const insteadPattern = /\buse\s+([^.;,]{1,80}?)\s+instead\b|\binstead(?:\s+of\s+[^.;,]{1,80})?,?\s+use\s+([^.;,]{1,80})/;

/**
 * True when the text recommends, in place of what it denies, something the question asks about that the rest of the
 * text does not name ("Windows doesn't support privileged containers, use HostProcess Containers instead" answers
 * "can we run it as a hostprocess pod instead?" yes).
 */
function recommendsAsked(text: string, asked: Set<string>, lexicon: Lexicon): boolean {
  const m = insteadPattern.exec(text);
  if (!m) return false;
  const rest = new Set(indexTerms(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`, lexicon));
  return indexTerms(m[1] ?? m[2], lexicon).some((t) => asked.has(t) && !rest.has(t));
}

// Words that open a sentence carrying on from the one before ("This user is not malicious.", "However, …").
const continuation = /^(?:this|that|these|those|it|its|it's|they|their|them|such|so|thus|therefore|hence|however|but|instead|otherwise|then|as a result|in that case|in this case|because|since)\b/i;

/** True when a statement carries on from the one before it, so that it finishes that statement's answer. */
export function continuesStatement(text: string): boolean {
  return continuation.test(text.trim());
}

/** What the verdict reads besides the question and the answer's statements. */
export interface VerdictContext {
  /** The question's index terms. */
  asked: Set<string>;
  lexicon: Lexicon;
  /** The entry's own verdict (from the pipeline), used when the wording gives none. */
  fallback?: Verdict | null;
  /** True when the question matched an outdated statement that this answer replaces. */
  replacesAsked?: boolean;
  /** Ceilings the best-matching statement states (its limit claims). */
  ceilings?: readonly StatedCeiling[];
  /** The question's `questionShape`, when the caller has read it once for all its answers. */
  shape?: QuestionShape;
}

/**
 * The verdict an answer gives to a question. `statements` are the answering entry's current statements that
 * matched the question, best first (and the statement after the best one, second, when it carries on from it).
 */
export function detectVerdict(question: string, statements: readonly string[], context: VerdictContext): Verdict | null {
  const verdict = readVerdict(question, statements, context);
  // A statement about other versions than the asker's ("If you are running a version of Kubernetes older than 1.24,
  // you may need to enable …" to "we're on 1.28: do we still have to enable …?") says the opposite for theirs.
  if (verdict !== 'yes' && verdict !== 'no') return verdict;
  return statements.some((s) => outsideVersions(question, s)) ? (verdict === 'yes' ? 'no' : 'yes') : verdict;
}

/** A version as a text writes it ("1.24", "v1.28.3"), captured as numbers. */
const versionPattern = /\bv?(\d+)\.(\d+)(?:\.(\d+))?\b/g;

/** Versions below one ("older than 1.24", "prior to v1.24") and from one on ("1.25 and later", "since 1.25"). */
const belowVersion = /\b(?:(?:older|earlier|lower)\s+than|before|prior\s+to|below)\s+(?:(?:kubernetes\s+)?version\s+)?(v?\d+\.\d+(?:\.\d+)?)\b/i;
const fromVersion = /\b(v?\d+\.\d+(?:\.\d+)?)\s+(?:and|or)\s+(?:later|newer|above|higher|up)\b|\b(?:since|starting\s+(?:with|from|in)|as\s+of)\s+(?:(?:kubernetes\s+)?version\s+)?(v?\d+\.\d+(?:\.\d+)?)\b/i;

/** The versions in a text as [major, minor, patch]. */
function versionsIn(text: string): number[][] {
  return [...text.matchAll(versionPattern)].map((m) => m.slice(1).map((p) => Number(p ?? 0)));
}

/**
 * Compares two versions part by part: negative, zero or positive. They are plain dotted numbers, never ranges or
 * pre-releases, and semver would add 3 KB gzipped to the chunk that answers questions.
 */
function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * True when a statement holds only for some versions ("older than 1.24", "1.25 and later") and the question names a
 * version of the same line (same major number) that is outside them. A version equal to the bound is left out: a
 * question that repeats it is quoting the text, not naming its own.
 */
function outsideVersions(question: string, statement: string): boolean {
  const below = belowVersion.exec(statement);
  const from = below ? null : fromVersion.exec(statement);
  const bound = below?.[1] ?? from?.[1] ?? from?.[2];
  if (!bound) return false;
  const [limit] = versionsIn(bound);
  const own = versionsIn(question).filter((v) => v[0] === limit[0] && compareVersions(v, limit) !== 0);
  return own.length > 0 && own.every((v) => (below ? compareVersions(v, limit) > 0 : compareVersions(v, limit) < 0));
}

/** The verdict from the wording alone (see `detectVerdict`). */
function readVerdict(question: string, statements: readonly string[], context: VerdictContext): Verdict | null {
  const { asked, lexicon, fallback = null } = context;
  const shape = context.shape ?? questionShape(question);
  if (shape.open || statements.length === 0) return null;
  const texts = statements.map((s) => s.toLowerCase().replace(/[’‘]/g, "'"));
  // A leading "Yes."/"No." answers a yes/no question; a bare keyword query only takes a "No".
  const lead = texts.find((t) => (shape.polar && cues.leadYes.test(t)) || cues.leadNo.test(t));
  if (lead) return cues.leadYes.test(lead) ? 'yes' : 'no';
  if (shape.choice) {
    const asked = askedAlternative(question);
    return asked === null ? null : readVerdict(asked, statements, { ...context, shape: undefined });
  }
  // The best-matching statement decides; the one after it often finishes the answer ("… sshd user. This user
  // is not malicious."), so it counts too.
  const [best, next = ''] = texts;
  const near = (re: RegExp) => re.test(best) || re.test(next);
  // A statement after the best one that rules out *other* things ("… built by other versions are not supported")
  // limits the alternatives, not what was asked. Nor does one that denies something else ("NFS-based storage / volumes
  // aren't supported") overrule a best statement that plainly supports what was asked ("Azure Disks and Azure Files
  // are the supported volume types"), unless it carries on from it.
  const nextDenies = cues.negative.test(next) && !/\bother\b/.test(next) && (continuesStatement(next) || !cues.positive.test(best));
  const nearNegative = cues.negative.test(best) || nextDenies;
  if (texts.some((t) => excludesAsked(t, asked, lexicon))) return 'no';
  // A recommendation in place of what the answer denies ("… do not support service principal rotation. … Instead of
  // service principals, use managed identities") answers yes about the recommended thing; without a denial, "use X
  // instead of creating Y" only describes how X works.
  if (shape.polar && texts.some((t) => cues.negative.test(t)) && texts.some((t) => recommendsAsked(t, asked, lexicon))) return 'yes';
  const beyond = shape.polar ? beyondCeiling(question, context.ceilings ?? [], lexicon) : null;
  if (beyond) return beyond;
  // "It depends on …" leaves the answer open, but a dependency that is missing ("depends on Linux namespaces, which
  // are not implemented on Windows") is a no.
  const conditional = [best, next].find((t) => cues.depends.test(t));
  if (conditional !== undefined) return cues.denial.test(conditional) ? 'no' : 'depends';
  if (!shape.polar) {
    // A report of what happens ("container insights shows no disk capacity for windows nodes") asks why, not whether.
    if (reportedState.test(question)) return null;
    // A bare keyword query ("runAsGroup windows pod") takes only a clear denial or limit in its best statement.
    if (cues.denial.test(best)) return 'no';
    return cues.limited.test(best) ? 'partial' : null;
  }
  if (shape.necessity) {
    if (nearNegative) return 'no';
    if (cues.requirement.test(best)) return 'yes';
    return cues.positive.test(best) ? 'no' : fallback;
  }
  if (cues.negative.test(best) && !cues.partial.test(best)) return 'no';
  if (near(cues.partial)) return shape.availability && cues.partial.test(best) ? 'no' : 'partial';
  if (nearNegative) return 'no';
  // "Is X still …?" answered by what replaced the old statement: no longer ("still not …?": no longer not, yes) –
  // unless the question asks whether X is still supported and the replacement still names X and supports it
  // ("ws2019 still supported?" – "… uses Windows Server 2019 and Windows Server 2022").
  const still = /\bstill\b/i.exec(question);
  if (context.replacesAsked && still) {
    if (/\bstill\s+(not|no|isn't|aren't|can't|cannot|unsupported)\b/i.test(question)) return 'yes';
    const subject = indexTerms(question.slice(0, still.index), lexicon).filter((t) => asked.has(t));
    const kept = new Set(indexTerms(best, lexicon));
    const supportAsked = /\bstill\s+(?:be\s+)?(?:supported|available|possible|allowed|usable|working|works?|an option)\b/i.test(question);
    return supportAsked && subject.length > 0 && subject.every((t) => kept.has(t)) && cues.positive.test(best) ? 'yes' : 'no';
  }
  return fallback ?? 'yes';
}
