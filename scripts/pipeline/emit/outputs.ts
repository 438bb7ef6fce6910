import type { BuildResult } from '../build.ts';
import { emitMdx } from './emit-mdx.ts';
import type { OutputFiles } from './write-output.ts';

/** Every file a build writes, keyed by path inside the output folder. Pure and deterministic. */
export function collectOutputs(result: BuildResult): OutputFiles {
  const files: OutputFiles = new Map();
  for (const draft of result.drafts) files.set(`entries/${draft.data.id}.mdx`, emitMdx(draft.data, draft.body));
  files.set('kb.json', `${JSON.stringify(result.kb, null, 2)}\n`);
  return files;
}
