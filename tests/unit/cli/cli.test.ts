import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kb } from '../run-kb.ts';


const tmp = () => mkdtempSync(path.join(tmpdir(), 'kb-cli-'));

describe('kb CLI', { timeout: 120_000 }, () => {
  test('build prints stages and a summary, writes MDX and kb.json, and a failed build keeps the previous output', async () => {
    const out = path.join(tmp(), 'out');
    const ok = await kb('build', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/sources\s+5 sources/);
    expect(ok.stdout).toMatch(/coverage:\s+100\.0%/);
    const before = readdirSync(path.join(out, 'entries')).sort();
    expect(before.length).toBeGreaterThan(100);
    const kbJson = readFileSync(path.join(out, 'kb.json'), 'utf8');

    const bad = tmp();
    cpSync(path.resolve('content/sources'), bad, { recursive: true });
    writeFileSync(path.join(bad, 'broken.md'), '---\ntitle: [oops\n---\n# x\n');
    const failed = await kb('build', '--sources', bad, '--out', out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/broken\.md:\d+: error: malformed YAML/);
    expect(readdirSync(path.join(out, 'entries')).sort()).toEqual(before);
    expect(readFileSync(path.join(out, 'kb.json'), 'utf8')).toBe(kbJson);
  });

  test('a rerun is byte-identical', async () => {
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    await kb('build', '--quiet', '--out', a);
    await kb('build', '--quiet', '--out', b);
    for (const f of readdirSync(path.join(a, 'entries'))) expect(readFileSync(path.join(b, 'entries', f), 'utf8')).toBe(readFileSync(path.join(a, 'entries', f), 'utf8'));
    expect(readFileSync(path.join(b, 'kb.json'), 'utf8')).toBe(readFileSync(path.join(a, 'kb.json'), 'utf8'));
  });

  test('a source dropped into the folder with frontmatter is picked up with no other change', async () => {
    const dir = tmp();
    cpSync(path.resolve('content/sources'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'new-notes.md'), '---\ntitle: New notes\nurl: https://example.org/new\ndate: 2026-01\nlicense: CC BY 4.0\n---\n# New notes\n\n## Can I frobnicate widgets?\n\nYes, widgets can be frobnicated.\n');
    const { code, stdout } = await kb('export', '--json', '--sources', dir);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.sources.map((s: { id: string }) => s.id)).toContain('new-notes');
    const entry = data.entries.find((e: { title: string }) => e.title === 'Can I frobnicate widgets?');
    expect(entry).toMatchObject({ type: 'faq', source: 'new-notes', url: expect.stringMatching(/^\/entries\/new-notes-/), text: 'Yes, widgets can be frobnicated.' });
    expect(entry.statements[0]).toMatchObject({ text: 'Yes, widgets can be frobnicated.', status: 'current' });
  });

  test('check prints file:line problems and exits non-zero without writing', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'x.md'), '---\ntitle: X\nurl: https://e.org\ndate: 2024\nlicense: CC0\nbogus: 1\n---\n# X\n\nText.\n');
    const r = await kb('check', '--sources', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('x.md:6: error: unknown frontmatter key "bogus"');
    expect((await kb('check')).code).toBe(0);
  });

  test('unknown commands and flags exit with usage', async () => {
    expect((await kb('frobnicate')).code).toBe(2);
    expect((await kb('build', '--nope')).code).toBe(2);
    expect((await kb('export')).code).toBe(2);
  });
});
