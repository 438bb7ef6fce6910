import { spawnSync } from 'node:child_process';
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

  test('ask --json gives the documented shape: the current answer first, its sources, the outdated claim, close matches', async () => {
    const { code, stdout } = await kb('ask', '--json', 'max node pools');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['abstained', 'answers', 'close', 'confidence', 'interpretedAs', 'nearestEntries', 'nearestTopics', 'question']);
    expect(result).toMatchObject({ question: 'max node pools', abstained: false, interpretedAs: null });
    expect(result.answers.length).toBeGreaterThan(1);
    expect(result.answers.length).toBeLessThanOrEqual(5);
    const [top] = result.answers;
    expect(Object.keys(top).sort()).toEqual(['id', 'outdated', 'score', 'sources', 'text', 'title', 'url', 'verdict', 'wizard']);
    expect(top.text).toContain('100');
    expect(top.url).toMatch(/^\/entries\/[a-z0-9-]+\/#s-[a-z0-9]+/);
    expect(top.sources[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), url: expect.stringMatching(/^https:\/\//), quote: expect.stringContaining('100') });
    expect(top.outdated.some((o: { text: string; source: string; asOf: string | null }) => /eight/i.test(o.text) && o.source && o.asOf)).toBe(true);
    // Close matches are runners-up (never the first answer), by id.
    for (const id of result.close) expect(result.answers.slice(1, 3).map((a: { id: string }) => a.id)).toContain(id);

    const text = await kb('ask', 'max node pools');
    expect(text.stdout).toMatch(/^.*node pools.*\n {2}.*100/m);
    expect(text.stdout).toMatch(/ {2}source: .+ — https:\/\//);
    expect(text.stdout).toMatch(/ {2}outdated \(.+\): .*eight/i);
    if (result.close.length > 0) expect(text.stdout).toContain('Close matches (they may answer it instead):');
  });

  test('ask without a question reads one question per line and writes one JSON line each, abstaining honestly', () => {
    const questions = ['max node pools', '', '<img src=x onerror=alert(1)>', 'How do I RDP into an AKS Windows node through Azure Bastion?'];
    const run = spawnSync(process.execPath, ['scripts/kb.mjs', 'ask'], { input: `${questions.join('\n')}\n`, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions.filter(Boolean));
    expect(lines[0].answers[0].text).toContain('100');
    for (const l of lines.slice(1)) expect(l).toMatchObject({ abstained: true, answers: [], close: [] });
    // A question near the knowledge base gets the nearest entries and topics; markup matches nothing, so it gets none.
    expect(lines[1]).toMatchObject({ nearestTopics: [], nearestEntries: [] });
    expect(lines[2].nearestTopics.length).toBeGreaterThan(0);
    expect(lines[2].nearestEntries.length).toBeGreaterThan(0);
    expect(lines[2].nearestEntries.length).toBeLessThanOrEqual(3);
    for (const e of lines[2].nearestEntries) expect(e).toEqual({ id: expect.any(String), title: expect.any(String), url: `/entries/${e.id}/` });
  });

  test('unknown commands and flags exit with usage', async () => {
    expect((await kb('frobnicate')).code).toBe(2);
    expect((await kb('build', '--nope')).code).toBe(2);
    expect((await kb('export')).code).toBe(2);
  });
});
