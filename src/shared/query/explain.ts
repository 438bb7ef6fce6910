import { analyzeQuery } from './analyze-query.ts';
import { confidenceOf } from './ask.ts';
import { rankEntries } from './rank.ts';
import { scopeQuery } from './scope.ts';
import type { SearchEngine } from './engine.ts';

/** A plain-text account of how a question was read and ranked (for `kb ask --explain`). */
export function explain(engine: SearchEngine, question: string, top = 5): string {
  const query = scopeQuery(engine, analyzeQuery(engine, question));
  const lines = ['slots:'];
  for (const s of query.slots) {
    const alts = s.alternatives.map((a) => (a.weight === 1 ? a.term : `${a.term}×${a.weight}`)).join(' | ');
    lines.push(`  ${s.surface.padEnd(24)} → ${alts.padEnd(40)} idf ${s.idf.toFixed(2)}${s.unknown ? ' UNKNOWN' : ''}${s.named ? ' named' : ''}${s.qualified ? ' qualified' : ''}${s.cue ? ' cue' : ''}`);
  }
  if (query.unknownTopic) lines.push('  (asks about a thing the index does not know)');
  if (query.backgroundName) lines.push('  (names a thing the index does not know in the story around the question)');
  lines.push('ranking:');
  for (const r of rankEntries(engine, query, { depth: top }).slice(0, top)) {
    const cov = r.coverage.map((c) => c.toFixed(1)).join(' ');
    lines.push(`  ${confidenceOf(query, r).toFixed(3)} ${r.score.toFixed(2).padStart(6)}  [${cov}]  ${r.entry.id}`);
  }
  return lines.join('\n');
}
