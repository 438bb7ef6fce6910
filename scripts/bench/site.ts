import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../cli/paths.ts';
import { round, runTimed } from './run.ts';

/** An Astro build of one corpus. */
export interface SiteBuild {
  command: string;
  seconds: number;
  peakRssMB: number | null;
  dist: string;
}

/** What the site build needs from the project; everything else (tests, scripts, content) stays out. */
const siteFiles = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Copies the site into its own workspace so that its Astro caches (`.astro/`, the content-layer store) are not
 * shared with other builds running on the machine, and points it at the corpus's `.kb` and content folders.
 */
async function workspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of siteFiles) await cp(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
  await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'astro.bench.mjs'), "import config from './astro.config.mjs';\n\n// Keep the content-layer cache inside this workspace.\nexport default { ...config, cacheDir: './.astro-cache' };\n");
}

/** Builds the site for a corpus: `KB_OUT=<kb> KB_CONTENT=<content> astro build --outDir <dist>`. */
export async function buildSite(options: { kbDir: string; contentDir: string; workDir: string }): Promise<SiteBuild> {
  const ws = path.join(options.workDir, 'site');
  const dist = path.join(options.workDir, 'dist');
  await workspace(ws);
  await rm(dist, { recursive: true, force: true });
  const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const env = { ...process.env, KB_OUT: options.kbDir, KB_CONTENT: options.contentDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() };
  const r = await runTimed(process.execPath, [astro, 'build', '--config', 'astro.bench.mjs', '--outDir', dist], { cwd: ws, env });
  if (r.code !== 0) throw new Error(`astro build failed (${r.code}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  const rel = (p: string) => path.relative(projectRoot, p);
  return {
    command: `KB_OUT=${rel(options.kbDir)} KB_CONTENT=${rel(options.contentDir)} astro build --outDir ${rel(dist)}`,
    seconds: round(r.seconds, 2),
    peakRssMB: r.peakRssMB === null ? null : round(r.peakRssMB, 1),
    dist,
  };
}
