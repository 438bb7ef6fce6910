// Structured data for question entries (schema.org FAQPage), serialised safely for an inline script.
import type { Entry } from '../shared/schemas/entry.ts';
import { currentAnswer } from './catalog.ts';

/** FAQPage JSON-LD for one question entry and its current answer. */
export function faqPageJsonLd(entry: Entry, pageUrl: string, options: { language: string; asOf?: string; sourceUrl: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: pageUrl,
    inLanguage: options.language,
    ...(options.asOf ? { dateModified: options.asOf } : {}),
    isBasedOn: options.sourceUrl,
    mainEntity: [
      {
        '@type': 'Question',
        name: entry.title,
        acceptedAnswer: { '@type': 'Answer', text: currentAnswer(entry), url: pageUrl },
      },
    ],
  };
}

/**
 * JSON for a `<script type="application/ld+json">` body. `<`, `>` and `&` become \u escapes so text such as
 * `</script>` or `<!--` from a source can never end the script element early; U+2028/2029 are escaped too.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
