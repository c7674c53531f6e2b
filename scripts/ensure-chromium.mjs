/**
 * The end-to-end tests drive Debian's Chromium (never a downloaded browser). Install it with apt-get
 * when it is missing and we may (root, or passwordless sudo); otherwise say what to run.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const have = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].filter(Boolean).some((p) => existsSync(p));
if (have) process.exit(0);

const root = process.getuid?.() === 0;
const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
if (!root && !sudo) {
  console.error("Chromium is missing. The browser tests need Debian's package: sudo apt-get install -y chromium");
  process.exit(1);
}
const pre = root ? '' : 'sudo -n ';
console.log("Installing Debian's chromium for the browser tests…");
try {
  execSync(`${pre}apt-get update -qq && ${pre}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core`, { stdio: 'inherit' });
} catch {
  console.error("Could not install chromium with apt-get. Install it by hand: sudo apt-get install -y chromium");
  process.exit(1);
}
