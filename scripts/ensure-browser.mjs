// Makes sure the browser tests have a browser and a PDF rasteriser (poppler's pdftoppm), installing
// Debian's packages where that is possible.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, HOW_TO_GET_A_BROWSER } from './find-browser.mjs';

const hasPdftoppm = () => {
  try { execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; }
};

let browser = await findBrowser();
const packages = [
  ...(browser ? [] : ['chromium', 'fonts-dejavu-core']),
  ...(hasPdftoppm() ? [] : ['poppler-utils']),
];
if (packages.length && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`tests: installing Debian's ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  } catch (err) {
    console.error(`tests: apt-get could not install ${packages.join(', ')} (${err.message.split('\n')[0]})`);
  }
  browser = await findBrowser();
}
if (!browser) {
  console.error(HOW_TO_GET_A_BROWSER);
  process.exit(1);
}
if (!hasPdftoppm()) {
  console.error('tests: pdftoppm is missing; the print tests turn PDF pages into images with it. Install poppler-utils (Debian, Ubuntu: apt-get install poppler-utils; macOS: brew install poppler).');
  process.exit(1);
}
console.log(`browser: ${browser}`);
