import { createInterface } from 'node:readline';
import { ask as answer, closeAnswers, type AskResult } from '../../../src/shared/query/index.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { explain } from '../../../src/shared/query/explain.ts';
import { buildSearchIndex } from '../../pipeline/search-index/build-index.ts';
import { engineFromFiles, engineFromFolder } from '../../pipeline/search-index/node-engine.ts';
import type { Command } from '../commands.ts';
import { loadAndBuild } from '../load.ts';

/** The query engine: from an exported index folder, or built in memory from the sources (the same export path). */
export async function cliEngine(flags: { index?: string; sources?: string }): Promise<SearchEngine> {
  if (flags.index) return engineFromFolder(flags.index);
  const { kb, config } = await loadAndBuild(flags.sources);
  return engineFromFiles(buildSearchIndex(kb, config.vocabulary, config.synonyms));
}

/** The JSON shape of one answered question (one line per question in batch mode). */
export function toJson(result: AskResult) {
  return {
    question: result.question,
    interpretedAs: result.interpretedAs,
    abstained: result.abstained,
    confidence: result.confidence,
    answers: result.answers.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      text: a.text,
      verdict: a.verdict,
      score: a.score,
      sources: a.sources,
      outdated: a.outdated,
      wizard: a.wizard,
    })),
    /** Ids of the runners-up that match almost as well as the first answer (see `closeAnswers`). */
    close: closeAnswers(result).map((a) => a.id),
    nearestTopics: result.nearestTopics,
    nearestEntries: result.nearestEntries,
  };
}

const verdictLabel: Record<string, string> = { yes: 'Yes', no: 'No', partial: 'Partially', depends: 'Depends' };

/** Human-readable rendering of one answer. */
export function toText(result: AskResult): string {
  const lines: string[] = [];
  if (result.interpretedAs) lines.push(`(read as: ${result.interpretedAs})`);
  if (result.abstained) {
    lines.push('No answer in the knowledge base.');
    if (result.nearestEntries.length > 0) lines.push('Nearest entries (they may not answer it):', ...result.nearestEntries.map((e) => `  ${e.title}  ${e.url}`));
    if (result.nearestTopics.length > 0) lines.push(`Nearest topics: ${result.nearestTopics.map((t) => `${t.label} (${t.url})`).join(', ')}`);
    return lines.join('\n');
  }
  const close = new Set(closeAnswers(result));
  const line = (a: AskResult['answers'][number]) => `  ${result.answers.indexOf(a) + 1}. ${a.title}  ${a.url}  (${a.score})`;
  result.answers.forEach((a, i) => {
    if (i === 0) {
      lines.push(`${a.verdict ? `${verdictLabel[a.verdict]}. ` : ''}${a.title}`);
      lines.push(`  ${a.statements.filter((s) => s.status !== 'outdated').map((s) => s.text).join(' ')}`);
      for (const c of a.sources) lines.push(`  source: ${c.title} — ${c.url}  (site: ${c.href})`);
      for (const o of a.outdated) lines.push(`  outdated${o.asOf ? ` (${o.sourceTitle}, ${o.asOf})` : ''}: ${o.text}`);
      if (a.wizard) lines.push(`  wizard: ${a.wizard}`);
      if (close.size > 0) lines.push('', 'Close matches (they may answer it instead):', ...[...close].map(line));
      if (result.answers.length > close.size + 1) lines.push('', 'See also:');
    } else if (!close.has(a)) {
      lines.push(line(a));
    }
  });
  return lines.join('\n');
}

/** `kb ask "question" [--json]`; without a question, one question per stdin line and one JSON line each. */
export const ask: Command = {
  options: { json: { type: 'boolean' }, sources: { type: 'string' }, index: { type: 'string' }, context: { type: 'string' }, explain: { type: 'boolean' } },
  async run(flags, positionals) {
    const engine = await cliEngine({ index: flags.index as string | undefined, sources: flags.sources as string | undefined });
    const question = positionals.join(' ').trim();
    if (question && flags.explain) {
      process.stdout.write(`${explain(engine, question)}\n`);
      return 0;
    }
    if (question) {
      const result = await answer(engine, question, { previous: flags.context as string | undefined });
      process.stdout.write(flags.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : `${toText(result)}\n`);
      return 0;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      process.stdout.write(`${JSON.stringify(toJson(await answer(engine, line)))}\n`);
    }
    return 0;
  },
};
