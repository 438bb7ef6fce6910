import type { KnowledgeBase } from './schemas/knowledge-base.ts';
import { entryPath } from './urls.ts';

/** The public JSON shape of `kb export --json`. */
export function toExport(kb: KnowledgeBase) {
  return {
    sources: kb.sources.map((s) => ({ id: s.id, title: s.title, url: s.url, date: s.date, license: s.license })),
    entries: kb.entries.map((e) => ({
      id: e.id,
      type: e.type,
      title: e.title,
      text: e.text,
      url: entryPath(e.id),
      source: e.source.id,
      topics: e.topics,
      appliesTo: e.appliesTo,
      statements: e.statements.map((s) => ({
        id: s.id,
        text: s.text,
        status: s.status,
        asOf: s.asOf,
        supersededBy: s.supersededBy.map((b) => ({ entry: b.entry, text: b.text, source: b.source })),
      })),
    })),
  };
}
