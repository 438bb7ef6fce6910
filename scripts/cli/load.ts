import { contentDirFor, loadContentConfig, type ContentConfig } from '../pipeline/config/load-config.ts';
import { buildKnowledgeBase, type BuildResult, type Progress } from '../pipeline/build.ts';
import { readSourceFolder } from '../pipeline/sources/read-folder.ts';
import { readWizardSource } from '../pipeline/wizard/source.ts';
import { defaults } from './paths.ts';

/** Reads the content config and sources and runs the pipeline in memory; nothing is written. */
export async function loadAndBuild(sourcesDir = defaults.sources, progress?: Progress): Promise<BuildResult & { config: ContentConfig }> {
  const config = await loadContentConfig(contentDirFor(sourcesDir, defaults.content));
  const folder = await readSourceFolder(sourcesDir);
  const wizard = await readWizardSource(sourcesDir);
  return { ...buildKnowledgeBase(folder, { ...config, wizard }, progress), config };
}
