// Query latency in Node: `node scripts/bench-query.ts [--file questions.jsonl] [--rounds N]`. Loads the index the
// way `kb ask` does, reads every statement file first (so disk time is not counted), then times `ask` and the
// search-as-you-type path over the questions (every third prefix of each question for search). Prints percentiles
// of all runs, and of each query's best run: on a shared machine the best run is the query's own cost, the rest
// includes time other processes took the CPU.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ask } from '../src/shared/query/ask.ts';
import { loadTexts } from '../src/shared/query/engine.ts';
import { searchEntries } from '../src/shared/query/search.ts';
import { cliEngine } from './cli/commands/ask.ts';
import { projectRoot } from './cli/paths.ts';

const { values } = parseArgs({ options: { file: { type: 'string' }, rounds: { type: 'string' }, index: { type: 'string' } } });
const file = path.resolve(projectRoot, values.file ?? '../shared/eval/dev-questions.jsonl');
const rounds = Number(values.rounds ?? 5);
const questions = (await readFile(file, 'utf8'))
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { question: string }).question);
const engine = await cliEngine({ index: values.index });
await loadTexts(engine, engine.entries.map((e) => e.n));

const percentile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const report = (label: string, xs: number[]) => {
  xs.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} n=${String(xs.length).padEnd(6)} p50 ${percentile(xs, 50).toFixed(3)} ms  p95 ${percentile(xs, 95).toFixed(3)} ms  p99 ${percentile(xs, 99).toFixed(3)} ms  max ${xs[xs.length - 1].toFixed(3)} ms`);
};

// One untimed pass warms the JIT and the per-term lookup cache, as a live page would be after its first query.
for (const q of questions) await ask(engine, q);
const askTimes: number[][] = questions.map(() => []);
const searchTimes = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  for (const [k, q] of questions.entries()) {
    const t0 = performance.now();
    await ask(engine, q);
    askTimes[k].push(performance.now() - t0);
    for (let i = 1; i <= q.length; i += 3) {
      const prefix = q.slice(0, i);
      const t1 = performance.now();
      await searchEntries(engine, prefix, { limit: 8 });
      const list = searchTimes.get(prefix) ?? [];
      list.push(performance.now() - t1);
      searchTimes.set(prefix, list);
    }
  }
  engine.cache.clear();
}
console.log(`${questions.length} questions from ${path.relative(process.cwd(), file)}, ${rounds} rounds (term cache cleared between rounds)`);
report('ask, all runs', askTimes.flat());
report('ask, best run per question', askTimes.map((xs) => Math.min(...xs)));
report('search, all runs', [...searchTimes.values()].flat());
report('search, best run per prefix', [...searchTimes.values()].map((xs) => Math.min(...xs)));
