// Unit tests for scripts/pipeline/emit/output-writer.ts and the streamed kb.json: nothing in the output changes before
// finish, an aborted write leaves the previous output, updates touch only what changed, chunks equal whole texts.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openOutput, writeAll } from '../../../../scripts/pipeline/emit/output-writer.ts';
import { knowledgeBaseJson } from '../../../../scripts/pipeline/emit/outputs.ts';
import { fixtureKb } from '../../query/fixture-kb.ts';

function folders() {
  const root = mkdtempSync(path.join(tmpdir(), 'kb-writer-'));
  return { root, out: path.join(root, 'out'), cache: path.join(root, 'cache') };
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

describe('pipeline/emit/output-writer', () => {
  test('a first write swaps a whole folder in; an update replaces only changed files and deletes dropped ones', async () => {
    const { out, cache } = folders();
    const first = await writeAll(await openOutput(out, { manifestDir: cache }), [
      ['kb.json', '{"a":1}\n'],
      ['entries/a.mdx', 'A'],
      ['entries/b.mdx', 'B'],
    ]);
    expect(first).toEqual({ mode: 'swap', unchanged: 0, written: 3, deleted: 0 });
    const untouched = statSync(path.join(out, 'entries/a.mdx')).mtimeMs;

    const writer = await openOutput(out, { manifestDir: cache });
    expect(writer.mode).toBe('update');
    await writer.put('entries/a.mdx', 'A');
    await writer.put('entries/c.mdx', 'C');
    await writer.put('kb.json', ['{"a":', '2}\n']);
    // Nothing is visible before finish.
    expect(read(out, 'kb.json')).toBe('{"a":1}\n');
    expect(readdirSync(path.join(out, 'entries')).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(await writer.finish()).toEqual({ mode: 'update', unchanged: 1, written: 2, deleted: 1 });
    expect(readdirSync(path.join(out, 'entries')).sort()).toEqual(['a.mdx', 'c.mdx']);
    expect(read(out, 'kb.json')).toBe('{"a":2}\n');
    expect(statSync(path.join(out, 'entries/a.mdx')).mtimeMs).toBe(untouched);
    expect(readdirSync(path.dirname(out)).filter((n) => n.startsWith('.out'))).toEqual([]);
  });

  test('an aborted or failing write leaves the previous output as it was', async () => {
    const { out, cache } = folders();
    await writeAll(await openOutput(out, { manifestDir: cache }), [['kb.json', 'old\n']]);
    const writer = await openOutput(out, { manifestDir: cache });
    await writer.put('kb.json', 'new\n');
    await writer.abort();
    expect(read(out, 'kb.json')).toBe('old\n');
    function* failing(): Generator<[string, string]> {
      yield ['entries/x.mdx', 'X'];
      throw new Error('render failed');
    }
    await expect(writeAll(await openOutput(out), failing())).rejects.toThrow('render failed');
    expect(readdirSync(out)).toEqual(['kb.json']);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['cache', 'out']);
  });

  test('a file changed by hand is written again, and a file kept by identity is not read', async () => {
    const { out, cache } = folders();
    await writeAll(await openOutput(out, { manifestDir: cache }), [['entries/a.mdx', 'A']]);
    const writer = await openOutput(out, { manifestDir: cache });
    await writer.put('entries/b.mdx', 'B', 'inputs-of-b');
    await writer.finish();
    writeFileSync(path.join(out, 'entries/a.mdx'), 'hand edit');
    const again = await openOutput(out, { manifestDir: cache });
    expect(await again.keep('entries/b.mdx', 'inputs-of-b')).toBe(true);
    // Content made in chunks can be named once it is all made.
    let made = 0;
    function* chunks() {
      made++;
      yield 'x';
    }
    await again.put('big.json', chunks(), () => `made-${made}`);
    expect(await again.keep('entries/b.mdx', 'other-inputs')).toBe(false);
    await again.put('entries/a.mdx', 'A');
    expect(await again.finish()).toMatchObject({ unchanged: 1, written: 2 });
    expect(read(out, 'entries/a.mdx')).toBe('A');
    expect(await (await openOutput(out, { manifestDir: cache })).keep('big.json', 'made-1')).toBe(true);
  });

  test('kb.json made one item at a time is the knowledge base, one entry per line', () => {
    const kb = fixtureKb();
    const text = [...knowledgeBaseJson(kb)].join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(kb)));
    expect(text.split('\n').filter((line) => line.startsWith('{"id":')).length).toBeGreaterThanOrEqual(kb.entries.length);
    expect(JSON.parse([...knowledgeBaseJson({ ...kb, entries: [], conflicts: [] })].join(''))).toMatchObject({ entries: [], conflicts: [] });
  });
});
