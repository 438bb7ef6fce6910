import { describe, expect, test } from 'vitest';
import { buildWizard, linkEntriesToLeaves, wizardSummary } from '../../../../scripts/pipeline/wizard/build-wizard.ts';
import { wizardOutputSchema } from '../../../../src/shared/schemas/decision-tree.ts';
import { fixtureEntry, fixtureSource, labelsYaml, lineOf } from './fixtures.ts';

const entries = [
  fixtureEntry('doc-networking', ['Kubenet is not supported on Windows nodes.', 'Use Azure CNI instead.', 'Network policies are supported.']),
  fixtureEntry('doc-pools', ['A cluster can have up to 100 node pools.']),
  fixtureEntry('doc-old-pools', [{ text: 'A cluster can have up to 8 node pools.', status: 'outdated', supersededBy: [{ entry: 'doc-pools', statement: 's-x', text: 'A cluster can have up to 100 node pools.', source: 'doc' }] }]),
  fixtureEntry('doc-other', ['Windows nodes can be added to a cluster.']),
];

const tree = `${labelsYaml}
coverage:
  patterns: ['\\bcan\\b', '\\bsupported\\b']
root: area
nodes:
  - id: area
    prompt: Which area?
    options:
      - { label: Networking, next: networking }
      - { label: Limits, next: limits }
  - id: networking
    prompt: What do you want to do?
    options:
      - { label: Use kubenet, next: kubenet }
      - { label: Use network policies, next: version }
  - id: version
    prompt: Which version?
    short: Version
    options:
      - { label: Old, next: policies-old }
      - { label: New, next: policies }
  - id: limits
    prompt: Which limit?
    options:
      - { label: Node pools, next: pools }
      - { label: Kubenet again, next: kubenet }
leaves:
  - id: kubenet
    title: Use kubenet
    verdict: no
    explanation: Not supported.
    workaround: Use Azure CNI.
    citations:
      - entry: doc-networking
        quote: |
          Kubenet is not supported on
            Windows nodes. Use Azure CNI
  - id: policies-old
    title: Policies on old versions
    verdict: depends
    condition: the version
    explanation: It depends.
    citations:
      - { entry: doc-networking, quote: Network policies are supported. }
  - id: policies
    title: Policies
    verdict: yes
    explanation: Supported.
    citations:
      - { entry: doc-networking, statement: STATEMENT }
  - id: pools
    title: More than eight node pools
    verdict: yes
    explanation: Up to 100.
    citations:
      - { entry: doc-pools, quote: up to 100 node pools }
    outdated:
      - note: It used to be eight.
        citations:
          - { entry: doc-old-pools, quote: up to 8 node pools }
`.replace('STATEMENT', entries[0].statements[2].id);

const file = '/content/wizard.yaml';
const build = (text: string, list = entries) => buildWizard({ file, text }, list, [fixtureSource]);
const errors = (text: string, list = entries) => build(text, list).diagnostics.filter((d) => d.severity === 'error');

describe('pipeline/wizard/build-wizard', () => {
  test('a valid tree resolves: urls, canonical paths, areas, conditions, related leaves, citations', () => {
    const { wizard, diagnostics } = build(tree);
    expect(diagnostics).toEqual([]);
    expect(() => wizardOutputSchema.parse(wizard)).not.toThrow();
    expect(wizard!.nodes.map((n) => [n.id, n.url])).toEqual([
      ['area', '/wizard/'],
      ['networking', '/wizard/networking/'],
      ['limits', '/wizard/limits/'],
      ['version', '/wizard/version/'],
    ]);
    const kubenet = wizard!.leaves.find((l) => l.id === 'kubenet')!;
    // Reachable from two areas: the canonical path is the first one found breadth-first.
    expect(kubenet.path.map((s) => s.label)).toEqual(['Start', 'Networking', 'Use kubenet']);
    expect(kubenet.area).toEqual({ id: 'networking', label: 'Networking' });
    expect(kubenet.citations[0]).toMatchObject({
      entry: 'doc-networking',
      statement: entries[0].statements[0].id,
      statements: [entries[0].statements[0].id, entries[0].statements[1].id],
      quote: 'Kubenet is not supported on Windows nodes. Use Azure CNI',
      source: 'doc',
      sourceTitle: 'The document',
      entryUrl: `/entries/doc-networking/#${entries[0].statements[0].id}`,
    });
    const policies = wizard!.leaves.find((l) => l.id === 'policies')!;
    expect(policies.url).toBe('/wizard/leaf/policies/');
    expect(policies.conditions).toEqual(['Version: New']);
    expect(policies.citations[0].quote).toBe('Network policies are supported.');
    expect(policies.related).toEqual(['kubenet', 'policies-old']);
    expect(wizard!.leaves.find((l) => l.id === 'pools')!.outdated[0].citations[0].status).toBe('outdated');
  });

  test('coverage counts capability statements no leaf cites; outdated statements are not expected', () => {
    const { wizard } = build(tree);
    expect(wizard!.coverage.capability).toBe(4);
    expect(wizard!.coverage.uncovered.map((u) => u.text)).toEqual(['Windows nodes can be added to a cluster.']);
    expect(wizard!.coverage.uncovered[0].file).toBe('doc.txt');
    expect(wizardSummary(wizard!)[0]).toContain('3 of 4 capability statements covered, 1 not covered');
  });

  test('a quote that disappeared from the sources makes the build fail naming the leaf and its line', () => {
    const changed = [fixtureEntry('doc-networking', ['Kubenet is supported on Windows nodes.', 'Use Azure CNI instead.', 'Network policies are supported.']), ...entries.slice(1)];
    const found = errors(tree, changed);
    // Only the kubenet leaf quoted the changed words; the other citations of that entry still resolve.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file, line: lineOf(tree, '      - entry: doc-networking'), severity: 'error' });
    expect(found[0].message).toMatch(/^leaf "kubenet" is stale or miscited: quote not found in entry "doc-networking": "Kubenet is not supported on Windows nodes. Use Azure CNI"/);
  });

  test('a cited statement that became outdated fails the leaf, naming the newer statement', () => {
    const outdated = [fixtureEntry('doc-pools', [{ text: 'A cluster can have up to 100 node pools.', status: 'outdated', supersededBy: [{ entry: 'doc-new', statement: 's-new', text: 'A cluster can have up to 500 node pools.', source: 'doc' }] }]), ...entries.filter((e) => e.id !== 'doc-pools')];
    const [error] = errors(tree, outdated);
    expect(error.line).toBe(lineOf(tree, '{ entry: doc-pools'));
    expect(error.message).toContain('leaf "pools" is stale');
    expect(error.message).toContain('now outdated; superseded by "A cluster can have up to 500 node pools."');
  });

  test('an outdated statement is fine under outdated notes; a current one there is only a warning', () => {
    const current = [...entries.filter((e) => e.id !== 'doc-old-pools'), fixtureEntry('doc-old-pools', ['A cluster can have up to 8 node pools.'])];
    const { wizard, diagnostics } = build(tree, current);
    expect(wizard).toBeDefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: lineOf(tree, '{ entry: doc-old-pools'), message: expect.stringContaining('still marks current') })]);
  });

  test('an unknown entry is reported with the entry that does hold the quote', () => {
    const [error] = errors(tree.replace('{ entry: doc-pools, quote', '{ entry: doc-pool, quote'));
    expect(error.message).toContain('unknown entry "doc-pool"; the quote is in entry "doc-pools"');
    expect(error.message).toContain('leaf "pools"');
  });

  test('an unknown statement id and a quote outside the given statement are errors', () => {
    expect(errors(tree.replace(entries[0].statements[2].id, 's-00000000'))[0].message).toContain('entry "doc-networking" has no statement "s-00000000"');
    const both = tree.replace('{ entry: doc-pools, quote: up to 100 node pools }', `{ entry: doc-networking, statement: ${entries[0].statements[0].id}, quote: Network policies }`);
    expect(errors(both)[0].message).toContain(`quote not found in statement "${entries[0].statements[0].id}"`);
  });

  test('schema problems point at the line of the offending field', () => {
    const bad = tree.replace('    verdict: depends\n    condition: the version\n', '    verdict: depends\n');
    const [error] = errors(bad);
    expect(error.message).toBe('leaf "policies-old" condition: a "depends" leaf needs a condition');
    expect(error.line).toBe(lineOf(bad, 'id: policies-old'));
    expect(errors(tree.replace('verdict: no', 'verdict: nope'))[0].message).toMatch(/^leaf "kubenet" verdict: /);
  });

  test('linking sets each cited entry\'s wizard field to its first leaf', () => {
    const drafts = entries.map((data) => ({ data: { ...data }, body: { type: 'root' as const, children: [] } }));
    linkEntriesToLeaves(drafts, build(tree).wizard!);
    expect(Object.fromEntries(drafts.map((d) => [d.data.id, d.data.wizard]))).toEqual({
      'doc-networking': '/wizard/leaf/kubenet/',
      'doc-pools': '/wizard/leaf/pools/',
      'doc-old-pools': '/wizard/leaf/pools/',
      'doc-other': null,
    });
  });
});
