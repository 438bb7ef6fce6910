import { describe, expect, test } from 'vitest';
import { buildWizard } from '../../../../scripts/pipeline/wizard/build-wizard.ts';
import { fixtureEntry, fixtureSource, labelsYaml, lineOf } from './fixtures.ts';

const entries = [fixtureEntry('doc-a', ['Feature A is supported.', 'Feature B is not supported.'])];
const leaf = (id: string, quote = 'Feature A is supported.') => `  - { id: ${id}, title: ${id}, verdict: yes, explanation: x, citations: [{ entry: doc-a, quote: ${quote} }] }\n`;
const errorsOf = (text: string) => buildWizard({ file: 'wizard.yaml', text }, entries, [fixtureSource]).diagnostics.filter((d) => d.severity === 'error');

describe('pipeline/wizard/structure', () => {
  test('an unreachable node and an unreachable leaf are reported with their lines', () => {
    const text = `${labelsYaml}root: area
nodes:
  - id: area
    prompt: Q?
    options: [{ label: A, next: a }, { label: B, next: b }]
  - id: orphan
    prompt: Nobody asks this?
    options: [{ label: A, next: a }, { label: C, next: c }]
leaves:
${leaf('a')}${leaf('b')}${leaf('c')}`;
    const found = errorsOf(text);
    expect(found.map((d) => d.message)).toEqual([
      'node "orphan" is unreachable: no answer leads to it from the root "area"',
      'leaf "c" is unreachable: no answer leads to it from the root "area"',
    ]);
    expect(found.map((d) => d.line)).toEqual([lineOf(text, 'id: orphan'), lineOf(text, 'id: c,')]);
  });

  test('answers to unknown ids, duplicate ids, a missing root and loops are errors', () => {
    const text = `${labelsYaml}root: area
nodes:
  - id: area
    prompt: Q?
    options: [{ label: A, next: a }, { label: Next, next: more }]
  - id: more
    prompt: More?
    options: [{ label: Back, next: area }, { label: Nowhere, next: missing }]
leaves:
${leaf('a')}${leaf('more')}`;
    const messages = errorsOf(text).map((d) => d.message);
    expect(messages).toContain('leaf "more": id already used by a node');
    expect(messages).toContain('node "more": answer "Nowhere" leads to unknown node or leaf "missing"');
    expect(messages).toContain('node "more": answer leads back to "area", which comes before it (the tree must not loop)');
    expect(errorsOf(text.replace('root: area', 'root: nope')).map((d) => d.message)).toContain('root "nope" is not a node');
  });

  test('"leaf" is reserved and a question offers at most nine answers', () => {
    const many = Array.from({ length: 10 }, (_, i) => `{ label: L${i}, next: a }`).join(', ');
    const text = `${labelsYaml}root: leaf
nodes:
  - id: leaf
    prompt: Q?
    options: [${many}]
leaves:
${leaf('a')}`;
    const messages = errorsOf(text).map((d) => d.message);
    expect(messages).toContain('root: "leaf" is reserved for leaf URLs');
    expect(messages.some((m) => m.startsWith('node "leaf" options: Too big'))).toBe(true);
  });

  test('malformed YAML is reported with its line', () => {
    const [error] = errorsOf(`${labelsYaml}root: [unclosed\n`);
    expect(error.message).toMatch(/^malformed YAML/);
    expect(error.line).toBeGreaterThan(1);
  });
});
