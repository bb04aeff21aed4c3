// Browser end-to-end check of the Streamlit app, driven by tests/test_e2e_browser.py.
//
// usage: node ask.mjs URL QUESTION SCREENSHOT.png
// Opens URL in Debian's headless Chromium (playwright-core, no bundled
// browser), types QUESTION into the chat box, waits for the answer and its
// first citation, opens the citation, saves a full-page screenshot and
// prints one JSON line: {"answer", "citations": [labels], "source"}.
// Exits 1 (message on stderr) if any step times out.
import { launchBrowser } from './browser.mjs';

const [url, question, screenshot] = process.argv.slice(2);
const TIMEOUT = 90_000;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1300 }, locale: 'vi-VN' });
  const consoleErrors = [];
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });

  const input = page.locator('[data-testid="stChatInputTextArea"]');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(question);
  await input.press('Enter');

  const assistant = page.locator('[data-testid="stChatMessage"]').nth(1);
  await assistant.waitFor({ state: 'visible', timeout: TIMEOUT });
  const expander = assistant.locator('[data-testid="stExpander"]').first();
  await expander.waitFor({ state: 'visible', timeout: TIMEOUT });
  await expander.locator('summary').click();
  const source = expander.locator('[data-testid="stTable"], .cchc-quote').first();
  await source.waitFor({ state: 'visible', timeout: TIMEOUT });

  const answer = (await assistant.locator('[data-testid="stMarkdownContainer"]').first().innerText()).trim();
  const citations = (await assistant.locator('[data-testid="stExpander"] summary').allInnerTexts())
    .map((s) => s.trim());
  const sourceText = (await source.innerText()).trim();
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ answer, citations, source: sourceText, pageErrors: consoleErrors }));
} catch (err) {
  console.error(String(err && err.stack || err));
  process.exitCode = 1;
} finally {
  await browser.close();
}
