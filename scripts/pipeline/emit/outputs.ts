import type { BuildResult } from '../build.ts';
import type { ContentConfig } from '../config/load-config.ts';
import { searchOutputFiles, type TermsMemo } from '../search-index/build-index.ts';
import { wizardOutputSchema } from '../../../src/shared/schemas/decision-tree.ts';
import { emitMdx } from './emit-mdx.ts';
import type { OutputFiles } from './write-output.ts';

/** What a caller (the build cache) can supply to collectOutputs: work an earlier build did. */
export interface CollectOptions {
  /** Renders one entry; defaults to emitMdx. */
  emit?: typeof emitMdx;
  /** Index terms of texts an earlier build analysed (see searchDocs). */
  terms?: TermsMemo;
}

/** Every file a build writes, keyed by path inside the output folder. Pure and deterministic. */
export function collectOutputs(result: BuildResult & { config?: Pick<ContentConfig, 'vocabulary' | 'synonyms'> }, { emit = emitMdx, terms }: CollectOptions = {}): OutputFiles {
  const files: OutputFiles = new Map();
  for (const draft of result.drafts) files.set(`entries/${draft.data.id}.mdx`, emit(draft.data, draft.body));
  files.set('kb.json', `${JSON.stringify(result.kb, null, 2)}\n`);
  if (result.config) for (const [name, data] of searchOutputFiles(result.kb, result.config, terms)) files.set(`search/${name}`, data);
  if (result.wizard) files.set('wizard.json', `${JSON.stringify(wizardOutputSchema.parse(result.wizard), null, 2)}\n`);
  return files;
}
