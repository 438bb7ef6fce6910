import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase } from '../../../../scripts/pipeline/build.ts';
import { loadContentConfig } from '../../../../scripts/pipeline/config/load-config.ts';
import { collectOutputs } from '../../../../scripts/pipeline/emit/outputs.ts';
import { readSourceFolder } from '../../../../scripts/pipeline/sources/read-folder.ts';
import { versionWarnings } from '../../../../scripts/pipeline/versions/warnings.ts';
import { toExport } from '../../../../src/shared/export.ts';
import { maxReplacements, type Entry, type Statement } from '../../../../src/shared/schemas/entry.ts';
import type { KnowledgeBase } from '../../../../src/shared/schemas/knowledge-base.ts';
import { appliesToTagSchema, datedTagSchema, outdatedTagSchema } from '../../../../src/shared/schemas/version-tags.ts';
import { expectGolden } from '../golden.ts';
import { materialise, summarise } from './helpers.ts';

const config = await loadContentConfig(path.resolve('content'));
const build = async (dir: string) => buildKnowledgeBase(await readSourceFolder(dir), config);
const shipped = await build(path.resolve('content/sources'));
const fixtures = path.resolve('tests/fixtures/versions/reconcile');

/** The statement of a knowledge base whose text starts with `text`, with its entry. */
function find(kb: KnowledgeBase, text: string): { entry: Entry; statement: Statement } {
  for (const entry of kb.entries) for (const statement of entry.statements) if (statement.text.startsWith(text)) return { entry, statement };
  throw new Error(`no statement starts with "${text}"`);
}
const pointer = (kb: KnowledgeBase, text: string) => {
  const { entry, statement } = find(kb, text);
  return { entry: entry.id, statement: statement.id, source: entry.source.id };
};

describe('reconcile on golden fixtures (sources dropped into a folder, no code change)', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(name, async () => {
      const { kb } = await build(materialise(path.join(fixtures, name)));
      expectGolden(path.join(fixtures, name, 'expected.json'), `${JSON.stringify(summarise(kb), null, 2)}\n`);
    });
  }
});

describe('the two cases our users named, end to end on the shipped sources', () => {
  const { kb } = shipped;

  test('8 → 100 node pools and 400 → 1,000 nodes', () => {
    const pools = find(kb, 'The AKS cluster can have a maximum of eight node pools.').statement;
    const nodes = find(kb, 'You can have a maximum of 400 nodes').statement;
    expect(pools).toMatchObject({ status: 'outdated', asOf: '2019-05' });
    expect(pools.supersededBy).toEqual([{ ...pointer(kb, 'The AKS cluster can have a maximum of 100 node pools.'), text: 'The AKS cluster can have a maximum of 100 node pools.', asOf: '2022-10' }]);
    expect(nodes.supersededBy.map((b) => b.text)).toEqual(['You can have a maximum of 1,000 nodes across those node pools.']);
    expect(find(kb, 'The AKS cluster can have a maximum of 100 node pools.').statement).toMatchObject({ status: 'current', claims: [expect.objectContaining({ subject: 'max-node-pools', value: '100' })] });
    const change = kb.conflicts.find((c) => c.subject === 'max-node-pools')!;
    expect(change).toMatchObject({ kind: 'superseded', scope: 'aks', change: { from: '8', fromAsOf: '2019-05', to: '100', since: '2022-10' } });
    expect(kb.conflicts.find((c) => c.subject === 'max-nodes')!.change).toMatchObject({ from: '400', to: '1,000' });
  });

  test('"Windows Server 2019 only" is outdated by the 2019 + 2022 statements, including the 2022 default from 1.25', () => {
    const only = find(kb, 'Windows Server containers can only use Windows Server 2019').statement;
    expect(only.status).toBe('outdated');
    expect(only.supersededBy.map((b) => `${b.source} ${b.asOf}: ${b.text}`)).toEqual([
      'aks-windows-best-practices 2023-10-10: Windows Server 2022 is the default OS for Kubernetes version 1.25 and later.',
      'aks-windows-best-practices 2023-10-10: AKS uses Windows Server 2019 and Windows Server 2022 as the host OS versions and only supports process isolation.',
      'aks-windows-faq 2022-10: AKS uses Windows Server 2019 and Windows Server 2022 as the host OS version and only supports process isolation.',
    ]);
    expect(kb.conflicts.find((c) => c.subject === 'windows-server-versions' && c.kind === 'superseded')!.change).toMatchObject({ from: 'Windows Server 2019', to: 'Windows Server 2019, Windows Server 2022' });
  });

  test('the entry bodies wrap outdated statements in <Outdated> and open with <AppliesTo>', () => {
    const { entry } = find(kb, 'The AKS cluster can have a maximum of eight node pools.');
    const mdx = collectOutputs(shipped).get(`entries/${entry.id}.mdx`) as string;
    const newer = pointer(kb, 'The AKS cluster can have a maximum of 100 node pools.');
    expect(mdx).toContain(`<Outdated asOf="2019-05" supersededBy="${newer.statement}" supersededByEntry="${newer.entry}" source="aks-windows-faq" supersededAsOf="2022-10"><Statement`);
    expect(mdx.split('---\n')[2].trimStart()).toMatch(/^<AppliesTo platforms="aks" asOf="2019-05" \/>/);
  });

  test('kb export fills status, asOf and supersededBy', () => {
    const exported = toExport(kb).entries.flatMap((e) => e.statements).find((s) => s.text === 'The AKS cluster can have a maximum of eight node pools.')!;
    expect(exported).toMatchObject({ status: 'outdated', asOf: '2019-05', supersededBy: [{ entry: pointer(kb, 'The AKS cluster can have a maximum of 100 node pools.').entry, text: 'The AKS cluster can have a maximum of 100 node pools.', source: 'aks-windows-faq' }] });
  });

  test('kb check warns at the newer statement, naming the old value', () => {
    const line = find(kb, 'The AKS cluster can have a maximum of 100 node pools.').statement.line;
    expect(versionWarnings(kb)).toContainEqual({ file: 'aks-windows-faq.txt', line, severity: 'warning', message: expect.stringMatching(/"Node pools per cluster" \(aks\): 8 \(2019-05, aks-windows-limitations\.txt:\d+\) → 100/) });
  });
});

describe('the other disagreements in the shipped sources', () => {
  const { kb } = shipped;
  const status = (text: string) => find(kb, text).statement.status;

  test('older AKS statements a newer AKS source changed are outdated', () => {
    for (const text of [
      'Group managed service accounts (gMSA) support when the Windows Server nodes',
      'Ingress controllers should only be scheduled on Linux nodes',
      'Preview features in AKS such as Network Policy and cluster autoscaler',
      'Node pools for Windows Server are currently in preview.',
      'However, Azure Monitor is in public preview',
      'Windows Server nodes in AKS must be upgraded to a latest Windows Server 2019 release',
    ]) expect(status(text), text).toBe('outdated');
  });

  test('time-relative wording settled by a newer plain statement is current; unsettled wording is dated', () => {
    expect(status('Kubenet is currently not supported with Windows nodes.')).toBe('current');
    expect(status('At this time, client source IP preservation is not supported')).toBe('current');
    expect(find(kb, 'Azure Dev Spaces is currently only available').statement).toMatchObject({ status: 'dated', datedReason: 'time-relative wording "currently"' });
    expect(status('Container insights for Windows Server 2022 operating system is in public preview.')).toBe('dated');
    expect(find(kb, 'Although maintaining session affinity').statement).toMatchObject({ status: 'dated', asOf: '2022-08', datedReason: expect.stringContaining('future tense') });
  });

  test('contradictions inside one document are reported', () => {
    const inDocument = kb.conflicts.filter((c) => c.kind === 'contradiction-in-document').map((c) => `${c.subject} ${c.scope} ${[...new Set(c.statements.map((s) => s.source))].join()}`);
    expect(inDocument).toEqual([
      'automatic-os-updates aks aks-windows-reference-architecture',
      'windows-server-versions aks aks-windows-faq',
      'windows-server-versions kubernetes kubernetes-windows-containers',
    ]);
  });

  test('upstream Kubernetes statements never outdate AKS ones, nor the reverse', () => {
    const scopes = new Map(kb.sources.map((s) => [s.id, s.scope]));
    for (const e of kb.entries) {
      for (const s of e.statements) for (const b of s.supersededBy) expect(scopes.get(b.source), `${e.id}#${s.id}`).toBe(scopes.get(e.source.id));
    }
    expect(status('Only Windows containers with a container operating system of Windows Server 2019 are fully supported.')).toBe('current');
  });

  test('every version tag in the emitted MDX is valid against its schema', () => {
    const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
    const seen = new Map<string, number>();
    for (const [file, content] of collectOutputs(shipped)) {
      if (!file.endsWith('.mdx')) continue;
      visit(parser.parse(content as string) as Root, (node) => {
        if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
        const schema = { Outdated: outdatedTagSchema, Dated: datedTagSchema, AppliesTo: appliesToTagSchema }[node.name ?? ''];
        if (!schema) return;
        const attrs = Object.fromEntries(node.attributes.map((a) => [(a as MdxJsxAttribute).name, (a as MdxJsxAttribute).value]));
        expect(() => schema.parse(attrs), `${file}: ${node.name}`).not.toThrow();
        seen.set(node.name!, (seen.get(node.name!) ?? 0) + 1);
      });
    }
    const counts = shipped.kb.stats.statementsByStatus;
    expect(seen.get('Outdated')).toBe(counts.outdated);
    expect(seen.get('Dated')).toBe(counts.dated);
    expect(seen.get('AppliesTo')).toBe(shipped.kb.entries.length);
  });
});

describe('a newer source changes answers with no code change', () => {
  test('the 2025 FAQ revision outdates both earlier answers and settles a preview', async () => {
    const result = await build(materialise(path.join(fixtures, 'faq-revision-2025')));
    const { kb } = result;
    const newer = (text: string) => find(kb, text).statement;
    expect(find(kb, 'The AKS cluster can have a maximum of 100 node pools.').statement.supersededBy.map((b) => b.text)).toEqual(['The AKS cluster can have a maximum of 200 node pools.']);
    expect(find(kb, 'The AKS cluster can have a maximum of eight node pools.').statement.supersededBy.map((b) => b.source)).toEqual(['aks-windows-faq-2025']);
    expect(newer('A Windows node pool can have a six-character name.').status).toBe('outdated');
    expect(newer('The Windows Server node pool name has a limit of 6 characters.').supersededBy[0].text).toBe('A Windows node pool can have a name of up to 12 characters.');
    expect(newer('Client source IP preservation is not supported, so').status).toBe('outdated');
    expect(newer('Container insights for Windows Server 2022 operating system is in public preview.').status).toBe('outdated');
    const warnings = versionWarnings(kb).filter((w) => w.file === 'aks-windows-faq-2025.txt');
    expect(warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringContaining('"Node pools per cluster" (aks): 100 (2022-10, aks-windows-faq.txt:')]));
    expect(warnings.every((w) => typeof w.line === 'number')).toBe(true);
  });

  test('a newer upstream page outdates older upstream statements only', async () => {
    const { kb } = await build(materialise(path.join(fixtures, 'upstream-kubernetes-2025')));
    expect(find(kb, 'The AKS cluster can have a maximum of 100 node pools.').statement.status).toBe('current');
    expect(find(kb, 'AKS uses Windows Server 2019 and Windows Server 2022 as the host OS versions').statement.status).toBe('current');
    expect(find(kb, 'Windows nodes are supported provided that the operating system is Windows Server 2019 or').statement.status).toBe('outdated');
    expect(find(kb, 'HugePages: not supported for Windows containers').statement.status).toBe('outdated');
  });

  test('an outdated statement names only its newest replacements, however many newer sources contradict it', async () => {
    const dir = materialise(path.join(fixtures, 'faq-revision-2025'));
    // Five more revisions, each a year newer, all saying 200 node pools against the shipped 8 and 100.
    const years = [2026, 2027, 2028, 2029, 2030];
    const rows = years.map((year) => {
      const file = `aks-windows-faq-${year}.txt`;
      writeFileSync(path.join(dir, file), `Node pools (${year} revision)\n\nHow many node pools can I create?\n\nThe AKS cluster can have a maximum of 200 node pools.\n`);
      return `  - file: ${file}\n    id: aks-windows-faq-${year}\n    title: Node pools, ${year} revision (test)\n    url: https://example.org/fixtures/${year}\n    license: CC BY 4.0\n    date: ${year}-01\n    dateEvidence: Test fixture.\n    scope: aks\n    kind: faq\n`;
    });
    const manifest = path.join(dir, 'sources.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8').trimEnd()}\n${rows.join('')}`);
    const { kb } = await build(dir);
    const eight = find(kb, 'The AKS cluster can have a maximum of eight node pools.').statement;
    expect(eight.status).toBe('outdated');
    expect(eight.supersededBy.map((b) => b.source)).toEqual(['aks-windows-faq-2030', 'aks-windows-faq-2029', 'aks-windows-faq-2028']);
    expect(maxReplacements).toBe(3);
    // Every statement on the subject is still in the conflict record.
    const conflict = kb.conflicts.find((c) => c.statements.some((s) => s.statement === eight.id))!;
    for (const year of years) expect(conflict.statements.map((s) => s.source)).toContain(`aks-windows-faq-${year}`);
  });

  test('without a subjects.yaml a knowledge base builds with no claims and no conflicts', async () => {
    const bread = await loadContentConfig(path.resolve('tests/fixtures/kb-bread'));
    const { kb } = buildKnowledgeBase(await readSourceFolder(path.resolve('tests/fixtures/kb-bread/sources')), bread);
    expect(kb.conflicts).toEqual([]);
    expect(kb.entries.flatMap((e) => e.statements).every((s) => s.claims.length === 0 && s.status === 'current')).toBe(true);
  });
});
