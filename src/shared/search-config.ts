// The one FlexSearch configuration: the indexer (build time), `kb ask` and the browser all build their Document
// from here, so an exported index imports into an identical Document everywhere.
import type FlexSearchTypes from 'flexsearch';
import type { Document as FlexDocument, DocumentData, DocumentOptions } from 'flexsearch';
import type { Synonyms } from './schemas/synonyms.ts';
// The compact build (Document, tags, store, export/import; no workers or persistence) keeps the first search small.
// @ts-expect-error -- the compact build ships no typings of its own; its API is the 'flexsearch' module's.
import FlexSearchCompact from '../../node_modules/flexsearch/dist/flexsearch.compact.module.min.js';

const { Document } = FlexSearchCompact as typeof FlexSearchTypes;

/**
 * One indexed document. Entry documents (numbers `0 … entries-1`) carry an entry's metadata and its analysed
 * title in `t`; statement documents (the numbers after them, in entry order) carry one statement's analysed text
 * in `x` and, when it is not current, its status. `t` and `x` are indexed, not stored. Statement texts and anchors
 * are not in the index at all: they sit in one small file per entry, fetched for the results on screen.
 */
export interface SearchDoc {
  [key: string]: string | number | boolean | null | string[] | number[] | undefined;
  /** Document number (the FlexSearch id). */
  n: number;
  /** Entry: analysed title and section path (index terms joined by spaces). */
  t?: string;
  /** Entry id (also its page slug). */
  id?: string;
  title?: string;
  type?: string;
  topics?: string[];
  /** Source id. */
  source?: string;
  /** Link to the original document's section. */
  url?: string;
  /** Related entries, as entry numbers. */
  related?: number[];
  /** Wizard leaf path, when there is one. */
  wizard?: string;
  /** Verdict set by the pipeline, when there is one. */
  verdict?: string;
  /** 1 when the title is a question. */
  q?: number;
  /** Number of statements (they are numbered consecutively, entry by entry). */
  c?: number;
  /** Index (within the entry) of the statement the title was made from, when the title is its opening words. */
  tf?: number;
  /** Statement: analysed text (index terms joined by spaces). */
  x?: string;
  /** Statement status, when not current. */
  status?: string;
  /** Statement date, when not current. */
  asOf?: string;
  /** Statement numbers (from 0) of the statements that supersede this one. */
  sup?: number[];
}

/** A ceiling a statement states ("a maximum of 100 node pools"): the number, and what it counts as configured. */
export type StatedCeiling = [value: number, unit: string];

/** One entry's statements, as `[anchor id, text]` in reading order: the file fetched to show its results. */
export interface EntryTexts {
  s: [id: string, text: string][];
  /** The ceilings statements state (their limit claims), by statement index within the entry; verdicts read them. */
  max?: Record<number, StatedCeiling[]>;
  /** Indexes (within the entry) of the statements that are list items. */
  bullets?: number[];
}

/** Fields the search filters by (FlexSearch tags on entry documents). */
export const filterFields = ['topics', 'source', 'type'] as const;
export type FilterField = (typeof filterFields)[number];

/** The FlexSearch Document options shared by every side. */
export const searchConfig: DocumentOptions<DocumentData> = {
  tokenize: 'strict',
  resolution: 1,
  fastupdate: false,
  // Terms arrive analysed (normalised, stemmed, synonyms resolved by src/shared/query), so FlexSearch only splits.
  encode: (content: string) => content.split(' ').filter(Boolean),
  document: {
    id: 'n',
    index: ['t', 'x'],
    tag: [...filterFields],
    store: ['id', 'title', 'type', 'topics', 'source', 'url', 'related', 'wizard', 'verdict', 'q', 'c', 'tf', 'status', 'asOf', 'sup'],
  },
};

/** The FlexSearch Document type used throughout. */
export type SearchDocument = FlexDocument<DocumentData>;

/** A search document as FlexSearch's typings want it (builders drop undefined fields before adding). */
export function asDocumentData(doc: SearchDoc): DocumentData {
  return doc as unknown as DocumentData;
}

/** A fresh, empty Document with the shared configuration. */
export function createSearchDocument(): SearchDocument {
  return new Document<DocumentData>(searchConfig);
}

/** A source as search results cite it. */
export interface SearchSource {
  id: string;
  title: string;
  url: string;
  date: string;
  scope: string;
}

/** What the query side needs besides the FlexSearch export: counts, labels and the lexicon data. */
export interface SearchMeta {
  /** Content hash of the whole index. */
  version: string;
  /** Number of entry documents (numbered from 0). */
  entries: number;
  /** Number of statements (numbered from 0 in entry order). */
  statements: number;
  sources: SearchSource[];
  topics: { id: string; label: string }[];
  /** Domain synonyms (content/synonyms.yaml). */
  synonyms: Synonyms;
  /** Abbreviations the sources define, as [long form, abbreviation]. */
  abbreviations: [string, string][];
}

/** `search/manifest.json`: file names (content-hashed, so they can be cached forever) by export key. */
export interface SearchManifest {
  version: string;
  /** `meta` plus every FlexSearch export key. */
  files: Record<string, string>;
  /** Folder (content-hashed) of the per-entry statement files, `<folder><entry number>.json`. */
  texts: string;
}

/** Name of the manifest file inside the search output folder. */
export const manifestFile = 'manifest.json';
