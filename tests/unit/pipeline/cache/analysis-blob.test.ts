// Unit tests for scripts/pipeline/cache/analysis-blob.ts: a stored analysis reads back equal, and a body is only
// rebuilt when something reads it, also after the versions stage gave its draft new data.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource, createSourceTools } from '../../../../scripts/pipeline/build.ts';
import { packAnalysis, unpackAnalysis } from '../../../../scripts/pipeline/cache/analysis-blob.ts';
import { loadContentConfig } from '../../../../scripts/pipeline/config/load-config.ts';
import { withData } from '../../../../scripts/pipeline/entries/build-entries.ts';
import { readSourceFolder } from '../../../../scripts/pipeline/sources/read-folder.ts';
import { resolveSources } from '../../../../scripts/pipeline/sources/resolve-sources.ts';

describe('pipeline/cache/analysis-blob', () => {
  test('an analysis reads back equal, each body made on first read and kept through withData', async () => {
    const config = await loadContentConfig(path.resolve('content'));
    const { sources } = resolveSources(await readSourceFolder(path.resolve('content/sources')), { scope: config.site.defaultScope });
    const analysis = analyzeSource(sources[0], config, createSourceTools(config));
    const back = unpackAnalysis(packAnalysis(analysis));
    expect(back.drafts.map((d) => d.data)).toEqual(analysis.drafts.map((d) => d.data));
    expect({ ...back, drafts: [] }).toEqual({ ...analysis, drafts: [] });

    const draft = back.drafts[0];
    const descriptor = Object.getOwnPropertyDescriptor(draft, 'body')!;
    expect(descriptor.get).toBeTypeOf('function');
    const moved = withData(draft, { ...draft.data, related: [] });
    expect(Object.getOwnPropertyDescriptor(moved, 'body')!.get).toBe(descriptor.get);
    expect(moved.body).toEqual(analysis.drafts[0].body);
    expect(draft.body).toBe(moved.body);
  });
});
