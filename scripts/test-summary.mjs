/** Print one closing line, "N passed, N failed, N skipped", summed over the vitest JSON reports of this run. */
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
// the reports named on the command line (npm test: unit+fuzz in one, then e2e), else the three stages' own
const reports = process.argv.length > 2 ? process.argv.slice(2) : ['test-output/vitest-unit.json', 'test-output/vitest-fuzz.json', 'test-output/vitest-e2e.json'];
for (const f of reports) {
  if (!existsSync(f)) { console.error(`missing ${f}: a test stage did not run`); process.exit(1); }
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed || !passed ? 1 : 0);
