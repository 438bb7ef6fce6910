// The render-blocking theme script: applies the remembered theme before first paint (so there is no flash).
import { createHash } from 'node:crypto';

/** localStorage key that remembers the reader's theme choice. */
export const themeStorageKey = 'kb-theme';

/** Inline script source; the toggle (ThemeToggle.astro) writes the same key. */
export const themeInitScript = `try{var t=localStorage.getItem(${JSON.stringify(themeStorageKey)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** CSP hash of the inline script, so `script-src` can allow it without 'unsafe-inline'. */
export const themeInitHash = `sha256-${createHash('sha256').update(themeInitScript).digest('base64')}` as const;
