// `npm test`: unit tests, then `npm run build`, then browser tests; ends with "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
const localNode = join(bin, 'node');
// Vitest and Astro need Node >= 22.12: prefer the project's own node@24 over whatever runs this file.
const node = existsSync(localNode) ? localNode : process.execPath;
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  PATH: [bin, process.env.PATH ?? ''].join(delimiter),
};
const work = mkdtempSync(join(tmpdir(), 'kb-test-'));

/** Run a command with inherited output; resolves to its exit code (a spawn error counts as 127). */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`\n[test] could not start ${command}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Count a vitest JSON report; a non-zero exit with no failed test (crash, setup error) counts as one failure. */
function countReport(file, code, label) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    report = undefined;
  }
  let passed = report?.numPassedTests ?? 0;
  let failed = report?.numFailedTests ?? 0;
  // A test file that failed before running its tests (import error, failing hook) has no failed test.
  for (const result of report?.testResults ?? []) {
    const anyFailed = result.assertionResults.some((a) => a.status === 'failed');
    if (result.status === 'failed' && !anyFailed) {
      failed += 1;
      console.error(`[test] ${label}: ${result.name} failed outside any test: ${result.message}`);
    }
  }
  if (code !== 0 && failed === 0) {
    failed = 1;
    console.error(`[test] ${label}: vitest exited with code ${code} (see the error above); counted as 1 failure.`);
  }
  if (code === 0 && passed === 0) {
    console.error(`[test] ${label}: no test ran.`);
  }
  return { passed, failed };
}

/** Run one vitest project with the default and JSON reporters. */
async function vitestProject(name, extra = []) {
  const report = join(work, `${name}.json`);
  console.log(`\n[test] === ${name} tests ===`);
  const code = await run(node, [
    vitest,
    'run',
    '--project',
    name,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]);
  const counts = countReport(report, code, name);
  console.log(`[test] ${name}: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}

const totals = { passed: 0, failed: 0 };
const steps = [];
function add(label, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  steps.push(`${label}: ${counts.passed} passed, ${counts.failed} failed`);
}

try {
  add('unit', await vitestProject('unit', ['--passWithNoTests']));

  let built = true;
  if (process.env.KB_SKIP_BUILD === '1') {
    console.log('\n[test] === build skipped (KB_SKIP_BUILD=1); browser tests use the existing dist/ ===');
  } else {
    console.log('\n[test] === npm run build ===');
    const code = await run('npm', ['run', 'build']);
    if (code !== 0) {
      built = false;
      console.error(`\n[test] BUILD FAILED: \`npm run build\` exited with code ${code}. Browser tests not run.`);
      add('build', { passed: 0, failed: 1 });
    }
  }

  if (built) add('e2e', await vitestProject('e2e'));
} catch (error) {
  console.error(`\n[test] test runner crashed: ${error?.stack ?? error}`);
  add('runner', { passed: 0, failed: 1 });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
console.log(`\n[test] ${steps.join('; ')}`);
if (process.env.KB_TEST_SUMMARY_FILE) writeFileSync(process.env.KB_TEST_SUMMARY_FILE, `${summary}\n`);
console.log(summary);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
