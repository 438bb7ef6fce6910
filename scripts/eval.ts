// `npm run eval`: scores `kb ask --json` on the development questions with the rule in ../shared/eval/README.md.
// Usage: node scripts/eval.ts [--file questions.jsonl] [--json]
// A second, held-out set written separately from the development set (tests/unit/query/fixtures/
// heldout-questions.jsonl) checks that tuning on the development set generalises: run it with --file.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './cli/paths.ts';
import { isHit, readQuestions, showsOutdated } from './eval/rule.ts';

/** One answer as `kb ask --json` prints it (the fields the rule reads). */
interface AskLine {
  question: string;
  abstained: boolean;
  confidence?: number;
  answers: { id: string; title: string; text: string; verdict: string | null; outdated: { text: string }[] }[];
}

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

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string' }, json: { type: 'boolean' } } });
  const file = path.resolve(projectRoot, values.file ?? '../shared/eval/dev-questions.jsonl');
  const set = await readQuestions(file);
  const results = await runAsk(set.map((q) => q.question));
  if (results.length !== set.length) throw new Error(`kb ask answered ${results.length} of ${set.length} questions`);

  const inScope = set.map((q, i) => ({ q, r: results[i] })).filter(({ q }) => q.origin !== 'out_of_scope');
  const oos = set.map((q, i) => ({ q, r: results[i] })).filter(({ q }) => q.origin === 'out_of_scope');
  let r1 = 0, r3 = 0, mrr = 0, verdictRight = 0, verdictTotal = 0, verdictNullRight = 0, verdictNullTotal = 0, trapsHandled = 0;
  const misses: string[] = [];
  const conf = { hit: [] as number[], miss: [] as number[], oos: [] as number[] };
  const traps = inScope.filter(({ q }) => q.origin === 'trap');
  for (const { q, r } of inScope) {
    const rank = r.abstained ? -1 : r.answers.findIndex((a) => isHit(q, a.text));
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 3) r3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    (rank === 0 ? conf.hit : conf.miss).push(r.confidence ?? 0);
    const top = r.answers[0];
    if (q.verdict) {
      verdictTotal++;
      if (top?.verdict === q.verdict) verdictRight++;
      else misses.push(`${q.id} verdict: expected ${q.verdict}, got ${top?.verdict ?? (r.abstained ? 'abstained' : 'null')}: ${q.question}`);
    } else {
      verdictNullTotal++;
      if (!top?.verdict) verdictNullRight++;
      else misses.push(`${q.id} verdict: expected none, got ${top.verdict}: ${q.question}`);
    }
    let trapOk = true;
    if (q.origin === 'trap') {
      trapOk = rank === 0 && showsOutdated(q, top?.outdated ?? []);
      if (trapOk) trapsHandled++;
    }
    if (rank !== 0) misses.push(`${q.id} ${rank < 0 ? (r.abstained ? 'abstained' : 'not in top 5') : `hit at rank ${rank + 1}`} (conf ${r.confidence}): ${q.question}\n      top: ${top?.title ?? '—'}`);
    else if (!trapOk) misses.push(`${q.id} trap: current answer at rank 1 but the outdated claim is not attached: ${q.question}`);
  }
  let abstained = 0;
  for (const { q, r } of oos) {
    conf.oos.push(r.confidence ?? 0);
    if (r.abstained) abstained++;
    else misses.push(`${q.id} out of scope but answered (conf ${r.confidence}): ${q.question}\n      top: ${r.answers[0]?.title}`);
  }
  const n = inScope.length;
  const report = {
    questions: set.length,
    inScope: n,
    recallAt1: r1 / n,
    recallAt3: r3 / n,
    mrr: mrr / n,
    verdictAccuracy: verdictTotal ? verdictRight / verdictTotal : 1,
    verdictNoneAccuracy: verdictNullTotal ? verdictNullRight / verdictNullTotal : 1,
    traps: `${trapsHandled}/${traps.length}`,
    outOfScopeAbstained: oos.length ? abstained / oos.length : 1,
    falseAbstentions: inScope.filter(({ r }) => r.abstained).length,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, misses }, null, 2)}\n`);
    return;
  }
  const check = (ok: boolean) => (ok ? 'ok ' : 'LOW');
  console.log(`Evaluated ${set.length} questions from ${path.relative(process.cwd(), file)} (${n} in scope, ${traps.length} traps, ${oos.length} out of scope)\n`);
  console.log(`${check(report.recallAt1 >= 0.9)} Recall@1                 ${fmt(report.recallAt1)}   (target ≥ 0.90)`);
  console.log(`${check(report.recallAt3 >= 0.97)} Recall@3                 ${fmt(report.recallAt3)}   (target ≥ 0.97)`);
  console.log(`    MRR                      ${fmt(report.mrr)}`);
  console.log(`${check(report.verdictAccuracy >= 0.95)} Verdict at rank 1        ${fmt(report.verdictAccuracy)}   (${verdictRight}/${verdictTotal} questions with a verdict; target ≥ 0.95)`);
  console.log(`    No verdict where none    ${fmt(report.verdictNoneAccuracy)}   (${verdictNullRight}/${verdictNullTotal})`);
  console.log(`${check(trapsHandled === traps.length)} Traps handled            ${report.traps}   (current answer at rank 1 with the outdated claim attached)`);
  console.log(`${check(report.outOfScopeAbstained >= 0.8)} Out-of-scope abstained   ${fmt(report.outOfScopeAbstained)}   (${abstained}/${oos.length}; target ≥ 0.8)`);
  console.log(`    In-scope abstentions     ${report.falseAbstentions}`);
  const range = (xs: number[]) => (xs.length ? `min ${fmt(Math.min(...xs))}, median ${fmt(xs.sort((a, b) => a - b)[xs.length >> 1])}, max ${fmt(Math.max(...xs))}` : '—');
  console.log(`\nConfidence: rank-1 hits ${range(conf.hit)}; misses ${range(conf.miss)}; out of scope ${range(conf.oos)}`);
  console.log(misses.length ? `\nMisses (${misses.length}):\n  ${misses.join('\n  ')}` : '\nNo misses.');
}

await main();
