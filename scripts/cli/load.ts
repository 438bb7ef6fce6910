import { contentDirFor, loadContentConfig, type ContentConfig } from '../pipeline/config/load-config.ts';
import { buildKnowledgeBase, type BuildHooks, type BuildResult, type Progress } from '../pipeline/build.ts';
import { readSourceFolder, type RawFolder } from '../pipeline/sources/read-folder.ts';
import { readWizardSource } from '../pipeline/wizard/source.ts';
import { defaults } from './paths.ts';

/** Work done before the pipeline runs, given its input (the build cache analyses sources here). */
export type PrepareBuild = (folder: RawFolder, config: ContentConfig) => Promise<BuildHooks>;

/** Reads the content config and sources and runs the pipeline in memory; nothing is written. */
export async function loadAndBuild(sourcesDir = defaults.sources, progress?: Progress, prepare?: PrepareBuild): Promise<BuildResult & { config: ContentConfig }> {
  const config = await loadContentConfig(contentDirFor(sourcesDir, defaults.content));
  const folder = await readSourceFolder(sourcesDir);
  const wizard = await readWizardSource(sourcesDir);
  const hooks = prepare ? await prepare(folder, config) : {};
  return { ...buildKnowledgeBase(folder, { ...config, wizard }, progress, hooks), config };
}
