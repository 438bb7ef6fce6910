import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Synonyms } from '../../../src/shared/schemas/synonyms.ts';
import type { Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';
import { asDocumentData, createSearchDocument, manifestFile, type EntryTexts, type StatedCeiling, type SearchDoc, type SearchManifest, type SearchMeta } from '../../../src/shared/search-config.ts';
import { compileLexicon, indexTerms, limitCueTerm, limitUnitTerm, unitTerms, type Lexicon } from '../../../src/shared/query/lexicon.ts';
import { extractAbbreviations } from './abbreviations.ts';
import { buildChunkedIndex, chunkedFrom } from './chunked-index.ts';

/** The search index as files: the manifest, the meta file, FlexSearch's export chunks and per-entry texts. */
export interface SearchIndexFiles {
  manifest: SearchManifest;
  /** File name (relative to the search folder) → content. */
  files: Map<string, string>;
}

/** Index number of every statement (`entry#statement` → number from 0, entry by entry in reading order). */
export function statementNumbers(kb: KnowledgeBase): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const e of kb.entries) for (const s of e.statements) numbers.set(`${e.id}#${s.id}`, numbers.size);
  return numbers;
}

/** Abbreviations the knowledge base defines in its titles and statements ("Azure Kubernetes Service (AKS)"). */
export function abbreviationsOf(kb: KnowledgeBase): [string, string][] {
  return extractAbbreviations(kb.entries.flatMap((e) => [e.title, ...e.statements.map((s) => s.text)]));
}

/** Index numbers of the statements that supersede a statement (its newest few: see `maxReplacements`). */
export function replacementsOf(s: KnowledgeBase['entries'][number]['statements'][number], statementNumber: Map<string, number>): number[] {
  return s.supersededBy.flatMap((b) => statementNumber.get(`${b.entry}#${b.statement}`) ?? []);
}

/** Index terms of texts, kept from one build for the next (the build cache saves it); valid for one lexicon only. */
export interface TermsMemo {
  /** Digest of the synonyms and abbreviations the terms were made with. */
  lexicon: string;
  /** Text → its index terms, space-separated. */
  terms: Map<string, string>;
}

/**
 * The documents to index: entries first (numbers 0 … n-1), then every statement in entry order. Pure, except that
 * `memo` supplies the terms of texts an earlier build analysed and is left holding this build's texts.
 */
export function searchDocs(kb: KnowledgeBase, synonyms: Synonyms, abbreviations: [string, string][], memo?: TermsMemo): SearchDoc[] {
  const lexicon = compileLexicon(synonyms, abbreviations);
  const lexiconKey = hash(JSON.stringify([synonyms, abbreviations]));
  const previous = memo?.lexicon === lexiconKey ? memo.terms : undefined;
  const seen = new Map<string, string>();
  const terms = (text: string) => {
    let t = seen.get(text) ?? previous?.get(text);
    if (t === undefined) t = indexTerms(text, lexicon).join(' ');
    if (memo) seen.set(text, t);
    return t;
  };
  const entryNumber = new Map(kb.entries.map((e, i) => [e.id, i]));
  const statementNumber = statementNumbers(kb);

  const docs: SearchDoc[] = kb.entries.map((e, n) => {
    const headings = e.source.section.filter((h) => h !== e.title);
    const head = e.title.replace(/…$/, '').trim();
    const titleFrom = e.statements.findIndex((s) => s.text.startsWith(head));
    return compact({
      n,
      t: terms([e.title, ...headings].join(' \n ')),
      id: e.id,
      title: e.title,
      type: e.type,
      topics: e.topics,
      source: e.source.id,
      url: e.source.url,
      related: e.related.map((id) => entryNumber.get(id)).filter((x): x is number => x !== undefined),
      wizard: e.wizard ?? undefined,
      verdict: e.verdict ?? undefined,
      q: e.question ? 1 : undefined,
      c: e.statements.length,
      tf: titleFrom >= 0 && head ? titleFrom : undefined,
    });
  });
  for (const e of kb.entries) {
    for (const s of e.statements) {
      const current = s.status === 'current';
      docs.push(
        compact({
          n: kb.entries.length + statementNumber.get(`${e.id}#${s.id}`)!,
          x: [terms(s.text), ...cueTerms(s, lexicon)].join(' '),
          status: current ? undefined : s.status,
          asOf: current ? undefined : s.asOf,
          sup: replacementsOf(s, statementNumber),
        }),
      );
    }
  }
  if (memo) Object.assign(memo, { lexicon: lexiconKey, terms: seen });
  return docs;
}

/**
 * The synthetic terms of a statement that states limits: `limitCueTerm`, and per limit the terms of what it counts
 * (`#limit:node_pool`). Questions asking for a number find it by them, whatever words it uses.
 */
export function cueTerms(s: KnowledgeBase['entries'][number]['statements'][number], lexicon: Lexicon): string[] {
  const limits = s.claims.filter((c) => c.kind === 'limit');
  if (limits.length === 0) return [];
  return [...new Set([limitCueTerm, ...limits.flatMap((c) => (c.unit ? unitTerms(c.unit, lexicon).map(limitUnitTerm) : []))])];
}

/**
 * An entry's file as answers read it: its statements' anchors and texts, the ceilings their limit claims state, and
 * which of them are list items (optional fields only when there are any).
 */
export function entryTexts(statements: readonly KnowledgeBase['entries'][number]['statements'][number][]): EntryTexts {
  const max: Record<number, StatedCeiling[]> = {};
  const bullets: number[] = [];
  statements.forEach((s, i) => {
    const ceilings = s.claims.flatMap((c): StatedCeiling[] => (c.kind === 'limit' && c.direction === 'max' && c.unit ? [[Number(c.value), c.unit]] : []));
    if (ceilings.length > 0) max[i] = ceilings;
    if (s.kind === 'bullet') bullets.push(i);
  });
  return {
    s: statements.map((s) => [s.id, s.text]),
    ...(Object.keys(max).length > 0 ? { max } : {}),
    ...(bullets.length > 0 ? { bullets } : {}),
  };
}

/** Builds the FlexSearch index for a knowledge base and exports it as content-hashed files. Pure. */
export function buildSearchIndex(kb: KnowledgeBase, vocabulary: Vocabulary, synonyms: Synonyms, memo?: TermsMemo): SearchIndexFiles {
  const abbreviations = abbreviationsOf(kb);
  const doc = createSearchDocument();
  for (const d of searchDocs(kb, synonyms, abbreviations, memo)) doc.add(asDocumentData(d));
  const chunks = new Map<string, string>();
  doc.export((key, data) => {
    chunks.set(key, data);
  });
  const texts = kb.entries.map((e) => JSON.stringify(entryTexts(e.statements)));
  const used = new Set(kb.entries.flatMap((e) => e.topics));
  const meta: SearchMeta = {
    version: hash([...chunks].map(([k, v]) => `${k}\n${v}`).join('\n')),
    entries: kb.entries.length,
    statements: kb.entries.reduce((sum, e) => sum + e.statements.length, 0),
    sources: kb.sources.map((s) => ({ id: s.id, title: s.title, url: s.url, date: s.date, scope: s.scope })),
    topics: vocabulary.topics.filter((t) => used.has(t.id)).map((t) => ({ id: t.id, label: t.label })),
    synonyms,
    abbreviations,
  };
  chunks.set('meta', JSON.stringify(meta));
  const files = new Map<string, string>();
  const names: Record<string, string> = {};
  for (const [key, data] of [...chunks].sort(([a], [b]) => a.localeCompare(b))) {
    const name = `${key}.${hash(data)}.json`;
    names[key] = name;
    files.set(name, data);
  }
  const folder = `text-${hash(texts.join('\n'))}/`;
  texts.forEach((data, n) => files.set(`${folder}${n}.json`, data));
  const manifest: SearchManifest = { version: hash([...Object.values(names), folder].join('\n')), files: names, texts: folder };
  return { manifest, files };
}

/** The search index as output files (names relative to the search folder), manifest included. Pure (see searchDocs for `memo`). */
export function searchOutputFiles(kb: KnowledgeBase, config: { vocabulary: Vocabulary; synonyms: Synonyms }, memo?: TermsMemo): Map<string, string> {
  // A large knowledge base is split so a query fetches only what its words need; a small one stays one export.
  const { manifest, files } = (kb.entries.length >= chunkedFrom ? buildChunkedIndex : buildSearchIndex)(kb, config.vocabulary, config.synonyms, memo);
  return new Map([...files, [manifestFile, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** A short content hash for index file names (the first 10 hex digits of its sha256). */
export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/** Drops undefined fields and empty lists so the stored documents stay small. */
function compact(doc: SearchDoc): SearchDoc {
  const out: Record<string, unknown> = {};
  for (const key in doc) {
    const v = doc[key as keyof SearchDoc];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[key] = v;
  }
  return out as SearchDoc;
}
