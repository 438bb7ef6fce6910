import type { TermGroup } from '../../src/shared/schemas/vocabulary.ts';
import type { Random } from './random.ts';

/** How often each kind of token is changed. */
export interface VaryRates {
  /** A term of a version family swapped for the same term of another family. */
  family: number;
  /** A two-part version (`1.29`) given another minor number. */
  version: number;
  /** A plain count (`8`, `400`) scaled. */
  count: number;
}

/** Default rates: most text stays as written; enough changes that sources disagree. */
export const defaultRates: VaryRates = { family: 0.35, version: 0.4, count: 0.35 };

/** One swappable term: its matcher, and its siblings in other families that differ from it only in digits. */
interface FamilyTerm {
  re: RegExp;
  siblings: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letters = (s: string) => s.replace(/\d+/g, '#');

/**
 * Compiles version families (from the vocabulary) into swaps: a term such as "server 2019" can become "server 2022"
 * when another family has a term of the same shape. Only the digits change, so the original casing survives.
 */
export function compileFamilies(groups: readonly TermGroup[]): FamilyTerm[] {
  const out: FamilyTerm[] = [];
  for (const group of groups) {
    for (const term of group.terms) {
      if (!/\d/.test(term)) continue;
      const siblings = groups.filter((g) => g !== group).flatMap((g) => g.terms.filter((t) => letters(t) === letters(term) && t !== term));
      if (siblings.length > 0) out.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'giu'), siblings });
    }
  }
  // Longest first, so "server 2019" is tried before a shorter term inside it.
  return out.sort((a, b) => b.re.source.length - a.re.source.length);
}

/** Copies the digits of `to` into `from`, keeping every other character of `from` as it was. */
function swapDigits(from: string, to: string): string {
  const digits = to.match(/\d+/g) ?? [];
  let k = 0;
  return from.replace(/\d+/g, (d) => digits[k++] ?? d);
}

// A two-part version, bare or after a `v` (`1.29`, `v1.29`), not part of a longer dotted number.
const versionRe = /(?<=(?:^|[^\w.])v?)(\d{1,2})\.(\d{1,2})(?![\w]|\.\d)/g;
// A count: not part of a version, an address, a time, an identifier or a year.
const countRe = /(?<![\w.:/#-])(\d{1,4})(?![\w%:/-]|\.\d)/g;
const isYear = (n: number) => n >= 1900 && n <= 2100;

/**
 * Varies the numbers of one text the way successive revisions of a document do: version families swap, minor
 * versions move, counts scale. Pure for a given random source.
 */
export function varyText(text: string, families: readonly FamilyTerm[], random: Random, rates: VaryRates = defaultRates): string {
  let out = text;
  const swapped: [number, number][] = [];
  for (const f of families) {
    out = out.replace(f.re, (match, offset: number) => {
      if (swapped.some(([a, b]) => offset < b && offset + match.length > a) || !random.chance(rates.family)) return match;
      const next = swapDigits(match, random.pick(f.siblings));
      swapped.push([offset, offset + next.length]);
      return next;
    });
  }
  out = out.replace(versionRe, (match, major: string, minor: string) => {
    if (!random.chance(rates.version)) return match;
    const m = Math.max(0, Number(minor) + random.pick([-3, -2, -1, 1, 2, 3]));
    return `${major}.${m}`;
  });
  out = out.replace(countRe, (match, digits: string) => {
    const n = Number(digits);
    if (n < 2 || isYear(n) || digits.startsWith('0') || !random.chance(rates.count)) return match;
    return String(Math.max(2, Math.round(n * random.pick([0.25, 0.5, 1.5, 2, 4]))));
  });
  return out;
}
