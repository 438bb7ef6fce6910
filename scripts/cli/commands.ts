import type { ParseArgsConfig } from 'node:util';
import { ask } from './commands/ask.ts';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import { conflicts } from './commands/conflicts.ts';
import { exportKb } from './commands/export.ts';
import { wizard } from './commands/wizard.ts';

/** One CLI command: its flags and what it does. */
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run: (flags: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

/** Every `kb` command by name. */
export const commands: Record<string, Command> = { ask, build, check, conflicts, export: exportKb, wizard };
