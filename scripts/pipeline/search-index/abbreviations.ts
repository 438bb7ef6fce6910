// Abbreviations the sources define themselves ("Azure Front Door (AFD)"), so questions may use either form.

const definition = /\(([A-Z][A-Za-z0-9]{1,9})\)/g;

/**
 * The long form that an abbreviation abbreviates, read backwards from the words before it (Schwartz & Hearst,
 * "A simple algorithm for identifying abbreviation definitions in biomedical text", 2003).
 */
export function longFormFor(short: string, before: string): string | null {
  const s = short.toLowerCase();
  const l = before.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si];
    if (!/[a-z0-9]/.test(c)) {
      si--;
      continue;
    }
    // The abbreviation's first character must start a word of the long form.
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1])))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const long = before.slice(start).trim();
  return long.length > short.length ? long : null;
}

/** Every `long form (ABBR)` pair in the texts, deduplicated, as [long form, abbreviation]. */
export function extractAbbreviations(texts: Iterable<string>): [string, string][] {
  const found = new Map<string, [string, string]>();
  for (const text of texts) {
    for (const match of text.matchAll(definition)) {
      const raw = match[1];
      const short = raw.length > 2 && raw.endsWith('s') && /[A-Z]s$/.test(raw) ? raw.slice(0, -1) : raw;
      if ((short.match(/[A-Z]/g) ?? []).length < 2) continue;
      const words = text.slice(0, match.index).trimEnd().split(/\s+/);
      const window = words.slice(-Math.min(short.length + 5, short.length * 2)).join(' ');
      const long = longFormFor(short, window);
      if (!long) continue;
      const wordCount = long.split(/\s+/).length;
      if (wordCount < 2 || wordCount > short.length + 1) continue;
      const key = `${long.toLowerCase()}|${short.toLowerCase()}`;
      if (!found.has(key)) found.set(key, [long, short]);
    }
  }
  return [...found.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
}
