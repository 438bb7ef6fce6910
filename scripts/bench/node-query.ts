// `node scripts/bench/node-query.ts --index DIR --questions FILE [--rounds N]`: query latency and Recall@1 in Node,
// on an index exported by `kb build`, loaded the way `kb ask --index` loads it. Prints one JSON object.
import { parseArgs } from 'node:util';
import { ask } from '../../src/shared/query/ask.ts';
import { searchEntries } from '../../src/shared/query/search.ts';
import { engineFromFolder } from '../pipeline/search-index/node-engine.ts';
import { readQuestions, recallAt1 } from '../eval/rule.ts';
import { percentile, round } from './run.ts';

/** What the Node query benchmark reports. */
export interface NodeQueryResult {
  questions: number;
  loadMs: number;
  /** `searchEntries` (the search dialog's call) on each question, after one warm-up pass. */
  searchP50Ms: number;
  searchP95Ms: number;
  /** `ask` (the answer page and `kb ask`) on each question. */
  askP50Ms: number;
  askP95Ms: number;
  /** Recall@1 of `ask` under the dev set's rule. */
  recallAt1: number;
}

const { values } = parseArgs({ options: { index: { type: 'string' }, questions: { type: 'string' }, rounds: { type: 'string' } } });
if (!values.index || !values.questions) throw new Error('usage: node-query.ts --index DIR --questions FILE [--rounds N]');
const rounds = Number(values.rounds ?? 3);
const questions = await readQuestions(values.questions);
const t0 = performance.now();
const engine = await engineFromFolder(values.index);
const loadMs = performance.now() - t0;

// Warm-up: JIT, the per-term lookup cache and the statement files of every result, as on a page in use.
const tops: (string | null)[] = [];
for (const q of questions) {
  await searchEntries(engine, q.question);
  const answer = await ask(engine, q.question);
  tops.push(answer.abstained ? null : (answer.answers[0]?.text ?? null));
}
const search: number[] = [];
const answers: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    let t = performance.now();
    await searchEntries(engine, q.question);
    search.push(performance.now() - t);
    t = performance.now();
    await ask(engine, q.question);
    answers.push(performance.now() - t);
  }
}
const result: NodeQueryResult = {
  questions: questions.length,
  loadMs: round(loadMs, 1),
  searchP50Ms: round(percentile(search, 50), 3),
  searchP95Ms: round(percentile(search, 95), 3),
  askP50Ms: round(percentile(answers, 50), 3),
  askP95Ms: round(percentile(answers, 95), 3),
  recallAt1: round(recallAt1(questions, tops), 4),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
