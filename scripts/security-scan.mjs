/**
 * npm run security: the Electron security scanner (@doyensec/electronegativity) over the app's
 * source (src-main, src-node, src-preload, src-renderer, src-shared, scanned together so its global checks
 * see the whole app) and over the built app in out/ when it exists. Writes the findings to
 * test-output/security/ and exits 1 on any finding of MEDIUM or higher severity that is not in
 * scripts/security-accepted.json (reviewed, with a reason). The scanner itself always exits 0 and
 * tries the network (it fails harmlessly offline), so it is run through its API with a time limit.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, 'test-output/security');
const SOURCE_DIRS = ['src-main', 'src-node', 'src-preload', 'src-renderer', 'src-shared'];
const GATING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const TIME_LIMIT_MS = 240_000;

const fail = (msg) => { console.error(`security scan: ${msg}`); process.exit(1); };
setTimeout(() => fail(`the scanner did not finish within ${TIME_LIMIT_MS / 1000} s`), TIME_LIMIT_MS).unref();

let run;
try {
  run = require('@doyensec/electronegativity/dist/runner.js');
} catch (err) {
  fail(`@doyensec/electronegativity is not installed (npm ci): ${err.message}`);
}
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const accepted = JSON.parse(readFileSync(path.join(root, 'scripts/security-accepted.json'), 'utf8')).accepted;
for (const a of accepted) if (!a.check || !a.files?.length || !a.reason || a.reason.length < 20) fail(`scripts/security-accepted.json: entry ${JSON.stringify(a).slice(0, 80)} needs a check, files and a reason`);

/** Scan one folder; findings come back with paths relative to the repository root. */
async function scan(input, prefix) {
  const res = await run({ input, isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [], isSarif: false });
  if (res.errors?.length) console.warn(`security scan: the scanner could not parse ${res.errors.length} file(s) in ${prefix}: ${res.errors.map((e) => e.file ?? JSON.stringify(e)).slice(0, 5).join(', ')}`);
  return res.issues.map((i) => ({
    check: i.id, severity: i.severity.name, confidence: i.confidence.name,
    file: i.file === 'N/A' ? 'N/A' : `${prefix}${i.file}`, line: i.location?.line ?? 0, column: i.location?.column ?? 0,
    sample: String(i.sample ?? '').slice(0, 200), description: i.description, reviewItem: Boolean(i.manualReview),
  }));
}

mkdirSync(outDir, { recursive: true });
const staged = path.join(outDir, 'source');
rmSync(staged, { recursive: true, force: true });
for (const d of SOURCE_DIRS) cpSync(path.join(root, d), path.join(staged, d), { recursive: true });

const findings = [...await scan(staged, '')];
const built = path.join(root, 'out');
if (existsSync(built)) findings.push(...await scan(built, 'out/'));
else console.warn('security scan: out/ is not built (npm run build): only the source was scanned');
rmSync(staged, { recursive: true, force: true });

const acceptedFor = (f) => accepted.find((a) => a.check === f.check && a.files.includes(f.file));
const report = findings.map((f) => ({ ...f, accepted: acceptedFor(f)?.reason ?? null }));
writeFileSync(path.join(outDir, 'electronegativity.json'), JSON.stringify({ electronVersion, scanned: [...SOURCE_DIRS, ...(existsSync(built) ? ['out'] : [])], findings: report }, null, 1));

const blocking = report.filter((f) => GATING.has(f.severity) && !f.accepted);
for (const f of report) console.log(`${f.accepted ? 'accepted' : GATING.has(f.severity) ? 'FAIL    ' : 'low     '} ${f.severity.padEnd(8)} ${f.check.padEnd(34)} ${f.file}:${f.line}:${f.column}`);
const undocumented = report.filter((f) => !GATING.has(f.severity) && !f.accepted);
if (undocumented.length) console.warn(`security scan: ${undocumented.length} low finding(s) not yet documented in scripts/security-accepted.json and the README`);
const stale = accepted.flatMap((a) => a.files.map((file) => ({ check: a.check, file }))).filter((a) => !report.some((f) => f.check === a.check && f.file === a.file));
if (stale.length) console.warn(`security scan: accepted but no longer found (remove them): ${stale.map((s) => `${s.check} ${s.file}`).join(', ')}`);
console.log(`security scan: ${report.length} finding(s), ${blocking.length} blocking; report in ${path.relative(root, outDir)}/electronegativity.json`);
process.exit(blocking.length ? 1 : 0);
