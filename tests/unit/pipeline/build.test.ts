import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase } from '../../../scripts/pipeline/build.ts';
import { loadContentConfig } from '../../../scripts/pipeline/config/load-config.ts';
import { collectOutputs } from '../../../scripts/pipeline/emit/outputs.ts';
import { readSourceFolder } from '../../../scripts/pipeline/sources/read-folder.ts';
import { entrySchema } from '../../../src/shared/schemas/entry.ts';

const shipped = buildKnowledgeBase(await readSourceFolder(path.resolve('content/sources')), await loadContentConfig(path.resolve('content')));

describe('the shipped sources', () => {
  test('every sentence of every source ends up in some entry', () => {
    expect(shipped.kb.stats.uncovered).toEqual([]);
    expect(shipped.kb.stats.coverage).toBe(1);
  });

  test('all five sources load with metadata and date evidence', () => {
    expect(shipped.kb.sources.map((s) => s.id).sort()).toEqual([
      'aks-windows-best-practices',
      'aks-windows-faq',
      'aks-windows-limitations',
      'aks-windows-reference-architecture',
      'kubernetes-windows-containers',
    ]);
    const bp = shipped.kb.sources.find((s) => s.id === 'aks-windows-best-practices')!;
    expect(bp.date).toBe('2023-10-10');
    expect(bp.dateEvidence).toContain('ms.date: 10/10/2023');
    expect(bp.title).toBe('Best practices for Windows containers on Azure Kubernetes Service (AKS)');
  });

  test('each FAQ question is its own entry with its answer', () => {
    const faq = shipped.kb.entries.filter((e) => e.source.id === 'aks-windows-faq' && e.type === 'faq');
    expect(faq).toHaveLength(22);
    const pools = faq.find((e) => e.title === 'How many node pools can I create?')!;
    expect(pools.text).toContain('The AKS cluster can have a maximum of 100 node pools.');
    expect(pools.question).toBe(true);
  });

  test('limitation bullets keep their nested sub-bullets', () => {
    const e = shipped.kb.entries.find((x) => x.type === 'limitation' && x.title.startsWith('The AKS cluster can have a maximum of eight node pools'))!;
    expect(e.text).toContain('You can have a maximum of 400 nodes across those eight node pools.');
  });

  test('best-practice sections carry their guidance callouts', () => {
    const e = shipped.kb.entries.find((x) => x.id === 'aks-windows-best-practices-windows-os-version')!;
    expect(e.type).toBe('best-practice');
    expect(e.statements[0]).toMatchObject({ kind: 'note', text: expect.stringContaining('Windows Server 2022 provides the latest security') });
  });

  test('field-compatibility lists give one entry per field', () => {
    const fields = shipped.kb.entries.filter((e) => e.type === 'compatibility').map((e) => e.text.split(' - ')[0]);
    expect(fields).toEqual(expect.arrayContaining(['securityContext.runAsUser', 'securityContext.privileged', 'dnsPolicy', 'volumeDevices', 'hostIPC and hostpid']));
    expect(shipped.kb.entries.find((e) => e.text.startsWith('securityContext.runAsUser'))!.text).toBe('securityContext.runAsUser - use runAsUserName instead');
  });

  test('commands keep their language and line continuations', () => {
    const e = shipped.kb.entries.find((x) => x.title === 'How do I change the administrator password for Windows Server nodes on my cluster?')!;
    const code = e.statements.find((s) => s.kind === 'code')!;
    expect(code.text).toBe('az aks update \\ --resource-group $RESOURCE_GROUP \\ --name $CLUSTER_NAME \\ --windows-admin-password $NEW_PW');
    expect(collectOutputs(shipped).get(`entries/${e.id}.mdx`)).toContain('```azurecli\n  az aks update \\\n      --resource-group $RESOURCE_GROUP \\');
  });

  test('relative and reference-style links resolve to the original site', () => {
    // Bodies only: the frontmatter's `quote` keeps the exact source text, relative links included.
    const mdx = [...collectOutputs(shipped)].filter(([name]) => name.endsWith('.mdx')).map(([, f]) => f).map((f) => String(f).replace(/^---\n[\s\S]*?\n---\n/, '')).join('\n');
    expect(mdx).toContain('(https://learn.microsoft.com/azure/aks/azure-cni-overlay)');
    expect(mdx).toContain('(https://learn.microsoft.com/virtualization/windowscontainers/deploy-containers/version-compatibility)');
    expect(mdx).not.toMatch(/\]\((\.\.?\/|\/)[^)]*\)/);
  });

  test('every entry validates against the shared schema and has a unique id', () => {
    const ids = new Set<string>();
    for (const e of shipped.kb.entries) {
      expect(entrySchema.parse(e)).toBeTruthy();
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
    }
  });

  test('output is deterministic', async () => {
    const again = buildKnowledgeBase(await readSourceFolder(path.resolve('content/sources')), await loadContentConfig(path.resolve('content')));
    expect([...collectOutputs(again)]).toEqual([...collectOutputs(shipped)]);
  });
});

describe('a generator, not a one-off', () => {
  test('a second knowledge base on another subject builds from its own content folder', async () => {
    const dir = path.resolve('tests/fixtures/kb-bread');
    const result = buildKnowledgeBase(await readSourceFolder(path.join(dir, 'sources')), await loadContentConfig(dir));
    expect(result.kb.sources.map((s) => s.id)).toEqual(['oven-guide', 'starter-faq']);
    expect(result.kb.stats.coverage).toBe(1);
    const titles = result.kb.entries.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['How often should I feed my starter?', 'Can I use rye flour in my starter?', 'Do I need steam?']));
    const rye = result.kb.entries.find((e) => e.title === 'Can I use rye flour in my starter?')!;
    expect(rye.topics[0]).toBe('flour');
    expect(result.kb.entries.every((e) => e.appliesTo.platforms.every((p) => p === 'home'))).toBe(true);
    expect(JSON.stringify(result.kb)).not.toMatch(/windows|aks|kubernetes/i);
  });
});
