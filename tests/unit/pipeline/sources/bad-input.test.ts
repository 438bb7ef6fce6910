import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase } from '../../../../scripts/pipeline/build.ts';
import { loadContentConfig } from '../../../../scripts/pipeline/config/load-config.ts';
import { BuildError, formatDiagnostic } from '../../../../scripts/pipeline/diagnostics.ts';
import type { RawFolder } from '../../../../scripts/pipeline/sources/read-folder.ts';

const config = await loadContentConfig(path.resolve('content'));
const enc = new TextEncoder();
const good = `---\ntitle: Good\nurl: https://example.org/good\ndate: 2024-01\nlicense: CC0\n---\n# Good\n\n## Is this fine?\n\nYes, it is fine.\n`;

/** Builds an in-memory folder and returns the error lines, or [] when the build succeeds. */
function errorsFor(files: Record<string, string | Uint8Array>, manifest?: string): string[] {
  const folder: RawFolder = {
    dir: '/virtual/sources',
    files: Object.entries(files).map(([name, c]) => ({ name, bytes: typeof c === 'string' ? enc.encode(c) : c })),
    manifest: manifest === undefined ? undefined : { name: 'sources.yaml', bytes: enc.encode(manifest) },
  };
  try {
    buildKnowledgeBase(folder, config);
    return [];
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  }
}

describe('bad input gets a clear error naming the file and line', () => {
  test('a good source builds', () => expect(errorsFor({ 'good.md': good })).toEqual([]));

  test('an empty file', () => {
    expect(errorsFor({ 'good.md': good, 'empty.md': '' })).toEqual(['empty.md:1: error: source is empty']);
    expect(errorsFor({ 'blank.txt': '---\ntitle: T\nurl: https://e.org\ndate: 2024\nlicense: CC0\n---\n\n  \n' })).toEqual(['blank.txt:7: error: source is empty']);
  });

  test('a non-UTF-8 file', () => {
    const latin1 = Uint8Array.from([...enc.encode('Title\n\nLine two\n'), 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    expect(errorsFor({ 'good.md': good, 'latin1.txt': latin1 })).toEqual(['latin1.txt:4: error: not valid UTF-8; re-save the file as UTF-8']);
  });

  test('a binary file', () => {
    expect(errorsFor({ 'good.md': good, 'image.md': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) })).toEqual(['image.md:3: error: binary file (NUL byte); sources must be UTF-8 text']);
  });

  test('a file with no title', () => {
    const errors = errorsFor({ 'untitled.md': '---\nurl: https://e.org/x\ndate: 2024\nlicense: CC0\n---\nJust a paragraph with no heading.\n' });
    expect(errors).toEqual([expect.stringMatching(/^untitled\.md:6: error: source has no title/)]);
  });

  test('a duplicated question', () => {
    const errors = errorsFor({ 'dup.md': `${good}\n## Is this fine?\n\nStill fine.\n` });
    expect(errors).toEqual(['dup.md:13: error: duplicated question "Is this fine?" (first asked on line 9)']);
  });

  test('malformed frontmatter', () => {
    expect(errorsFor({ 'bad.md': '---\ntitle: [unclosed\nurl: https://e.org\n---\n# T\n\nText.\n' })[0]).toMatch(/^bad\.md:\d+: error: malformed YAML/);
    expect(errorsFor({ 'open.md': '---\ntitle: T\n# T\n\nText.\n' })).toEqual(['open.md:1: error: frontmatter starts with --- but never closes']);
  });

  test('unknown frontmatter', () => {
    const errors = errorsFor({ 'unknown.md': '---\ntitle: T\nurl: https://e.org\ndate: 2024\nlicense: CC0\nauthorr: me\n---\n# T\n\nText.\n' });
    expect(errors).toEqual([expect.stringMatching(/^unknown\.md:6: error: unknown frontmatter key "authorr"/)]);
  });

  test('invalid metadata values name the key', () => {
    const errors = errorsFor({ 'meta.md': '---\ntitle: T\nurl: not a url\ndate: last year\nlicense: CC0\n---\n# T\n\nText.\n' });
    expect(errors).toEqual([expect.stringMatching(/^meta\.md:3: error: metadata "url"/), expect.stringMatching(/^meta\.md:4: error: metadata "date"/)]);
  });

  test('a manifest that names a missing file', () => {
    const manifest = 'sources:\n  - file: good.md\n    id: good\n  - file: missing.txt\n    url: https://e.org\n';
    expect(errorsFor({ 'good.md': good }, manifest)).toEqual(['sources.yaml:4: error: manifest names a missing file "missing.txt"']);
  });

  test('a broken manifest', () => {
    expect(errorsFor({ 'good.md': good }, 'sources:\n  - file: good.md\n   id: x\n')[0]).toMatch(/^sources\.yaml:\d+: error: malformed YAML/);
    expect(errorsFor({ 'good.md': good }, 'sources:\n  - file: good.md\n    colour: red\n')).toEqual([expect.stringMatching(/^sources\.yaml:\d+: error: .*colour/)]);
  });

  test('two sources with the same id', () => {
    const other = good.replace('title: Good', 'title: Other\nid: good');
    expect(errorsFor({ 'good.md': good, 'other.md': other })).toEqual(['other.md:1: error: duplicate source id "good" (also used by good.md)']);
  });

  test('a 10 MB source', () => {
    const big = `${good}\n${'Lorem ipsum dolor sit amet. '.repeat(380_000)}\n`;
    expect(errorsFor({ 'big.md': big })).toEqual(['big.md: error: file is 10.1 MB; sources are limited to 5 MB']);
  });

  test('an empty folder', () => expect(errorsFor({})).toEqual(['/virtual/sources: error: no source files (.md, .markdown, .txt) found']));

  test('MDX and JSX syntax inside a source is kept as text', () => {
    const jsx = `${good}\n## Does JSX run?\n\n<Danger onClick={() => alert(1)} />\n\nexport const y = {a: 1}\n`;
    expect(errorsFor({ 'jsx.md': jsx })).toEqual([]);
  });
});
