import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { sourceSchema } from '../../../src/shared/schemas/source.ts';
import { loadContentConfig } from '../../../scripts/pipeline/config/load-config.ts';
import { parseSource } from '../../../scripts/pipeline/build.ts';
import { segment } from '../../../scripts/pipeline/segment/segment.ts';
import { buildEntries } from '../../../scripts/pipeline/entries/build-entries.ts';
import { createClassifier } from '../../../scripts/pipeline/entries/classify.ts';
import { emitMdx } from '../../../scripts/pipeline/emit/emit-mdx.ts';
import type { Diagnostic } from '../../../scripts/pipeline/diagnostics.ts';
import { expectGolden, stableJson } from './golden.ts';

const fixtures = path.resolve('tests/fixtures/pipeline');
const config = await loadContentConfig(path.resolve('content'));
const allowedElements = new Set(['p', 'Statement', 'Callout', 'Outdated', 'Dated', 'AppliesTo']);

/** Runs parse → segment → entries → emit on one fixture folder. */
function runStages(dir: string) {
  const inputName = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const body = readFileSync(path.join(dir, inputName), 'utf8');
  const { meta } = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
  const source = sourceSchema.parse({ dateEvidence: 'fixture', ...meta, file: inputName, format: inputName.endsWith('.txt') ? 'text' : 'markdown' });
  const tree = parseSource({ meta: source, body, bodyLine: 1 }, config);
  const treeJson = stableJson(tree);
  const sections = segment(tree, source.title);
  const diagnostics: Diagnostic[] = [];
  const drafts = buildEntries(source, sections, body.split('\n'), { classifier: createClassifier(config.vocabulary), site: config.site, diagnostics });
  const mdx = drafts.map((d) => emitMdx(d.data, d.body));
  return { tree: treeJson, sections, drafts, mdx, diagnostics };
}

describe('pipeline stages on golden fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, name);
    test(name, () => {
      const r = runStages(dir);
      expect(r.diagnostics).toEqual([]);
      expectGolden(path.join(dir, 'tree.json'), r.tree);
      expectGolden(path.join(dir, 'sections.json'), stableJson(r.sections.map((s) => ({ path: s.path, heading: s.heading, question: s.question, line: s.line, nodes: s.nodes.map((n) => n.type) }))));
      expectGolden(path.join(dir, 'entries.json'), stableJson(r.drafts.map((d) => d.data)));
      expectGolden(path.join(dir, 'output.mdx'), r.mdx.join('\n<!-- next entry -->\n\n'));
    });
  }
});

describe('emitted MDX keeps source text as text', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(`${name}: only our own elements, no ESM, no expressions`, () => {
      for (const mdx of runStages(path.join(fixtures, name)).mdx) {
        const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx.replace(/^---\n[\s\S]*?\n---\n/, '')) as Root;
        visit(tree, (node) => {
          expect(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']).not.toContain(node.type);
          if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') expect(allowedElements).toContain((node as { name: string }).name);
        });
      }
    });
  }

  test('hostile markup survives as visible text and unsafe links are dropped', () => {
    const { drafts } = runStages(path.join(fixtures, 'hostile'));
    const text = drafts.map((d) => d.data.text).join('\n');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).toContain("{constructor.constructor('alert(3)')()}");
    expect(text).toContain('import fs from');
    expect(text).toContain('kubectl logs <pod>');
    expect(text).toContain('<Statement id="fake">fake</Statement>');
    expect(JSON.stringify(drafts.map((d) => d.body))).not.toContain('javascript:');
  });

  test('plain-text sources keep angle brackets, braces, ESM lines and comments verbatim', () => {
    const { drafts } = runStages(path.join(fixtures, 'hostile-text'));
    const text = drafts.map((d) => d.data.text).join('\n');
    for (const s of ['<script>alert(1)</script>', 'MC_<resourceGroup>_<clusterName>_<region>', '{braces}', "import x from 'y'", 'export const x = 1', '<!-- LINKS -->', 'kubectl logs <pod>']) expect(text).toContain(s);
  });
});

describe('structure recovered from plain text', () => {
  test('FAQ questions become FAQ entries with their answers, steps, code and labels', () => {
    const { drafts } = runStages(path.join(fixtures, 'text-faq'));
    const faq = drafts.filter((d) => d.data.type === 'faq').map((d) => d.data.title);
    expect(faq).toEqual(['How many widgets can I create?', 'How do I rotate the widget key?', 'What limits apply?']);
    const rotate = drafts.find((d) => d.data.title.startsWith('How do I rotate'))!;
    const kinds = rotate.data.statements.map((s) => s.kind);
    expect(kinds).toContain('step');
    expect(kinds).toContain('code');
    expect(kinds).toContain('important');
    const code = rotate.data.statements.find((s) => s.kind === 'code')!;
    expect(code.text).toContain('\\ --resource-group $RG \\ --name $NAME');
  });

  test('hard-wrapped lines are rejoined and field lists become compatibility entries', () => {
    const { drafts } = runStages(path.join(fixtures, 'text-wrapped'));
    const all = drafts.map((d) => d.data.text).join('\n');
    expect(all).toContain('Widget nodes are supported provided that the operating system is Widget OS 2019 or Widget OS 2022.');
    const fields = drafts.filter((d) => d.data.type === 'compatibility').map((d) => d.data.title);
    expect(fields).toEqual(config.site.compatibilityTitle.includes('{field}') ? ['securityContext.privileged', 'securityContext.runAsUser', 'volumes'].map((f) => config.site.compatibilityTitle.replace('{field}', f)) : []);
    const runAs = drafts.find((d) => d.data.title.includes('runAsUser'))!;
    expect(runAs.data.text).toBe('securityContext.runAsUser - use runAsUserName instead');
    expect(drafts.some((d) => d.body.children.some((n) => n.type === 'code' || (n as { children?: { type: string }[] }).children?.some((c) => c.type === 'code')))).toBe(true);
  });

  test('markdown callouts, reference links and relative links resolve against the original URL', () => {
    const { drafts } = runStages(path.join(fixtures, 'markdown-callouts'));
    const links: string[] = [];
    for (const d of drafts) visit(d.body, 'link', (l: { url: string }) => void links.push(l.url));
    expect(links).toEqual([
      'https://learn.example.org/docs/widgets/widget-vs-gadget',
      'https://learn.example.org/virtualization/widgets/compat',
      'https://learn.example.org/docs/widgets/widget-overlay#choosing',
    ]);
    const os = drafts.find((d) => d.data.title === 'Widget OS version')!;
    expect(os.data.type).toBe('best-practice');
    expect(os.data.statements[0].kind).toBe('note');
    expect(os.data.source.url).toBe('https://learn.example.org/docs/widgets/best-practices#widget-os-version');
  });

  test('entry and statement ids do not change when another part of the source changes', () => {
    const dir = path.join(fixtures, 'text-faq');
    const before = runStages(dir).drafts.map((d) => [d.data.id, d.data.statements.map((s) => s.id)]);
    const body = readFileSync(path.join(dir, 'input.txt'), 'utf8').replace('Widgets are small.', 'Widgets are small and shiny.');
    const { meta } = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    const source = sourceSchema.parse({ dateEvidence: 'fixture', ...meta, file: 'input.txt', format: 'text' });
    const tree = parseSource({ meta: source, body, bodyLine: 1 }, config);
    const after = buildEntries(source, segment(tree, source.title), body.split('\n'), { classifier: createClassifier(config.vocabulary), site: config.site, diagnostics: [] }).map((d) => [d.data.id, d.data.statements.map((s) => s.id)]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });
});
