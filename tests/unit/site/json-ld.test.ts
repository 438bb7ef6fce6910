// Unit tests for src/site/json-ld.ts: FAQPage shape and script-safe serialisation.
import { describe, expect, it } from 'vitest';
import { faqPageJsonLd, serializeJsonLd } from '../../../src/site/json-ld.ts';
import { makeEntry } from './fixtures.ts';

describe('site/json-ld', () => {
  const entry = makeEntry({
    id: 'q',
    title: 'Can I <script>?',
    question: true,
    statements: [
      { id: 's-a', text: 'Old answer.', kind: 'sentence', asOf: '2019', status: 'outdated' },
      { id: 's-b', text: 'Yes, see </script><script>alert(1)</script> & more.', kind: 'sentence', asOf: '2024' },
    ],
    text: 'x',
  });

  it('answers with the current statements only', () => {
    const data = faqPageJsonLd(entry, 'https://kb.example/entries/q/', { language: 'en', asOf: '2024', sourceUrl: 'https://src' });
    expect(data['@type']).toBe('FAQPage');
    expect(data.mainEntity[0].name).toBe('Can I <script>?');
    expect(data.mainEntity[0].acceptedAnswer.text).toBe('Yes, see </script><script>alert(1)</script> & more.');
  });

  it('serialises without any "<" so the script element cannot be closed early', () => {
    const json = serializeJsonLd(faqPageJsonLd(entry, 'https://kb/', { language: 'en', sourceUrl: 'https://src' }));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json).mainEntity[0].acceptedAnswer.text).toContain('</script><script>');
    expect(serializeJsonLd({ t: '\u2028' })).toBe('{"t":"\\u2028"}');
  });
});
