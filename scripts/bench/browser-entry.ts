// Bundled by the benchmark into the built site (`__bench/kb-search.js`): the site's own index loader and search
// call, exposed so that headless Chromium can time them without the dialog's rendering.
import { browserEngine } from '../../src/client/search/load.ts';
import { searchEntries } from '../../src/shared/query/search.ts';
import { manifestFile, type SearchManifest } from '../../src/shared/search-config.ts';

/** Loads the engine exactly as the search dialog does, from the site's `/search/` folder. */
export async function openEngine(index: string) {
  const response = await fetch(`${index}${manifestFile}`);
  const manifest = (await response.json()) as SearchManifest;
  return browserEngine({ index, manifest });
}

export { searchEntries };
