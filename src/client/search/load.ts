// Loads the exported search index in the browser: the manifest comes from the page, the files from the site.
import type { SearchEngine } from '../../shared/query/engine.ts';
import { loadEngine } from '../../shared/query/load.ts';

let loading: Promise<SearchEngine> | undefined;

/** Where the index lives, read from an island's data attributes (`data-index`, `data-files`). */
export interface IndexLocation {
  index: string;
  files: Record<string, string>;
}

/** Reads the index location from an element rendered by SearchButton or the ask page. */
export function indexLocation(el: HTMLElement): IndexLocation {
  return { index: el.dataset.index ?? '/search/', files: JSON.parse(el.dataset.files ?? '{}') as Record<string, string> };
}

/** The query engine, loaded once per page (file names are content-hashed, so HTTP caches keep them). */
export function browserEngine(location: IndexLocation): Promise<SearchEngine> {
  loading ??= loadEngine({ version: '', files: location.files }, async (name) => {
    const response = await fetch(`${location.index}${name}`);
    if (!response.ok) throw new Error(`search index: ${response.status} for ${name}`);
    return response.text();
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
