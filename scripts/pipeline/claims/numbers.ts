/** Reads a number written as digits (`1,000`) or as a number word (`eight`); undefined when it is neither. */
export function parseNumber(token: string, words: ReadonlyMap<string, number>): number | undefined {
  const digits = token.replace(/,/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  return words.get(token.toLowerCase());
}

/** A number for display in a language, with digit grouping (`1,000`). */
export function formatNumber(n: number, language = 'en'): string {
  return new Intl.NumberFormat(language).format(n);
}
