// Sums the JSON reports of every suite (Vitest and Playwright) under a folder into one line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'test-results';
let passed = 0, failed = 0, skipped = 0, reports = 0;
// What failed, with the start of its message: CI's log is often read from its tail alone.
const failures = [];
const firstLines = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 12).join('\n    ');
const walk = (dir) => {
  let entries = [];
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.json')) count(JSON.parse(readFileSync(path, 'utf8')), path);
  }
};
const count = (r, path) => {
  if (typeof r.numPassedTests === 'number') {
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that failed to load counts as a failure even with no failed test.
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
    for (const file of r.testResults ?? []) {
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) failures.push([path, file.name, file.message]);
      for (const a of file.assertionResults ?? []) if (a.status === 'failed') failures.push([path, a.fullName, (a.failureMessages ?? []).join('\n')]);
    }
  } else if (r.stats && typeof r.stats.expected === 'number') {
    passed += r.stats.expected + r.stats.flaky; failed += r.stats.unexpected; skipped += r.stats.skipped;
    failed += (r.errors ?? []).length;
    const specs = (suite, titles) => {
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests ?? [])
          if (test.status === 'unexpected') failures.push([path, [...titles, spec.title].join(' › '), test.results?.at(-1)?.error?.message]);
      for (const child of suite.suites ?? []) specs(child, [...titles, child.title]);
    };
    for (const suite of r.suites ?? []) specs(suite, [suite.title]);
    for (const e of r.errors ?? []) failures.push([path, 'an error outside the tests', e.message]);
  } else return;
  reports++;
  console.log(`${path}: counted`);
};
walk(root);
if (reports === 0) { console.log('0 passed, 1 failed'); process.exit(1); }
for (const [path, name, message] of failures) console.log(`FAILED in ${path}: ${name}\n    ${firstLines(message)}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
