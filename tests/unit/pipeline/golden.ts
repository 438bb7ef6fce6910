import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Compares `actual` with a golden file; writes the file when it is missing or UPDATE is set. */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** JSON with positions reduced to start lines, for readable golden trees. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, (key, v) => (key === 'position' ? (v?.start?.line ?? undefined) : v), 2)}\n`;
}
