// Browser end-to-end check of the "Tiến độ" page, driven by tests/test_e2e_browser.py.
//
// usage: node status.mjs URL TASK_PREFIX STATUS_LABEL EVIDENCE SCREENSHOT.png
// Opens URL in Debian's headless Chromium (playwright-core), goes to the
// "Tiến độ" page, picks the task whose option starts with TASK_PREFIX
// ("28 – "), picks STATUS_LABEL ("đã hoàn thành"), types EVIDENCE, saves,
// waits for the confirmation, then reloads the page (a new session) and
// prints one JSON line: {"notice", "metrics": {label: value},
// "metricsAfterReload", "pageErrors"}. Exits 1 if a step times out.
import { launchBrowser } from './browser.mjs';

const [url, taskPrefix, statusLabel, evidence, screenshot] = process.argv.slice(2);
const TIMEOUT = 120_000;

async function pick(page, label, optionText) {
  // Streamlit's selectbox is a combobox: type to filter, then click the option.
  // A rerun of the script (the page still loading on a busy machine) can redraw
  // the box and drop what was typed, so the pick is tried again a few times.
  const input = page.getByRole('combobox', { name: label, exact: true });
  for (let attempt = 1; ; attempt++) {
    try {
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.click();
      await input.fill(optionText);
      const option = page.getByRole('option').filter({ hasText: optionText }).first();
      await option.waitFor({ state: 'visible', timeout: TIMEOUT / 4 });
      await option.click({ timeout: TIMEOUT / 4 });
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2000);
    }
  }
}

async function metrics(page) {
  const out = {};
  const items = page.locator('[data-testid="stMetric"]');
  await items.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  for (const item of await items.all()) {
    const label = (await item.locator('[data-testid="stMetricLabel"]').innerText()).trim();
    out[label] = (await item.locator('[data-testid="stMetricValue"]').innerText()).trim();
  }
  return out;
}

async function openProgressPage(page) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  const radio = page.locator('[data-testid="stSidebar"] label').filter({ hasText: 'Tiến độ' }).first();
  await radio.waitFor({ state: 'visible', timeout: TIMEOUT });
  await radio.click();
  await page.getByRole('heading', { name: 'Tiến độ thực hiện nhiệm vụ' }).waitFor({ timeout: TIMEOUT });
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: 'vi-VN' });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await openProgressPage(page);
  await pick(page, 'Nhiệm vụ', taskPrefix);
  await page.waitForTimeout(1000);
  await pick(page, 'Trạng thái', statusLabel);
  const evidenceBox = page.getByLabel('Minh chứng (số văn bản, tệp)');
  await evidenceBox.fill(evidence);
  await evidenceBox.press('Enter');
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Lưu trạng thái' }).click();
  const notice = page.locator('[data-testid="stAlert"]').filter({ hasText: 'Đã lưu' }).first();
  await notice.waitFor({ state: 'visible', timeout: TIMEOUT });
  const noticeText = (await notice.innerText()).trim();
  const before = await metrics(page);
  await page.screenshot({ path: screenshot, fullPage: true });

  await openProgressPage(page);  // a reload is a new Streamlit session
  const after = await metrics(page);
  console.log(JSON.stringify({ notice: noticeText, metrics: before, metricsAfterReload: after, pageErrors }));
} catch (err) {
  console.error(String(err && err.stack || err));
  process.exitCode = 1;
} finally {
  await browser.close();
}
