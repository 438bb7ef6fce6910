/** What replacing one letter by another costs. */
export type SubstitutionCost = (a: string, b: string) => number;

const anySubstitution: SubstitutionCost = () => 1;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "kubenretes" is one edit from
 * "kubernetes"), giving up early: returns `max + 1` as soon as the distance must exceed `max`. `substitute` prices
 * replacing a letter (1 by default, as Levenshtein does).
 */
export function editDistance(a: string, b: string, max: number, substitute: SubstitutionCost = anySubstitution): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : substitute(a[i - 1], b[j - 1]);
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Letter positions on a QWERTY keyboard (row, column with the rows' stagger). */
const keyPosition = new Map<string, [number, number]>(
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row, r) => [...row].map((key, c): [string, [number, number]] => [key, [r, c + [0, 0.25, 0.75][r]]])),
);

const vowels = new Set('aeiouy');

/**
 * Substitution cost of a typing or spelling slip: a neighbouring key (windoes) or one vowel for another (autoscalar,
 * privilaged) costs one edit; any other letter costs two, as if deleted and retyped. A real word one unrelated letter
 * away from an index word ("defend" and "depend") is then another word, not a typo of it.
 */
export const typoSubstitution: SubstitutionCost = (a, b) => {
  if (vowels.has(a) && vowels.has(b)) return 1;
  const p = keyPosition.get(a);
  const q = keyPosition.get(b);
  return p && q && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1 ? 1 : 2;
};
