// One way to start the browser for every end-to-end script: Debian's headless
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core,
// with the flags this machine's closed network needs (no background
// networking, no component updates, no sync).
import { chromium } from 'playwright-core';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}
