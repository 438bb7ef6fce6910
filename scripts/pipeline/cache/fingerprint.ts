import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Code whose changes can change a build's output: the pipeline, the shared schemas and query code, the lockfile. */
export const codeRoots = ['scripts/pipeline', 'src/shared', 'package-lock.json'];

/** sha256 of strings, each length-prefixed so that no two different lists hash alike. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(`${typeof p === 'string' ? Buffer.byteLength(p) : p.byteLength}:`);
    h.update(p);
  }
  return h.digest('hex');
}

async function listFiles(full: string): Promise<string[]> {
  const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!entries) return [full];
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(full, e.name)) : [path.join(full, e.name)])));
  return nested.flat();
}

let memo: Promise<string> | undefined;

/**
 * A version of the code that produces the output: any edit to the pipeline, a schema, a dependency or the Node
 * version gives a new fingerprint, so a cache never serves output an older pipeline made.
 */
export function codeFingerprint(): Promise<string> {
  memo ??= (async () => {
    const files = (await Promise.all(codeRoots.map((r) => listFiles(path.join(root, r))))).flat().filter((f) => /\.(ts|mjs|js|json)$/.test(f)).sort();
    const parts = await Promise.all(files.map(async (f) => [path.relative(root, f), await readFile(f)] as const));
    return digest(process.version, ...parts.flat());
  })();
  return memo;
}
