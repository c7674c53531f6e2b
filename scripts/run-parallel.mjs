/**
 * Run npm scripts side by side (single-threaded tools such as tsc and eslint use one core each, and
 * CI has two), print each one's output as a block when it ends, and fail if any fails.
 * Usage: node scripts/run-parallel.mjs typecheck lint
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (!names.length) { console.error('usage: node scripts/run-parallel.mjs SCRIPT [SCRIPT …]'); process.exit(2); }
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const results = await Promise.all(names.map((name) => new Promise((resolve) => {
  const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  child.on('error', (e) => resolve({ name, code: 1, out: `${name}: could not start: ${e.message}\n`, s: 0 }));
  child.on('close', (code, signal) => {
    const s = (Date.now() - started) / 1000;
    process.stdout.write(`── npm run ${name}: ${code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`} in ${s.toFixed(0)} s\n${Buffer.concat(out).toString()}`);
    resolve({ name, code: code ?? 1 });
  });
})));
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) { console.error(`failed: ${failed.join(', ')}`); process.exit(1); }
