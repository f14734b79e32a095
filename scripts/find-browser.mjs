// Finds a Chromium to drive: CHROME_PATH, then a Playwright-installed Chromium, then the system's.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export async function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  }
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch { /* no Playwright-managed browser */ }
  for (const p of SYSTEM_CANDIDATES) if (existsSync(p)) return p;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try { return execFileSync('which', [name], { encoding: 'utf8' }).trim(); } catch { /* not on PATH */ }
  }
  return undefined;
}

export const HOW_TO_GET_A_BROWSER = `No Chromium or Chrome was found for the browser tests.
Install one, then run the tests again:
  - Debian/Ubuntu: sudo apt-get install chromium
  - any system with Playwright's browsers: npx playwright install chromium
  - or point CHROME_PATH at a Chrome or Chromium executable.`;
