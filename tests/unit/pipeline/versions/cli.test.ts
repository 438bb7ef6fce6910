import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kb } from '../../run-kb.ts';
import { materialise } from './helpers.ts';


describe('kb conflicts and kb check', () => {
  test('kb conflicts lists changed answers, contradictions and dated subjects with file:line', async () => {
    const { code, stdout } = await kb('conflicts');
    expect(code).toBe(0);
    expect(stdout).toContain('Answers a newer source changed');
    expect(stdout).toMatch(/max-node-pools \[aks\] Node pools per cluster: 8 \(2019-05\) → 100 \(since 2022-10\)/);
    expect(stdout).toMatch(/outdated 8\s+2019-05\s+aks-windows-limitations\.txt:\d+ {2}The AKS cluster can have a maximum of eight node pools\./);
    expect(stdout).toContain('Contradictions within one document');
    expect(stdout).toContain('Time-relative answers no newer source settles');
    expect(stdout).toMatch(/statements: \d+ \(current \d+, outdated \d+, dated \d+\)/);
  });

  test('kb conflicts --json gives the conflicts of the knowledge base', async () => {
    const { stdout } = await kb('conflicts', '--json');
    const { conflicts } = JSON.parse(stdout) as { conflicts: { kind: string; subject: string }[] };
    expect(conflicts).toContainEqual(expect.objectContaining({ kind: 'superseded', subject: 'windows-server-versions' }));
  });

  test('kb check warns, without failing, when a new source changes an answer', async () => {
    const dir = materialise(path.resolve('tests/fixtures/versions/reconcile/faq-revision-2025'));
    const { code, stderr } = await kb('check', '--sources', dir);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^aks-windows-faq-2025\.txt:\d+: warning: changes the answer for "Node pools per cluster" \(aks\): 100 \(2022-10, aks-windows-faq\.txt:\d+\) → 200$/m);
    expect(stderr).toMatch(/^aks-windows-faq-2025\.txt:\d+: warning: changes the answer for "Windows node pool name length \(characters\)" \(aks\): 6 .* → 12$/m);
  });

  test('kb check warns when a source names a version released after its own date', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-misdated-'));
    cpSync(path.resolve('content/sources'), dir, { recursive: true });
    const manifest = path.join(dir, 'sources.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('date: 2022-10', 'date: 2020-01'));
    const { code, stderr } = await kb('check', '--sources', dir);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^aks-windows-faq\.txt:\d+: warning: names Windows Server 2022, released 2022-09, but the source is dated 2020-01: check its date$/m);
    expect((await kb('check')).stderr).not.toContain('check its date');
  });
});
