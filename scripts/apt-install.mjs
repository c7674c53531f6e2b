/**
 * Install Debian packages the tests need (the browser, ffmpeg) with apt-get when we may: as root or
 * with passwordless sudo. Never downloads anything else. Returns true when apt-get ran and succeeded;
 * otherwise prints what to run by hand and returns false.
 */
import { execSync, spawnSync } from 'node:child_process';

export function aptInstall(packages, why, { noRecommends = false } = {}) {
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
  const byHand = `sudo apt-get install -y ${packages.join(' ')}`;
  if (!root && !sudo) {
    console.error(`${why} Install Debian's package: ${byHand}`);
    return false;
  }
  const pre = root ? '' : 'sudo -n ';
  console.log(`Installing Debian's ${packages.join(', ')}…`);
  try {
    execSync(`${pre}apt-get update -qq && ${pre}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq${noRecommends ? ' --no-install-recommends' : ''} ${packages.join(' ')}`, { stdio: 'inherit' });
    return true;
  } catch {
    console.error(`Could not install with apt-get. Install by hand: ${byHand}`);
    return false;
  }
}
