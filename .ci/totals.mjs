// Sums the JSON reports of every suite (Vitest and Playwright) under a folder into one line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'test-results';
let passed = 0, failed = 0, skipped = 0, reports = 0;
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
  } else if (r.stats && typeof r.stats.expected === 'number') {
    passed += r.stats.expected + r.stats.flaky; failed += r.stats.unexpected; skipped += r.stats.skipped;
    failed += (r.errors ?? []).length;
  } else return;
  reports++;
  console.log(`${path}: counted`);
};
walk(root);
if (reports === 0) { console.log('0 passed, 1 failed'); process.exit(1); }
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
