import type { Root } from 'mdast';
import { deserialize, serialize } from 'node:v8';
import type { Entry } from '../../../src/shared/schemas/entry.ts';
import type { SourceAnalysis } from '../build.ts';
import type { EntryDraft } from '../entries/build-entries.ts';

/** A stored analysis before its drafts' bodies are read. */
type StoredAnalysis = Omit<SourceAnalysis, 'drafts'> & { drafts: { data: Entry; body: Uint8Array }[] };

/**
 * A source analysis as the cache stores it: each entry body serialised on its own inside, so that reading the
 * analysis back does not rebuild every tree. Only the pages that must be rendered need their bodies; an edit to one
 * source of 10,000 entries renders a handful.
 */
export function packAnalysis(analysis: SourceAnalysis): Uint8Array {
  return serialize({ ...analysis, drafts: analysis.drafts.map((d) => ({ data: d.data, body: serialize(d.body) })) } satisfies StoredAnalysis);
}

/** A stored analysis, with each draft's body deserialised the first time it is read. */
export function unpackAnalysis(blob: Uint8Array): SourceAnalysis {
  const stored = deserialize(blob) as StoredAnalysis;
  return { ...stored, drafts: stored.drafts.map(({ data, body }) => lazyDraft(data, body)) };
}

function lazyDraft(data: Entry, bytes: Uint8Array): EntryDraft {
  let tree: Root | undefined;
  return Object.defineProperty({ data } as EntryDraft, 'body', {
    enumerable: true,
    get: () => (tree ??= deserialize(bytes) as Root),
    set: (value: Root) => {
      tree = value;
    },
  });
}
