/**
 * The movie tests decode what the app encodes with Debian's ffprobe and ffmpeg. Install them with
 * apt-get when they are missing and we may (scripts/apt-install.mjs), as ensure-chromium.mjs does
 * for the browser; otherwise say what to run. Exit 0 when both are there afterwards.
 */
import { spawnSync } from 'node:child_process';
import { aptInstall } from './apt-install.mjs';

const works = (cmd) => spawnSync(cmd, ['-version'], { stdio: 'ignore' }).status === 0;
if (works('ffprobe') && works('ffmpeg')) process.exit(0);
if (!aptInstall(['ffmpeg'], 'ffmpeg is missing: the movie tests need it.', { noRecommends: true })) process.exit(1);
if (!works('ffprobe') || !works('ffmpeg')) { console.error('ffmpeg was installed but ffprobe/ffmpeg do not run'); process.exit(1); }
