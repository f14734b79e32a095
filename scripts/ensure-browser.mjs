// Makes sure the browser tests have a browser, installing Debian's Chromium where that is possible.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, HOW_TO_GET_A_BROWSER } from './find-browser.mjs';

const found = await findBrowser();
if (found) {
  console.log(`browser: ${found}`);
  process.exit(0);
}
const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('browser: none found; installing Debian’s chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core', 'poppler-utils'], { stdio: 'inherit', env });
  const after = await findBrowser();
  if (after) { console.log(`browser: ${after}`); process.exit(0); }
}
console.error(HOW_TO_GET_A_BROWSER);
process.exit(1);
