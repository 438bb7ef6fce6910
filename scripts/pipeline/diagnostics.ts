import type { z } from 'zod';

/** One problem found in the input, located by file and line. */
export interface Diagnostic {
  file: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Formats a diagnostic as `file:line: severity: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`;
}

/** Thrown when the input has errors; carries every diagnostic found. */
export class BuildError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'BuildError';
    this.diagnostics = diagnostics;
  }
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Schema problems as diagnostics: each names the field path and the line of the nearest node that exists (a
 * missing field is reported at its parent).
 */
export function zodDiagnostics(error: z.ZodError, file: string, lineOf: (path: (string | number)[]) => number | undefined, root: string): Diagnostic[] {
  return error.issues.map((issue) => {
    const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    let line: number | undefined;
    for (let n = p.length; n >= 0 && line === undefined; n--) line = lineOf(p.slice(0, n));
    return { file, line, severity: 'error' as const, message: `${p.join('.') || root}: ${issue.message}` };
  });
}
