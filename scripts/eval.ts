// `npm run eval`: scores `kb ask --json` on the development questions with the rule in ../shared/eval/README.md.
// Usage: node scripts/eval.ts [--file questions.jsonl …] [--summary] [--json]
// Sets written separately from the development set (tests/unit/query/fixtures/*-questions.jsonl) check that tuning
// generalises: run them with --file (repeat it to score several sets and their pool). --summary leaves out the
// misses, so a sealed set can be scored without anyone reading its questions.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './cli/paths.ts';
import { readQuestions } from './eval/rule.ts';
import { mrr, poolScores, scoreSet, share, wilson, type AskLine, type Count, type SetScore } from './eval/score.ts';

/** Runs `kb ask --json` over stdin, one question per line. */
async function runAsk(questions: string[]): Promise<AskLine[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'kb.mjs'), 'ask', '--json'], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`kb ask exited with ${code}`));
      resolve(out.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as AskLine));
    });
    child.stdin.end(`${questions.map((q) => q.replace(/\s+/g, ' ')).join('\n')}\n`);
  });
}

const fmt = (x: number) => x.toFixed(3);
const interval = (c: Count) => {
  const [low, high] = wilson(c);
  return `${fmt(share(c))}   (${c.k}/${c.n}; 95% interval ${fmt(low)}–${fmt(high)})`;
};

/** Prints one set's (or a pool's) report: the figures against the targets, then the misses unless `summary`. */
function print(title: string, s: SetScore, summary: boolean): void {
  const check = (ok: boolean) => (ok ? 'ok ' : 'LOW');
  console.log(`${title} (${s.questions} questions: ${s.recallAt1.n} in scope, ${s.traps.n} traps, ${s.outOfScopeAbstained.n} out of scope)\n`);
  console.log(`${check(share(s.recallAt1) >= 0.9)} Recall@1                 ${interval(s.recallAt1)}   target ≥ 0.90`);
  console.log(`${check(share(s.recallAt3) >= 0.97)} Recall@3                 ${interval(s.recallAt3)}   target ≥ 0.97`);
  console.log(`    First or a close match   ${interval(s.shown)}   (the answer is on screen without unfolding more answers)`);
  console.log(`    MRR                      ${fmt(mrr(s))}   (hits at ranks 1–5: ${s.ranks.join(', ')})`);
  console.log(`${check(share(s.verdict) >= 0.95)} Verdict at rank 1        ${interval(s.verdict)}   target ≥ 0.95`);
  console.log(`    No verdict where none    ${fmt(share(s.verdictNone))}   (${s.verdictNone.k}/${s.verdictNone.n})`);
  console.log(`${check(s.traps.k === s.traps.n)} Traps handled            ${s.traps.k}/${s.traps.n}   (current answer at rank 1 with the outdated claim attached)`);
  console.log(`${check(share(s.outOfScopeAbstained) >= 0.8)} Out-of-scope abstained   ${interval(s.outOfScopeAbstained)}   target ≥ 0.8`);
  console.log(`    In-scope abstentions     ${s.inScopeAbstentions}`);
  const range = (xs: number[]) => (xs.length ? `min ${fmt(Math.min(...xs))}, median ${fmt([...xs].sort((a, b) => a - b)[xs.length >> 1])}, max ${fmt(Math.max(...xs))}` : '—');
  console.log(`\nConfidence: rank-1 hits ${range(s.confidence.hit)}; misses ${range(s.confidence.miss)}; out of scope ${range(s.confidence.oos)}`);
  if (summary) console.log(`\n${s.misses.length} misses (not listed: --summary)`);
  else console.log(s.misses.length ? `\nMisses (${s.misses.length}):\n  ${s.misses.join('\n  ')}` : '\nNo misses.');
}

/** The figures of a score as `--json` prints them (shares, with the counts behind them). */
function figures(s: SetScore, summary: boolean) {
  return {
    questions: s.questions,
    inScope: s.recallAt1.n,
    recallAt1: share(s.recallAt1),
    recallAt3: share(s.recallAt3),
    shownFirstOrClose: share(s.shown),
    mrr: mrr(s),
    verdictAccuracy: share(s.verdict),
    verdictNoneAccuracy: share(s.verdictNone),
    traps: `${s.traps.k}/${s.traps.n}`,
    outOfScopeAbstained: share(s.outOfScopeAbstained),
    falseAbstentions: s.inScopeAbstentions,
    counts: { recallAt1: s.recallAt1, recallAt3: s.recallAt3, shown: s.shown, verdict: s.verdict, outOfScopeAbstained: s.outOfScopeAbstained, ranks: s.ranks },
    ...(summary ? {} : { misses: s.misses }),
  };
}

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string', multiple: true }, json: { type: 'boolean' }, summary: { type: 'boolean' } } });
  const files = (values.file ?? ['../shared/eval/dev-questions.jsonl']).map((f) => path.resolve(projectRoot, f));
  const summary = values.summary ?? false;
  const scores: { file: string; score: SetScore }[] = [];
  for (const file of files) {
    const set = await readQuestions(file);
    scores.push({ file: path.relative(process.cwd(), file), score: scoreSet(set, await runAsk(set.map((q) => q.question))) });
  }
  const pooled = scores.length > 1 ? poolScores(scores.map((s) => s.score)) : null;
  if (values.json) {
    const sets = scores.map(({ file, score }) => ({ file, ...figures(score, summary) }));
    const out = pooled ? { sets, pooled: figures(pooled, summary) } : sets[0];
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  scores.forEach(({ file, score }, i) => {
    if (i > 0) console.log('');
    print(`Evaluated ${file}`, score, summary);
  });
  if (pooled) print(`\nAll ${scores.length} sets pooled`, pooled, true);
}

await main();
