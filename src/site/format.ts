// Formatting helpers shared by the site pages: partial dates, counts.

const monthDay = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Human form of a partial date (`2023-10-10`, `2023-10`, `2019`) in the site language, e.g. "October 2023". */
export function formatPartialDate(date: string, language = 'en'): string {
  const key = `${language}\u0000${date}`;
  let text = formatted.get(key);
  if (text === undefined) formatted.set(key, (text = formatUncached(date, language)));
  return text;
}

// Pages show the same few dates thousands of times, and building an Intl.DateTimeFormat is slow: format each once.
const formatted = new Map<string, string>();

function formatUncached(date: string, language: string): string {
  const match = monthDay.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year;
  const value = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day ? { day: 'numeric' } : {}),
  }).format(value);
}

/** The newest of some partial dates; ISO prefixes sort correctly as strings. */
export function newestDate(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((newest, date) => (newest === undefined || date > newest ? date : newest), undefined);
}

/** "1 entry" / "3 entries": a count with its noun. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut (for meta descriptions). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.]+$/, '')}…`;
}
