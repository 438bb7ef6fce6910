// Loads the exported search index in the browser: the manifest comes from the page, the files from the site.
import type { SearchEngine } from '../../shared/query/engine.ts';
import { loadEngine } from '../../shared/query/load.ts';
import type { SearchManifest } from '../../shared/search-config.ts';

let loading: Promise<SearchEngine> | undefined;

/** Where the index lives, read from an island's data attributes (`data-index`, `data-manifest`). */
export interface IndexLocation {
  index: string;
  manifest: SearchManifest;
}

/** Reads the index location from an element rendered by SearchButton or the ask page. */
export function indexLocation(el: HTMLElement): IndexLocation {
  return { index: el.dataset.index ?? '/search/', manifest: JSON.parse(el.dataset.manifest ?? '{"version":"","files":{},"texts":""}') as SearchManifest };
}

/** The query engine, loaded once per page (file names are content-hashed, so HTTP caches keep them). */
export function browserEngine(location: IndexLocation): Promise<SearchEngine> {
  loading ??= loadEngine(location.manifest, async (name) => {
    const response = await fetch(`${location.index}${name}`);
    if (!response.ok) throw new Error(`search index: ${response.status} for ${name}`);
    return response.text();
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
