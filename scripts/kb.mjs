#!/usr/bin/env node
// The `kb` command. Plain JavaScript so that it can explain itself on an old Node before loading TypeScript.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `kb needs Node.js 22.18 or newer (found ${process.versions.node}). Run it through npm (\`npm run kb -- …\` or \`npx kb …\`), which uses the project's Node 24.`,
  );
  process.exit(2);
}
// Compiled code is cached on disk (Node 22.1+): loading the pipeline's modules is a good part of a small build.
(await import('node:module')).enableCompileCache?.();
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
