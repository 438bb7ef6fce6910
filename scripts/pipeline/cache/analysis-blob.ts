import type { Root } from 'mdast';
import { deserialize, serialize } from 'node:v8';
import type { Entry } from '../../../src/shared/schemas/entry.ts';
import type { SourceAnalysis } from '../build.ts';
import type { EntryDraft } from '../entries/build-entries.ts';

/** A source analysis as the cache stores it: the analysis without its bodies, and the bodies packed apart. */
export interface PackedAnalysis {
  analysis: Uint8Array;
  bodies: Uint8Array;
}

/** A stored analysis before its drafts get bodies. */
type StoredAnalysis = Omit<SourceAnalysis, 'drafts'> & { drafts: { data: Entry }[] };

/**
 * Packs a source analysis for the cache. The bodies go in a blob of their own, each serialised apart: reading an
 * analysis back neither rebuilds nor holds its trees, since only the pages that must be rendered need them (an edit
 * to one source of 10,000 entries renders a handful), and at 50,000 entries the serialised bodies alone were over
 * 400 MB.
 */
export function packAnalysis(analysis: SourceAnalysis): PackedAnalysis {
  return {
    analysis: serialize({ ...analysis, drafts: analysis.drafts.map((d) => ({ data: d.data })) } satisfies StoredAnalysis),
    bodies: packBytes(analysis.drafts.map((d) => serialize(d.body))),
  };
}

/**
 * A stored analysis whose drafts read their bodies through `bodies` (the packed bodies blob, fetched again each time
 * it is needed: callers keep it only as long as they like). A body is deserialised on first read.
 */
export function unpackAnalysis(analysis: Uint8Array, bodies: () => Uint8Array): SourceAnalysis {
  const stored = deserialize(analysis) as StoredAnalysis;
  return { ...stored, drafts: stored.drafts.map(({ data }, i) => lazyDraft(data, () => bytesAt(bodies(), i))) };
}

// The serialised body of each lazy draft, so a body can be handed to a worker thread without being deserialised here.
const serialisedBodies = new WeakMap<object, () => Uint8Array>();

/**
 * A draft's body serialised (v8), in bytes of its own: copied straight from the cache for a draft it made, else
 * serialised now. (A view into the cache's blob would carry the whole blob along when posted to a thread.)
 */
export function serialisedBody(draft: EntryDraft): Uint8Array {
  const bytes = serialisedBodies.get(Object.getOwnPropertyDescriptor(draft, 'body')?.get ?? {});
  return bytes ? bytes().slice() : serialize(draft.body);
}

/** A body serialised by `serialisedBody`, as a tree again. */
export function bodyFromBytes(bytes: Uint8Array): Root {
  return deserialize(bytes) as Root;
}

function lazyDraft(data: Entry, bytes: () => Uint8Array): EntryDraft {
  let tree: Root | undefined;
  const get = () => (tree ??= bodyFromBytes(bytes()));
  // The getter is the key: withData carries it over to the draft's later copies.
  serialisedBodies.set(get, bytes);
  // No setter: the body is the cache's, and serialisedBody must never hand out bytes of a body replaced since.
  return Object.defineProperty({ data } as EntryDraft, 'body', { enumerable: true, get });
}

/** Byte arrays as one: their count and lengths (uint32, little-endian), then their bytes. */
export function packBytes(parts: Uint8Array[]): Uint8Array {
  const head = 4 * (parts.length + 1);
  const out = new Uint8Array(head + parts.reduce((n, p) => n + p.byteLength, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, parts.length, true);
  let at = head;
  parts.forEach((p, i) => {
    view.setUint32(4 * (i + 1), p.byteLength, true);
    out.set(p, at);
    at += p.byteLength;
  });
  return out;
}

/** The `index`-th byte array of a `packBytes` blob, as a view (no copy). Throws on a blob too short for it. */
export function bytesAt(packed: Uint8Array, index: number): Uint8Array {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const count = packed.byteLength >= 4 ? view.getUint32(0, true) : 0;
  if (index < 0 || index >= count || 4 * (count + 1) > packed.byteLength) throw new Error(`packed bytes: no part ${index} (the blob holds ${count})`);
  let at = 4 * (count + 1);
  for (let i = 0; i < index; i++) at += view.getUint32(4 * (i + 1), true);
  const length = view.getUint32(4 * (index + 1), true);
  if (at + length > packed.byteLength) throw new Error(`packed bytes: part ${index} runs past the end of the blob`);
  return packed.subarray(at, at + length);
}
