import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** File name of the decision tree, beside the sources folder it cites. */
export const wizardFileName = 'wizard.yaml';

/** The decision tree's YAML text and where it came from (for diagnostics). */
export interface WizardSource {
  file: string;
  text: string;
}

/**
 * Reads `wizard.yaml` from the folder that holds the sources folder. The tree cites those sources, so it is looked
 * up beside them and never borrowed from the default content folder: other sources get no wizard.
 */
export async function readWizardSource(sourcesDir: string): Promise<WizardSource | undefined> {
  const file = path.join(path.dirname(path.resolve(sourcesDir)), wizardFileName);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { file, text };
}
