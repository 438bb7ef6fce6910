import { parseArgs } from 'node:util';
import { BuildError, formatDiagnostic } from '../pipeline/diagnostics.ts';
import { commands } from './commands.ts';

const usage = `kb: a version-aware knowledge-base generator

Usage:
  kb build     [--sources DIR] [--out DIR]   run the pipeline and write MDX, JSON and the search index
               [--cache DIR | --no-cache]    content-hash cache (default: beside the output, e.g. .kb-cache)
               [--workers N]                 threads for parsing and rendering (default: one per core)
  kb check     [--sources DIR]               validate sources and metadata; print file:line: problems
  kb export    --json [--sources DIR]        print the knowledge base as JSON
  kb conflicts [--sources DIR] [--json]      list subjects whose statements disagree
  kb ask       ["question"] [--json]         answer a question (one per stdin line without an argument)
  kb wizard    [--json] [--uncovered]        print the decision tree, or the capability statements no leaf covers
`;

/** Entry point of the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    // No command, or a request for help, prints the usage; anything else is an unknown command.
    if (!name || ['--help', '-h'].includes(name)) {
      console.log(usage);
      return 0;
    }
    console.error(`kb: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  const command = await load();
  let args;
  try {
    args = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`kb ${name}: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(args.values as Record<string, string | boolean | undefined>, args.positionals);
  } catch (error) {
    if (error instanceof BuildError) {
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      console.error(`kb ${name}: failed with ${error.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written.`);
      return 1;
    }
    console.error(`kb ${name}: ${(error as Error).message}`);
    return 1;
  }
}
