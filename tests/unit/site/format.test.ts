// Unit tests for src/site/format.ts: partial dates, newest date, counts and truncation.
import { describe, expect, it } from 'vitest';
import { countOf, formatPartialDate, newestDate, truncate } from '../../../src/site/format.ts';

describe('site/format', () => {
  it('formats day, month and year precision', () => {
    expect(formatPartialDate('2023-10-10', 'en')).toBe('October 10, 2023');
    expect(formatPartialDate('2022-10', 'en')).toBe('October 2022');
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('someday', 'en')).toBe('someday');
  });

  it('finds the newest partial date', () => {
    expect(newestDate(['2019-05', '2025-01', '2023-10-10'])).toBe('2025-01');
    expect(newestDate([])).toBeUndefined();
  });

  it('counts with the right noun', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
    expect(countOf(2, 'source')).toBe('2 sources');
  });

  it('truncates at a word boundary with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('one two three four five six', 15);
    expect(cut).toBe('one two three…');
    expect(cut.length).toBeLessThanOrEqual(15);
  });
});
