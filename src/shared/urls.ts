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
