// Navigation data computed once from the knowledge base: topics, type groups, neighbours, changes, badges.
import type { Entry, EntryType, Statement } from '../shared/schemas/entry.ts';
import type { KnowledgeBase } from '../shared/schemas/knowledge-base.ts';
import type { Source } from '../shared/schemas/source.ts';
import type { SiteConfig, Vocabulary } from '../shared/schemas/vocabulary.ts';
import { entryTypeLabels, entryTypeOrder } from './labels.ts';
import { newestDate } from './format.ts';

/** A topic with its entries in reading order. */
export interface TopicSummary {
  id: string;
  label: string;
  entries: Entry[];
}

/** Entries of one type, with the group heading. */
export interface TypeGroup {
  type: EntryType;
  label: string;
  entries: Entry[];
}

/** One superseded statement and what replaced it. */
export interface ChangeItem {
  entry: Entry;
  statement: Statement;
}

/** A badge for what an entry applies to. */
export interface AppliesToBadge {
  kind: 'platform' | 'os' | 'product';
  label: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Reading order: by type group, then by title. */
export function sortForReading(entries: readonly Entry[]): Entry[] {
  return [...entries].sort(
    (a, b) => entryTypeOrder.indexOf(a.type) - entryTypeOrder.indexOf(b.type) || collator.compare(a.title, b.title),
  );
}

/** Entries grouped by type, in type order; empty groups are left out. */
export function groupByType(entries: readonly Entry[]): TypeGroup[] {
  return entryTypeOrder
    .map((type) => ({
      type,
      label: entryTypeLabels[type].group,
      entries: sortForReading(entries.filter((entry) => entry.type === type)),
    }))
    .filter((group) => group.entries.length > 0);
}

// Computed once per knowledge base (a build has one): every entry page asks for its neighbours, and sorting every
// topic on every page made the site build quadratic in entries.
const summaries = new WeakMap<KnowledgeBase, Map<Vocabulary, TopicSummary[]>>();
const positions = new WeakMap<TopicSummary, Map<string, number>>();

/** Every vocabulary topic with its entries, in vocabulary order. */
export function topicSummaries(kb: KnowledgeBase, vocabulary: Vocabulary): TopicSummary[] {
  let byVocabulary = summaries.get(kb);
  if (!byVocabulary) summaries.set(kb, (byVocabulary = new Map()));
  let list = byVocabulary.get(vocabulary);
  if (!list) {
    list = vocabulary.topics.map((topic) => ({
      id: topic.id,
      label: topic.label,
      entries: sortForReading(kb.entries.filter((entry) => entry.topics.includes(topic.id))),
    }));
    byVocabulary.set(vocabulary, list);
  }
  return list;
}

/** The entry's first topic and its previous/next entries in that topic's reading order. */
export function neighbours(entry: Entry, kb: KnowledgeBase, vocabulary: Vocabulary) {
  const topic = topicSummaries(kb, vocabulary).find((t) => t.id === entry.topics[0]);
  if (!topic) return { topic: undefined, previous: undefined, next: undefined };
  let position = positions.get(topic);
  if (!position) positions.set(topic, (position = new Map(topic.entries.map((e, i) => [e.id, i]))));
  const index = position.get(entry.id) ?? -1;
  return { topic, previous: topic.entries[index - 1], next: topic.entries[index + 1] };
}

/** Statements a newer source has outdated. */
export function outdatedStatements(entry: Entry): Statement[] {
  return entry.statements.filter((statement) => statement.status === 'outdated');
}

/** The entry's answer as plain text, leaving out outdated statements. */
export function currentAnswer(entry: Entry): string {
  const current = entry.statements.filter((s) => s.status !== 'outdated' && s.kind !== 'heading');
  return (current.length > 0 ? current : entry.statements).map((s) => s.text).join(' ');
}

/** The date the entry's current statements are true as of (newest), falling back to its source's date. */
export function entryAsOf(entry: Entry, source: Source | undefined): string | undefined {
  const current = entry.statements.filter((s) => s.status !== 'outdated').map((s) => s.asOf);
  return newestDate(current) ?? source?.date;
}

/** Outdated statements across the knowledge base, newest replacement first. */
export function recentChanges(kb: KnowledgeBase, limit = Infinity): ChangeItem[] {
  const items = kb.entries.flatMap((entry) => outdatedStatements(entry).map((statement) => ({ entry, statement })));
  const replacedOn = (item: ChangeItem) => newestDate(item.statement.supersededBy.map((s) => s.asOf ?? '')) ?? '';
  return items.sort((a, b) => replacedOn(b).localeCompare(replacedOn(a))).slice(0, limit);
}

// Lookups by id, built once per knowledge base: pages asked for them by scanning every entry, which made a
// 50,000-entry site quadratic (each page scanning 50,000 entries).
interface Lookups {
  entries: Map<string, Entry>;
  sources: Map<string, Source>;
  bySource: Map<string, readonly Entry[]>;
}
const lookupCache = new WeakMap<KnowledgeBase, Lookups>();

function lookups(kb: KnowledgeBase): Lookups {
  let found = lookupCache.get(kb);
  if (!found) {
    found = {
      entries: new Map(kb.entries.map((entry) => [entry.id, entry])),
      sources: new Map(kb.sources.map((source) => [source.id, source])),
      bySource: Map.groupBy(kb.entries, (entry) => entry.source.id),
    };
    lookupCache.set(kb, found);
  }
  return found;
}

/** The source an entry or page refers to. */
export function sourceById(kb: KnowledgeBase, id: string): Source | undefined {
  return lookups(kb).sources.get(id);
}

/** The entries with these ids, in the order given; unknown ids are left out. */
export function entriesByIds(kb: KnowledgeBase, ids: readonly string[]): Entry[] {
  const { entries } = lookups(kb);
  return ids.flatMap((id) => entries.get(id) ?? []);
}

/** Labelled applies-to badges: platforms (site scopes), OS versions (vocabulary) and product versions. */
export function appliesToBadges(appliesTo: Entry['appliesTo'], site: SiteConfig, vocabulary: Vocabulary): AppliesToBadge[] {
  const label = (groups: { id: string; label: string }[], id: string) => groups.find((g) => g.id === id)?.label ?? id;
  const product = vocabulary.productVersion?.label;
  return [
    ...appliesTo.platforms.map((id) => ({ kind: 'platform' as const, label: label(site.scopes, id) })),
    ...appliesTo.osVersions.map((id) => ({ kind: 'os' as const, label: label(vocabulary.osVersions, id) })),
    ...appliesTo.productVersions.map((v) => ({ kind: 'product' as const, label: product ? `${product} ${v}` : v })),
  ];
}

/** Entries a source produced, grouped by type. */
export function entriesOfSource(kb: KnowledgeBase, sourceId: string): readonly Entry[] {
  return lookups(kb).bySource.get(sourceId) ?? [];
}
