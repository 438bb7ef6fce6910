import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Default folders, relative to the project root. */
export const defaults = {
  content: path.join(projectRoot, 'content'),
  sources: path.join(projectRoot, 'content', 'sources'),
  out: path.join(projectRoot, '.kb'),
};
