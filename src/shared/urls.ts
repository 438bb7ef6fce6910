/** Site-relative path of an entry page (without the deploy base). */
export function entryPath(id: string): string {
  return `/entries/${id}/`;
}

/** Site-relative path of a source page. */
export function sourcePath(id: string): string {
  return `/sources/${id}/`;
}

/** Site-relative path of a topic page. */
export function topicPath(id: string): string {
  return `/topics/${id}/`;
}

/** Prefixes a site-relative path with the deploy base (`/` or `/sub/path/`). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** Site-relative path of a wizard question; the first question (`root`) lives at `/wizard/`. */
export function wizardNodePath(id: string, root: string): string {
  return id === root ? '/wizard/' : `/wizard/${id}/`;
}

/** Site-relative path of a wizard answer (a leaf of the decision tree). */
export function wizardLeafPath(id: string): string {
  return `/wizard/leaf/${id}/`;
}
