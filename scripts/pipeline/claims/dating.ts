import type { ClaimRules } from './rules.ts';

/** When a statement was true, and why it may no longer be. */
export interface StatementDate {
  /** The date the statement was true as of: its source's date unless its own text dates it earlier. */
  asOf: string;
  /** Time-relative or lifecycle wording that makes the statement true only as of its date. */
  timeRelative?: string;
}

/** The month before a partial date (`2022-09` → `2022-08`, `2022` → `2021`). */
export function monthBefore(date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (!m) return String(y - 1);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Earliest of some partial dates; ISO prefixes compare correctly as strings. */
const earliest = (dates: string[]) => dates.reduce((a, b) => (b < a ? b : a));

/**
 * Dates one statement. It inherits its source date unless its text dates it: pinned to a product version ("For
 * Kubernetes v1.32"), to a month ("before February 2020"), or speaking in the future tense of a version that has
 * since been released ("will be supported in Windows Server 2022"). Time-relative and lifecycle wording is reported.
 */
export function dateStatement(text: string, sourceDate: string, rules: ClaimRules): StatementDate {
  const d = rules.dating;
  const dates = [sourceDate];
  const reasons: string[] = [];
  const earlier = (date: string | undefined) => date !== undefined && date < sourceDate && dates.push(date);
  if (rules.productVersion) {
    for (const m of text.matchAll(rules.productVersion)) {
      const around = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20);
      const pinned = d.pinBefore?.test(text.slice(0, m.index)) && !d.range?.test(around);
      if (pinned) earlier(d.releases.get(m[1]));
    }
  }
  if (d.month) {
    for (const m of text.matchAll(d.month)) earlier(`${m[2]}-${String(d.months.get(m[1].toLowerCase())).padStart(2, '0')}`);
  }
  if (d.future) {
    for (const m of text.matchAll(d.future)) {
      const next = text.slice(m.index + m[0].length);
      const version = rules.osVersions.find(next).find((h) => h.start < 40);
      const release = version ? d.releases.get(version.id) : undefined;
      if (version && release && release <= sourceDate) {
        earlier(monthBefore(release));
        reasons.push(`speaks of ${rules.osVersions.labels.get(version.id) ?? version.text} in the future tense ("${m[0].trim()}"), though it was released in ${release}`);
      }
    }
  }
  const relative = d.timeRelative.map((re) => re.exec(text)?.[0]).find(Boolean);
  if (relative) reasons.push(`time-relative wording "${relative}"`);
  const stage = d.stage.map((re) => re.exec(text)?.[0]).find(Boolean);
  if (stage) reasons.push(`lifecycle wording "${stage}"`);
  return { asOf: earliest(dates), ...(reasons.length ? { timeRelative: reasons.join('; ') } : {}) };
}
