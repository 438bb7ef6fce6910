import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContentConfig, loadYaml } from '../../../../scripts/pipeline/config/load-config.ts';
import type { Diagnostic } from '../../../../scripts/pipeline/diagnostics.ts';
import { claimsVocabularySchema } from '../../../../src/shared/schemas/claims-vocabulary.ts';
import { dateStatement } from '../../../../scripts/pipeline/claims/dating.ts';
import { extractClaims } from '../../../../scripts/pipeline/claims/extract.ts';
import { parseNumber } from '../../../../scripts/pipeline/claims/numbers.ts';
import { compileClaimRules } from '../../../../scripts/pipeline/claims/rules.ts';
import { expectGolden } from '../golden.ts';

const config = await loadContentConfig(path.resolve('content'));
const rules = compileClaimRules(config.claims!, config.vocabulary, config.site.language);
const fixtures = path.resolve('tests/fixtures/versions/claims');

interface Input {
  scope: string;
  sourceDate: string;
  statements: { title: string; question?: boolean; text: string }[];
}

/** Runs the claims stage's two pure steps, dating and extraction, over one fixture's statements. */
function run(input: Input) {
  return input.statements.map((s, i) => {
    const ctx = { scope: input.scope, title: s.title, question: s.question ?? false, previous: input.statements[i - 1]?.text, language: 'en' };
    return { text: s.text, ...dateStatement(s.text, input.sourceDate, rules), claims: extractClaims(s.text, ctx, rules) };
  });
}

const claimsOf = (text: string, title = 'T', question = false, previous?: string) => extractClaims(text, { scope: 'aks', title, question, previous }, rules);

describe('claims stage on golden fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(name, () => {
      const input = JSON.parse(readFileSync(path.join(fixtures, name, 'input.json'), 'utf8')) as Input;
      expectGolden(path.join(fixtures, name, 'expected.json'), `${JSON.stringify(run(input), null, 2)}\n`);
    });
  }
});

describe('numeric limits', () => {
  test('number words and digit grouping become numbers', () => {
    expect(parseNumber('eight', rules.numberWords)).toBe(8);
    expect(parseNumber('1,000', rules.numberWords)).toBe(1000);
    expect(parseNumber('many', rules.numberWords)).toBeUndefined();
  });

  test('"maximum of eight node pools" and a FAQ answer of 100 share one subject', () => {
    const old = claimsOf('The AKS cluster can have a maximum of eight node pools.');
    const faq = claimsOf('The AKS cluster can have a maximum of 100 node pools.', 'How many node pools can I create?', true);
    expect(old).toEqual([expect.objectContaining({ subject: 'max-node-pools', kind: 'limit', value: '8' })]);
    expect(faq).toEqual([expect.objectContaining({ subject: 'max-node-pools', value: '100' })]);
  });

  test('a number without a limit cue ("across those eight node pools") claims nothing', () => {
    expect(claimsOf('You can have a maximum of 400 nodes across those eight node pools.').map((c) => `${c.subject}=${c.value}`)).toEqual(['max-nodes=400']);
  });

  test('context words pick between limits that count the same unit', () => {
    expect(claimsOf('A Windows node pool can have a six-character name.')[0]).toMatchObject({ subject: 'windows-node-pool-name-length', value: '6' });
    expect(claimsOf('The password must be at least 14 characters.')[0]).toMatchObject({ subject: 'admin-password-min-length', value: '14' });
    expect(claimsOf('Run at least two nodes on the default Linux node pool.')[0]).toMatchObject({ subject: 'min-system-pool-nodes', value: '2' });
  });
});

describe('support statuses', () => {
  test('a cue gives its status to the feature before it, and to every feature of a list', () => {
    const claims = claimsOf('Preview features in AKS such as Network Policy and cluster autoscaler, aren\'t endorsed for Windows Server nodes.');
    expect(claims.map((c) => `${c.subject}=${c.value}`)).toEqual(['network-policy=not-supported', 'cluster-autoscaler=not-supported']);
  });

  test('an active cue gives its status to the feature after it; synonyms share a subject', () => {
    expect(claimsOf('Windows supports Azure Network Policy Manager and Calico Network Policy.')).toEqual([expect.objectContaining({ subject: 'network-policy', value: 'supported' })]);
    expect(claimsOf('Azure Monitor is in public preview.')[0]).toMatchObject({ subject: 'container-insights', value: 'preview' });
  });

  test('a feature only near the cue is not taken across a clause break', () => {
    expect(claimsOf('Kubenet is the plugin Linux nodes use; on Windows nodes it is not supported.')).toEqual([]);
    expect(claimsOf('Kubenet is the plugin Linux nodes use, and on Windows nodes it is not supported.')[0]).toMatchObject({ subject: 'kubenet', value: 'not-supported' });
  });

  test('a statement naming one OS version keeps its claim apart', () => {
    expect(claimsOf('Container insights for Windows Server 2022 is in public preview.')[0]).toMatchObject({ subject: 'container-insights-windows-server-2022', qualifier: 'windows-server-2022' });
  });

  test('a statement naming another product speaks for that product', () => {
    expect(claimsOf('The upstream aks-engine project does currently provide gMSA support.')[0]).toMatchObject({ subject: 'gmsa', scope: 'aks-engine' });
  });

  test('a bare "Yes." answers its question title; "This feature" refers back to the previous statement', () => {
    expect(claimsOf('Yes.', 'Can I use Azure Hybrid Benefit with Windows nodes?', true)[0]).toMatchObject({ subject: 'azure-hybrid-benefit', value: 'supported' });
    expect(claimsOf('Yes.', 'Can I use Azure Hybrid Benefit with Windows nodes?', false)).toEqual([]);
    expect(claimsOf('This feature isn\'t yet supported in AKS.', 'T', false, 'Windows announced the Annual Channel for containers.')[0]).toMatchObject({ subject: 'annual-channel', value: 'not-supported' });
  });
});

describe('version lists and dating', () => {
  test('version lists are sorted ids; a default agrees with the list by membership', () => {
    expect(claimsOf('AKS uses Windows Server 2022 and Windows Server 2019 as the host OS.')[0]).toMatchObject({ subject: 'windows-server-versions', kind: 'versions', value: 'windows-server-2019,windows-server-2022' });
    expect(claimsOf('Windows Server 2022 is the default OS.')[0]).toMatchObject({ kind: 'default', value: 'windows-server-2022' });
  });

  test('a statement inherits its source date unless its text dates it', () => {
    expect(dateStatement('Windows nodes are supported.', '2025-01', rules)).toEqual({ asOf: '2025-01' });
    expect(dateStatement('For Kubernetes v1.32, these rules apply.', '2025-01', rules).asOf).toBe('2024-12');
    expect(dateStatement('Windows Server 2022 is the default for Kubernetes version 1.25 and later.', '2025-01', rules).asOf).toBe('2025-01');
    expect(dateStatement('If you created your cluster before February 2020, upgrade it.', '2022-10', rules).asOf).toBe('2020-02');
    const future = dateStatement('Session affinity will be supported in the Windows Server 2022 OS version.', '2022-10', rules);
    expect(future.asOf).toBe('2022-08');
    expect(future.timeRelative).toContain('future tense');
  });

  test('time-relative and lifecycle wording is reported', () => {
    expect(dateStatement('Kubenet is currently not supported.', '2022-10', rules).timeRelative).toBe('time-relative wording "currently"');
    expect(dateStatement('This is a beta feature.', '2022-10', rules).timeRelative).toBe('lifecycle wording "beta"');
    expect(dateStatement('AKS releases images as soon as patches are available.', '2022-10', rules).timeRelative).toBeUndefined();
  });
});

describe('subjects.yaml', () => {
  test('a cue naming an unknown status, or a broken pattern, is an error with its line', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kb-subjects-')), 'subjects.yaml');
    writeFileSync(file, ['statuses:', '  - { id: supported, label: supported, polarity: positive }', 'statusCues:', "  - { pattern: 'is fine', status: maybe, target: before }", "  - { pattern: '(unclosed', status: supported, target: before }", ''].join('\n'));
    const diagnostics: Diagnostic[] = [];
    expect(await loadYaml(file, claimsVocabularySchema, diagnostics)).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 5, message: 'statusCues.1.pattern: not a valid regular expression' }),
      expect.objectContaining({ line: 4, message: 'statusCues.0.status: unknown status "maybe"' }),
    ]);
  });
});
