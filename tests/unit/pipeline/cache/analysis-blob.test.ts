// Unit tests for scripts/pipeline/cache/analysis-blob.ts: a stored analysis reads back equal; a body is only read
// from its blob, and only rebuilt, when something asks for it, also after the versions stage gave its draft new data.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource, createSourceTools } from '../../../../scripts/pipeline/build.ts';
import { bodyFromBytes, bytesAt, packAnalysis, packBytes, serialisedBody, unpackAnalysis } from '../../../../scripts/pipeline/cache/analysis-blob.ts';
import { loadContentConfig } from '../../../../scripts/pipeline/config/load-config.ts';
import { withData } from '../../../../scripts/pipeline/entries/build-entries.ts';
import { readSourceFolder } from '../../../../scripts/pipeline/sources/read-folder.ts';
import { resolveSources } from '../../../../scripts/pipeline/sources/resolve-sources.ts';

const config = await loadContentConfig(path.resolve('content'));
const { sources } = resolveSources(await readSourceFolder(path.resolve('content/sources')), { scope: config.site.defaultScope });
const analysis = analyzeSource(sources[0], config, createSourceTools(config));

describe('pipeline/cache/analysis-blob', () => {
  test('an analysis reads back equal; bodies are read from their blob only when asked for, and kept through withData', () => {
    const packed = packAnalysis(analysis);
    let reads = 0;
    const back = unpackAnalysis(packed.analysis, () => (reads++, packed.bodies));
    expect(back.drafts.map((d) => d.data)).toEqual(analysis.drafts.map((d) => d.data));
    expect({ ...back, drafts: [] }).toEqual({ ...analysis, drafts: [] });
    expect(reads).toBe(0);

    const draft = back.drafts[1];
    const descriptor = Object.getOwnPropertyDescriptor(draft, 'body')!;
    expect(descriptor.get).toBeTypeOf('function');
    const moved = withData(draft, { ...draft.data, related: [] });
    expect(Object.getOwnPropertyDescriptor(moved, 'body')!.get).toBe(descriptor.get);
    expect(reads).toBe(0);
    expect(moved.body).toEqual(analysis.drafts[1].body);
    expect(draft.body).toBe(moved.body);
    expect(reads).toBe(1);
  });

  test('a body goes to a worker as bytes of its own, straight from the blob, and reads back as the same tree', () => {
    const packed = packAnalysis(analysis);
    const back = unpackAnalysis(packed.analysis, () => packed.bodies);
    const moved = withData(back.drafts[0], { ...back.drafts[0].data, related: [] });
    const bytes = serialisedBody(moved);
    // Its own buffer: posting it to a thread copies this body, not the whole blob.
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    expect(bodyFromBytes(bytes)).toEqual(analysis.drafts[0].body);
    // A draft the cache did not make is serialised on the spot.
    expect(bodyFromBytes(serialisedBody(analysis.drafts[0]))).toEqual(analysis.drafts[0].body);
  });

  test('packed bytes: each part reads back; a damaged blob is an error, not a wrong body', () => {
    const parts = [new Uint8Array([1, 2, 3]), new Uint8Array([]), new Uint8Array([9])];
    const packed = packBytes(parts);
    expect(parts.map((_, i) => [...bytesAt(packed, i)])).toEqual([[1, 2, 3], [], [9]]);
    expect(() => bytesAt(packed, 3)).toThrow(/no part 3/);
    expect(() => bytesAt(packed.subarray(0, packed.byteLength - 1), 2)).toThrow(/past the end/);
    expect(() => bytesAt(new Uint8Array(2), 0)).toThrow(/no part 0/);
  });
});
