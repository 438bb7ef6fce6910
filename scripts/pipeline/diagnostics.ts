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
