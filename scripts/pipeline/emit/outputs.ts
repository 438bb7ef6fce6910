import type { KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import { wizardOutputSchema } from '../../../src/shared/schemas/decision-tree.ts';
import type { BuildResult } from '../build.ts';
import type { ContentConfig } from '../config/load-config.ts';
import { manifestFile } from '../../../src/shared/search-config.ts';
import { searchOutputFiles, type TermsMemo } from '../search-index/build-index.ts';
import type { EntryDraft } from '../entries/build-entries.ts';
import { tagVersions } from '../versions/tags.ts';
import { emitMdx } from './emit-mdx.ts';
import type { OutputFile } from './output-writer.ts';

/** A build result with the content config the search index needs. */
export type OutputSource = BuildResult & { config?: Pick<ContentConfig, 'vocabulary' | 'synonyms'> };

/** An entry's MDX page: its body with the version tags its statements call for, and its data as frontmatter. */
export function entryPage(draft: EntryDraft): string {
  return emitMdx(draft.data, tagVersions(draft.body, draft.data));
}

/** Where an entry's MDX page goes, inside the output folder. */
export function entryFile(id: string): string {
  return `entries/${id}.mdx`;
}

/**
 * `kb.json`: the knowledge base as JSON with each source, entry and conflict on a line of its own, made one item at a
 * time. At 50,000 entries the whole text would be one string of several hundred megabytes, and indenting it all
 * took longer than writing it. `onEntry` sees each entry's JSON as it is made (the build cache keys pages by it).
 */
export function* knowledgeBaseJson(kb: KnowledgeBase, onEntry?: (index: number, json: string) => void): Generator<string> {
  const keys = (Object.keys(kb) as (keyof KnowledgeBase)[]).filter((k) => kb[k] !== undefined);
  for (const [i, key] of keys.entries()) {
    const value = kb[key];
    yield `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`;
    if (Array.isArray(value) && value.length > 0) {
      for (const [k, item] of value.entries()) {
        const json = JSON.stringify(item);
        if (key === 'entries') onEntry?.(k, json);
        yield `${k === 0 ? '[' : ','}\n${json}`;
      }
      yield '\n]';
    } else yield JSON.stringify(value);
  }
  yield keys.length === 0 ? '{}\n' : '}\n';
}

/** The search index and the wizard as output files. Pure and deterministic (see searchDocs for `terms`). */
export function* indexOutputs(result: OutputSource, terms?: TermsMemo): Generator<OutputFile> {
  // Every index file but the manifest is named by a digest of its content (or of its block's), so its name is its
  // identity and the writer need not hash tens of megabytes to find the files a build left unchanged.
  if (result.config) for (const [name, data] of searchOutputFiles(result.kb, result.config, terms)) yield [`search/${name}`, data, name === manifestFile ? undefined : `named ${name}`];
  if (result.wizard) yield ['wizard.json', `${JSON.stringify(wizardOutputSchema.parse(result.wizard), null, 2)}\n`];
}

/** Every file a build writes, entry pages first, each made only when the caller reaches it. */
export function* buildOutputs(result: OutputSource): Generator<OutputFile> {
  for (const draft of result.drafts) yield [entryFile(draft.data.id), entryPage(draft)];
  yield ['kb.json', knowledgeBaseJson(result.kb)];
  yield* indexOutputs(result);
}

/** Every file a build writes, as whole texts keyed by path inside the output folder (for tests and tools). */
export function collectOutputs(result: OutputSource): Map<string, string | Uint8Array> {
  return new Map([...buildOutputs(result)].map(([rel, content]) => [rel, typeof content === 'string' || content instanceof Uint8Array ? content : [...content].join('')]));
}
