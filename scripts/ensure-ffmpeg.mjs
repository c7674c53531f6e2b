/**
 * The movie tests decode what the app encodes with Debian's ffprobe and ffmpeg. Install them with
 * apt-get when they are missing and we may (root, or passwordless sudo), as ensure-chromium.mjs
 * does for the browser; otherwise say what to run. Exit 0 when both are there afterwards.
 */
import { execSync, spawnSync } from 'node:child_process';

const works = (cmd) => spawnSync(cmd, ['-version'], { stdio: 'ignore' }).status === 0;
if (works('ffprobe') && works('ffmpeg')) process.exit(0);

const root = process.getuid?.() === 0;
const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
if (!root && !sudo) {
  console.error("ffmpeg is missing. The movie tests need Debian's package: sudo apt-get install -y ffmpeg");
  process.exit(1);
}
const pre = root ? '' : 'sudo -n ';
console.log("Installing Debian's ffmpeg (ffprobe) for the movie tests…");
try {
  execSync(`${pre}apt-get update -qq && ${pre}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg`, { stdio: 'inherit' });
} catch {
  console.error('Could not install ffmpeg with apt-get. Install it by hand: sudo apt-get install -y ffmpeg');
  process.exit(1);
}
if (!works('ffprobe') || !works('ffmpeg')) { console.error('ffmpeg was installed but ffprobe/ffmpeg do not run'); process.exit(1); }
