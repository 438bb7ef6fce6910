import type { ParseArgsConfig } from 'node:util';

/** One CLI command: its flags and what it does. */
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run: (flags: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

/** Every `kb` command by name, each loaded only when run: a command's modules take a good part of a second to load. */
export const commands: Record<string, () => Promise<Command>> = {
  ask: async () => (await import('./commands/ask.ts')).ask,
  build: async () => (await import('./commands/build.ts')).build,
  check: async () => (await import('./commands/check.ts')).check,
  conflicts: async () => (await import('./commands/conflicts.ts')).conflicts,
  export: async () => (await import('./commands/export.ts')).exportKb,
  wizard: async () => (await import('./commands/wizard.ts')).wizard,
};
