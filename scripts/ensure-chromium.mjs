/**
 * The end-to-end tests drive Debian's Chromium (never a downloaded browser). Install it with apt-get
 * when it is missing and we may (scripts/apt-install.mjs); otherwise say what to run.
 */
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.mjs';

const have = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].filter(Boolean).some((p) => existsSync(p));
if (have) process.exit(0);
// fonts-dejavu-core: the fonts the pictures are measured with
if (!aptInstall(['chromium', 'fonts-dejavu-core'], 'Chromium is missing: the browser tests need it.')) process.exit(1);
