import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { wizardJson } from '../../../../scripts/cli/commands/wizard.ts';
import { loadAndBuild } from '../../../../scripts/cli/load.ts';
import { BuildError } from '../../../../scripts/pipeline/diagnostics.ts';
import { collectOutputs } from '../../../../scripts/pipeline/emit/outputs.ts';
import { wizardOutputSchema } from '../../../../src/shared/schemas/decision-tree.ts';
import { lineOf } from './fixtures.ts';

const shipped = await loadAndBuild(path.resolve('content/sources'));
const wizard = shipped.wizard!;
const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of content/ whose sources have one edit applied, as a maintainer would make it. */
async function editedContent(file: string, from: string, to: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-wizard-'));
  temp.push(dir);
  await cp(path.resolve('content'), dir, { recursive: true });
  const target = path.join(dir, 'sources', file);
  const text = await readFile(target, 'utf8');
  expect(text).toContain(from);
  await writeFile(target, text.replace(from, to));
  return path.join(dir, 'sources');
}

describe('the shipped decision tree', () => {
  test('validates against the shipped sources with no errors', () => {
    expect(shipped.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(() => wizardOutputSchema.parse(wizard)).not.toThrow();
  });

  test('has at least 40 leaves, spread over every area of the first question', () => {
    expect(wizard.leaves.length).toBeGreaterThanOrEqual(40);
    const root = wizard.nodes.find((n) => n.id === wizard.root)!;
    for (const option of root.options) expect(wizard.leaves.filter((l) => l.area?.id === option.next).length, option.label).toBeGreaterThanOrEqual(3);
  });

  test('every depends leaf states its condition and every leaf cites a current or dated statement', () => {
    for (const leaf of wizard.leaves) {
      if (leaf.verdict === 'depends') expect(leaf.condition, leaf.id).toBeTruthy();
      expect(leaf.citations.every((c) => c.status !== 'outdated'), leaf.id).toBe(true);
    }
  });

  test('cited entries link to their leaf, in kb.json and in the emitted MDX', () => {
    const files = collectOutputs(shipped);
    expect(JSON.parse(String(files.get('wizard.json')))).toEqual(JSON.parse(JSON.stringify(wizard)));
    const kubenet = wizard.leaves.find((l) => l.id === 'kubenet')!;
    const entry = shipped.kb.entries.find((e) => e.id === kubenet.citations[0].entry)!;
    expect(entry.wizard).toBe('/wizard/leaf/kubenet/');
    expect(files.get(`entries/${entry.id}.mdx`)).toContain('wizard: "/wizard/leaf/kubenet/"');
  });

  test('kb wizard --json has the documented shape', () => {
    const json = wizardJson(wizard);
    expect(json.root).toBe(wizard.root);
    expect(Object.keys(json.nodes[0])).toEqual(['id', 'url', 'prompt', 'options']);
    expect(Object.keys(json.nodes[0].options[0])).toEqual(['label', 'next']);
    const leaf = json.leaves.find((l) => l.id === 'host-networking')!;
    expect(leaf).toMatchObject({ url: '/wizard/leaf/host-networking/', verdict: 'depends', workaround: null });
    expect(leaf.conditions).toEqual(['Kubernetes version: 1.26 or later', expect.stringContaining('WindowsHostNetwork')]);
    expect(leaf.citations[0]).toEqual({ source: 'kubernetes-windows-containers', quote: 'FEATURE STATE:Kubernetes v1.26 [alpha]', entry: expect.any(String), statement: expect.stringMatching(/^s-/) });
  });

  test('a source update that removes a cited sentence fails the build, naming the leaf and its wizard.yaml line', async () => {
    const sources = await editedContent('aks-windows-best-practices.md', "Windows doesn't support kubenet networking.", 'Windows supports kubenet networking.');
    const error = await loadAndBuild(sources).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    const [stale] = (error as BuildError).diagnostics.filter((d) => d.severity === 'error');
    expect(stale.message).toContain('leaf "kubenet" is stale');
    expect(stale.file).toBe(path.join(path.dirname(sources), 'wizard.yaml'));
    const yaml = await readFile(stale.file, 'utf8');
    expect(yaml.split('\n')[stale.line! - 1]).toContain('entry: aks-windows-best-practices-networking-modes');
    expect(stale.line).toBeGreaterThan(lineOf(yaml, '- id: kubenet'));
  });

  test('other sources get no wizard: the tree is read from beside the sources folder only', async () => {
    const result = await loadAndBuild(path.resolve('tests/fixtures/kb-bread/sources')).catch(() => undefined);
    expect(result === undefined || result.wizard === undefined).toBe(true);
  });
});
