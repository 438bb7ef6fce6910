import type { KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import type { Synonyms } from '../../../src/shared/schemas/synonyms.ts';
import type { Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';
import type { SearchManifest, SearchMeta } from '../../../src/shared/search-config.ts';
import { entryChunkPath, toGaps, type EntryChunk, type PostingsShard, type SearchCore, type ShardTable, type VocabularyShard } from '../../../src/shared/search-chunks.ts';
import type { SearchIndexFiles, TermsMemo } from './build-index.ts';
import { abbreviationsOf, entryTexts, hash, replacementsOf, searchDocs, statementNumbers } from './build-index.ts';

/** Knowledge bases with at least this many entries get the chunked index; smaller ones load as one small export. */
export const chunkedFrom = 1000;

/** Shards are cut once their JSON passes this many bytes (2–3 KB gzipped); a term is never split. */
const shardBytes = 6_000;

/** Entry files per folder (see SearchCore.textBlocks). */
const textBlock = 128;

/** Cuts sorted rows (made one at a time) into shards of about `shardBytes`, named by kind and content hash. */
function shard<T extends [string, ...unknown[]]>(rows: Iterable<T>, kind: string, files: Map<string, string>): ShardTable {
  const table: ShardTable = [];
  let current: T[] = [];
  let size = 0;
  const flush = () => {
    if (current.length === 0) return;
    const data = JSON.stringify(current);
    const name = `${kind}.${hash(data)}.json`;
    files.set(name, data);
    table.push([current[0][0], name]);
    current = [];
    size = 0;
  };
  for (const row of rows) {
    const bytes = JSON.stringify(row).length + 1;
    if (size > 0 && size + bytes > shardBytes) flush();
    current.push(row);
    size += bytes;
  }
  flush();
  return table;
}

/**
 * Builds the chunked index: the same documents and analysed terms as the flat export (`searchDocs`), written as a
 * small core (what ranking needs per entry), vocabulary and posting shards by term, and one file per entry with its
 * texts and display fields. Pure and deterministic.
 */
export function buildChunkedIndex(kb: KnowledgeBase, vocabulary: Vocabulary, synonyms: Synonyms, memo?: TermsMemo): SearchIndexFiles {
  const abbreviations = abbreviationsOf(kb);
  const docs = searchDocs(kb, synonyms, abbreviations, memo);
  const entries = kb.entries.length;
  const titles = new Map<string, number[]>();
  const statements = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, text: string | undefined, n: number) => {
    for (const term of new Set((text ?? '').split(' ').filter(Boolean))) {
      const list = map.get(term);
      if (list) list.push(n);
      else map.set(term, [n]);
    }
  };
  for (const d of docs) {
    if (d.n < entries) add(titles, d.t, d.n);
    else add(statements, d.x, d.n - entries);
  }
  const counts = kb.entries.map((e) => e.statements.length);
  const ownerOf = new Int32Array(counts.reduce((a, b) => a + b, 0));
  let k = 0;
  counts.forEach((c, e) => ownerOf.fill(e, k, (k += c)));
  const terms = [...new Set([...titles.keys(), ...statements.keys()])].sort();
  const vocabRows: VocabularyShard = terms.map((term) => {
    const owners = new Set(titles.get(term) ?? []);
    for (const s of statements.get(term) ?? []) owners.add(ownerOf[s]);
    return [term, owners.size];
  });
  // Rows are made while the shards are cut, so the gap lists never exist all at once beside the postings.
  function* postingRows(): Generator<PostingsShard[number]> {
    for (const term of terms) yield [term, toGaps(titles.get(term) ?? []), toGaps(statements.get(term) ?? [])];
  }

  const files = new Map<string, string>();
  const statementNumber = statementNumbers(kb);
  const entryNumber = new Map(kb.entries.map((e, i) => [e.id, i]));
  const used = new Set(kb.entries.flatMap((e) => e.topics));
  const meta: SearchMeta = {
    version: '',
    entries,
    statements: statementNumber.size,
    sources: kb.sources.map((s) => ({ id: s.id, title: s.title, url: s.url, date: s.date, scope: s.scope })),
    topics: vocabulary.topics.filter((t) => used.has(t.id)).map((t) => ({ id: t.id, label: t.label })),
    synonyms,
    abbreviations,
  };
  const topicIndex = new Map(meta.topics.map((t, i) => [t.id, i]));
  const sourceIndex = new Map(meta.sources.map((s, i) => [s.id, i]));
  const types = [...new Set(kb.entries.map((e) => e.type))].sort();
  const sourceRuns: [number, number][] = [];
  for (const e of kb.entries) {
    const s = sourceIndex.get(e.source.id) ?? -1;
    const last = sourceRuns[sourceRuns.length - 1];
    if (last && last[0] === s) last[1]++;
    else sourceRuns.push([s, 1]);
  }
  const notCurrent: number[][] = [];
  let prev = 0;
  kb.entries.forEach((e) =>
    e.statements.forEach((s) => {
      if (s.status === 'current') return;
      const n = statementNumber.get(`${e.id}#${s.id}`)!;
      notCurrent.push([n - prev, s.status === 'outdated' ? 1 : 2, ...replacementsOf(s, statementNumber)]);
      prev = n;
    }),
  );
  const titleFrom: [number, number][] = [];
  let prevTitle = 0;
  kb.entries.forEach((e, i) => {
    const head = e.title.replace(/…$/, '').trim();
    const from = e.statements.findIndex((s) => s.text.startsWith(head));
    if (from < 0 || !head) return;
    titleFrom.push([i - prevTitle, from]);
    prevTitle = i;
  });
  const core: SearchCore = {
    entries,
    statements: statementNumber.size,
    counts: counts.every((c) => c < 36) ? counts.map((c) => c.toString(36)).join('') : counts,
    questions: toGaps(kb.entries.flatMap((e, i) => (e.question ? [i] : []))),
    titleFrom,
    types,
    type: kb.entries.map((e) => types.indexOf(e.type).toString(36)).join(''),
    sourceRuns,
    topics:
      meta.topics.length <= 36
        ? kb.entries.map((e) => e.topics.map((t) => (topicIndex.get(t) ?? 0).toString(36)).join('')).join(',')
        : kb.entries.map((e) => e.topics.map((t) => topicIndex.get(t) ?? 0)),
    notCurrent,
    vocabulary: shard(vocabRows, 'vocab', files),
    postings: shard(postingRows(), 'post', files),
    textBlock,
    textBlocks: [],
  };
  const texts = kb.entries.map((e) => {
    const asOf: Record<number, string> = {};
    e.statements.forEach((s, i) => {
      if (s.status !== 'current') asOf[i] = s.asOf;
    });
    const chunk: EntryChunk = {
      ...entryTexts(e.statements),
      id: e.id,
      title: e.title,
      url: e.source.url,
      ...(e.wizard ? { wizard: e.wizard } : {}),
      ...(e.verdict ? { verdict: e.verdict } : {}),
      related: e.related.flatMap((id) => {
        const n = entryNumber.get(id);
        return n === undefined ? [] : [[n, id, kb.entries[n].title] as [number, string, string]];
      }),
      ...(Object.keys(asOf).length > 0 ? { asOf } : {}),
    };
    return JSON.stringify(chunk);
  });
  for (let b = 0; b * textBlock < texts.length; b++) {
    const block = texts.slice(b * textBlock, (b + 1) * textBlock);
    core.textBlocks.push(hash(block.join('\n')));
  }
  const coreData = JSON.stringify(core);
  const coreName = `core.${hash(coreData)}.json`;
  files.set(coreName, coreData);
  meta.version = hash([coreName, ...files.keys()].join('\n'));
  const metaData = JSON.stringify(meta);
  const metaName = `meta.${hash(metaData)}.json`;
  files.set(metaName, metaData);
  const folder = 'text/';
  texts.forEach((data, n) => files.set(entryChunkPath(folder, core, n), data));
  const manifest: SearchManifest = { version: hash([metaName, coreName].join('\n')), files: { meta: metaName, core: coreName }, texts: folder };
  return { manifest, files };
}
