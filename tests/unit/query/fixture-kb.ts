// A small, hand-written knowledge base for query tests: two sources, a current and an outdated limit, a few FAQ
// entries. Generic on purpose: it exercises the mechanics, not the shipped corpus.
import type { Claim } from '../../../src/shared/schemas/entry.ts';
import { knowledgeBaseSchema, type KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import { synonymsSchema, type Synonyms } from '../../../src/shared/schemas/synonyms.ts';
import { vocabularySchema, type Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';
import { buildSearchIndex } from '../../../scripts/pipeline/search-index/build-index.ts';
import { engineFromFiles } from '../../../scripts/pipeline/search-index/node-engine.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';

type StatementSpec = { id: string; text: string; kind?: 'sentence' | 'bullet'; status?: 'current' | 'outdated' | 'dated'; supersededBy?: { entry: string; statement: string }[]; claims?: Claim[] };

/** A limit claim on node pools, as the claims stage makes it. */
const nodePoolLimit = (value: string): Claim => ({ subject: 'max-node-pools', kind: 'limit', value, scope: 'svc', label: 'Node pools per cluster', display: value, unit: 'node pools' });
type EntrySpec = { id: string; source: 'new-faq' | 'old-limits'; type?: string; title: string; question?: boolean; topics?: string[]; related?: string[]; statements: StatementSpec[] };

const sources = [
  { id: 'new-faq', title: 'Widget FAQ', url: 'https://example.org/faq', date: '2024-01', scope: 'svc' },
  { id: 'old-limits', title: 'Widget limitations (old)', url: 'https://example.org/limits', date: '2019-05', scope: 'svc' },
];

const entries: EntrySpec[] = [
  {
    id: 'new-faq-how-many-node-pools',
    source: 'new-faq',
    type: 'faq',
    title: 'How many node pools can I create?',
    question: true,
    topics: ['limits'],
    related: ['new-faq-privileged-containers', 'old-limits-a-cluster-can-have-a-maximum-of-eight-node'],
    statements: [{ id: 's-aaaa0001', text: 'A cluster can have a maximum of 100 node pools.', claims: [nodePoolLimit('100')] }],
  },
  {
    id: 'old-limits-a-cluster-can-have-a-maximum-of-eight-node',
    source: 'old-limits',
    type: 'limitation',
    title: 'A cluster can have a maximum of eight node pools',
    topics: ['limits'],
    statements: [
      {
        id: 's-bbbb0001',
        text: 'A cluster can have a maximum of eight node pools.',
        status: 'outdated',
        claims: [nodePoolLimit('8')],
        supersededBy: [{ entry: 'new-faq-how-many-node-pools', statement: 's-aaaa0001' }],
      },
    ],
  },
  {
    id: 'new-faq-privileged-containers',
    source: 'new-faq',
    type: 'faq',
    title: 'Can I run privileged containers on Windows nodes?',
    question: true,
    topics: ['security'],
    statements: [
      { id: 's-aaaa0002', text: 'Privileged containers are not supported on Windows nodes.' },
      { id: 's-aaaa0003', text: 'HostProcess containers offer similar functionality.' },
    ],
  },
  {
    id: 'new-faq-kubenet',
    source: 'new-faq',
    type: 'faq',
    title: 'Which network plug-ins are supported?',
    question: true,
    topics: ['networking'],
    statements: [
      { id: 's-aaaa0004', text: 'Windows node pools must use the Azure CNI networking model.' },
      { id: 's-aaaa0005', text: 'Kubenet networking is not supported.' },
      // A list whose introduction says how to choose among its items, not whether each one works.
      { id: 's-aaaa0018', text: 'Azure CNI offers two networking modes based on your workload requirements:' },
      { id: 's-aaaa0019', text: 'Overlay mode, which gives pods addresses from a private range', kind: 'bullet' },
      { id: 's-aaaa0020', text: 'Flat mode, which gives pods addresses from the subnet', kind: 'bullet' },
    ],
  },
  {
    id: 'new-faq-gmsa',
    source: 'new-faq',
    type: 'faq',
    title: 'Can my Windows containers use gMSA?',
    question: true,
    topics: ['security'],
    statements: [{ id: 's-aaaa0006', text: 'Group managed service account (gMSA) support is generally available on Windows Server 2019 and Windows Server 2022.' }],
  },
  {
    id: 'new-faq-timezone',
    source: 'new-faq',
    type: 'guidance',
    title: 'Change the time zone of a running container',
    topics: ['workloads'],
    statements: [
      { id: 's-aaaa0007', text: 'Use Set-TimeZone in a PowerShell session to change the time zone of a running Windows container.' },
      { id: 's-aaaa0008', text: 'The setting runAsUserName picks the user a container runs as.' },
    ],
  },
  {
    id: 'new-faq-monitoring',
    source: 'new-faq',
    type: 'faq',
    title: 'Can I monitor Windows nodes with Azure Monitor?',
    question: true,
    topics: ['observability'],
    statements: [{ id: 's-aaaa0009', text: 'Yes, Azure Monitor collects logs and metrics from Windows nodes. Container insights is in public preview for Windows Server 2022.' }],
  },
  {
    id: 'old-limits-preview-features',
    source: 'old-limits',
    type: 'limitation',
    title: 'Preview features',
    topics: ['limits'],
    statements: [
      {
        id: 's-bbbb0002',
        text: 'Preview features such as huge pages and cluster autoscaler are not endorsed for Windows nodes.',
        status: 'outdated',
        supersededBy: [
          { entry: 'new-faq-huge-pages', statement: 's-aaaa0010' },
          { entry: 'new-faq-scaling', statement: 's-aaaa0011' },
        ],
      },
    ],
  },
  {
    id: 'new-faq-huge-pages',
    source: 'new-faq',
    type: 'faq',
    title: 'Huge pages',
    topics: ['limits'],
    statements: [{ id: 's-aaaa0010', text: 'Windows supports huge pages.' }],
  },
  {
    id: 'new-faq-scaling',
    source: 'new-faq',
    type: 'faq',
    title: 'Scaling',
    topics: ['limits'],
    statements: [{ id: 's-aaaa0011', text: 'Cluster autoscaler guidance is unchanged for Windows nodes.' }],
  },
  {
    // Names node pools and clusters in its title, but states no limit: quantity questions prefer the entry that does.
    id: 'new-faq-add-node-pools',
    source: 'new-faq',
    type: 'best-practice',
    title: 'Add node pools to a cluster',
    topics: ['limits'],
    statements: [{ id: 's-aaaa0012', text: 'Add a node pool to a running cluster with the CLI.' }],
  },
  {
    // Lists whose items say nothing themselves: the sentence introducing each list does.
    id: 'new-faq-pod-features',
    source: 'new-faq',
    type: 'concept',
    title: 'Pod features on Windows',
    topics: ['workloads'],
    statements: [
      { id: 's-aaaa0013', text: 'The following pod features work with Windows containers:' },
      { id: 's-aaaa0014', text: 'Readiness probes', kind: 'bullet' },
      { id: 's-aaaa0015', text: 'preStop lifecycle hooks', kind: 'bullet' },
      { id: 's-aaaa0016', text: 'Some pod features are not supported on Windows nodes:' },
      { id: 's-aaaa0017', text: 'Terminal message paths', kind: 'bullet' },
    ],
  },
];

/** The fixture knowledge base, validated by the real schema. */
export function fixtureKb(): KnowledgeBase {
  return knowledgeBaseSchema.parse({
    sources: sources.map((s) => ({ ...s, license: 'CC BY 4.0', dateEvidence: 'fixture', kind: 'faq', file: `${s.id}.md`, format: 'markdown' })),
    entries: entries.map((e) => ({
      id: e.id,
      slug: e.id,
      type: e.type ?? 'faq',
      title: e.title,
      question: e.question ?? false,
      topics: e.topics ?? [],
      appliesTo: { platforms: ['svc'] },
      source: { id: e.source, section: [e.title], url: `${sources.find((s) => s.id === e.source)!.url}#${e.id}`, line: 1, quote: e.statements.map((s) => s.text).join(' ') },
      related: e.related ?? [],
      statements: e.statements.map((s) => ({
        id: s.id,
        text: s.text,
        kind: s.kind ?? 'sentence',
        status: s.status ?? 'current',
        asOf: sources.find((x) => x.id === e.source)!.date,
        supersededBy: (s.supersededBy ?? []).map((b) => ({ ...b, text: 'newer', source: 'new-faq' })),
        claims: s.claims ?? [],
      })),
      text: e.statements.map((s) => s.text).join(' '),
    })),
    stats: { sources: 2, entries: entries.length, entriesByType: {}, statements: 0, statementsByStatus: {}, coverage: 1, uncovered: [] },
  });
}

/** Synonyms for the fixture (the same schema as content/synonyms.yaml). */
export function fixtureSynonyms(): Synonyms {
  return synonymsSchema.parse({
    synonyms: [
      ['kubernetes', 'k8s'],
      ['windows', 'win'],
      ['node pool', 'nodepool', 'agent pool'],
      ['windows server 2019', 'ws2019', '2k19'],
      ['windows server 2022', 'ws2022', '2k22'],
      ['maximum', 'max'],
      ['gmsa', 'group managed service account'],
      // An abbreviation the fixture's texts never use, for its words.
      ['anm', 'azure networking model'],
      // … and one that stands for a thing the texts never name (its head word is not in them).
      ['anx', 'azure networking xylophone'],
      // … and one whose head word the texts use, though not all its words.
      ['znm', 'zesty networking model'],
    ],
    related: [{ terms: ['pod', 'container'], weight: 0.5 }],
    contrasts: [['linux', 'windows'], ['windows server 2019', 'windows server 2022']],
  });
}

/** The fixture vocabulary (topics only matter for labels). */
export function fixtureVocabulary(): Vocabulary {
  return vocabularySchema.parse({
    topics: [
      { id: 'limits', label: 'Limits', terms: ['limit'] },
      { id: 'security', label: 'Security', terms: ['security'] },
      { id: 'networking', label: 'Networking', terms: ['network'] },
      { id: 'workloads', label: 'Workloads', terms: ['container'] },
      { id: 'observability', label: 'Observability', terms: ['monitor'] },
    ],
  });
}

/** The fixture's exported index files. */
export function fixtureIndex() {
  return buildSearchIndex(fixtureKb(), fixtureVocabulary(), fixtureSynonyms());
}

/** A query engine over the fixture, loaded through the same export/import path as the site. */
export function fixtureEngine(): Promise<SearchEngine> {
  return engineFromFiles(fixtureIndex());
}
