// Browser walk of every page of the app, driven by tests/test_e2e_browser.py.
//
// usage: node pages.mjs URL OUTDIR
// Opens URL in Debian's headless Chromium (playwright-core) at 1440 px and:
//  * on every page collects the visible text (icon ligatures left out), opens
//    a select box with a search that finds nothing, and notes every request
//    to a host other than the app's;
//  * clicks every download button of every page and saves each file in OUTDIR;
//  * asks a list question, copies the answer with its button (clipboard read
//    back), reloads the page (the ?c= address) and reads the conversation
//    again, switches the Phạm vi and asks a follow-up;
//  * uploads a broken file named by the user and reads the error;
//  * saves screenshots of every page in OUTDIR.
// Prints one JSON line: {"pages": {name: text}, "external": [...],
// "downloads": [{page, label, file, path, round}], "buttons", "chat": {...}, "upload": {...},
// "pageErrors": [...]}. Exits 1 (message on stderr) if a step times out.
import { launchBrowser } from './browser.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [url, outdir] = process.argv.slice(2);
const TIMEOUT = 120_000;
const PAGES = ['Hỏi đáp', 'Nhiệm vụ', 'Tiến độ', 'Báo cáo quý', 'Kế hoạch', 'Soạn kế hoạch mới', 'So sánh'];
const LIST_QUESTION = 'Kế hoạch Nam An Phụ có những nhiệm vụ nào phải hoàn thành trong quý I/2026?';

fs.mkdirSync(outdir, { recursive: true });
const browser = await launchBrowser();
const report = { pages: {}, external: [], downloads: [], buttons: 0, chat: {}, upload: {}, pageErrors: [] };

// Visible text of the page, without Material icon ligatures ("download", "forum").
const visibleText = (page) => page.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || !node.nodeValue.trim()) continue;
    if (el.closest('[data-testid="stIconMaterial"], script, style')) continue;
    const style = getComputedStyle(el);
    if (style.fontFamily.includes('Material Symbols')) continue;
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0) continue;
    out.push(node.nodeValue.trim());
  }
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    out.push(el.getAttribute('placeholder'));
  }
  return out.join('\n');
});

const settle = async (page) => {
  await page.waitForTimeout(500);
  await page.locator('[data-testid="stStatusWidget"]').waitFor({ state: 'hidden', timeout: TIMEOUT })
    .catch(() => {});
  await page.waitForTimeout(1200);
};

const goTo = async (page, name) => {
  await page.locator('[data-testid="stSidebar"] label').filter({ hasText: name }).first().click();
  await page.locator('h2').filter({ hasText: /./ }).first().waitFor({ timeout: TIMEOUT });
  await settle(page);
};

const downloadAll = async (page, name) => {
  const buttons = page.locator('[data-testid="stDownloadButton"] button');
  const n = await buttons.count();
  report.buttons += n;
  for (let i = 0; i < n; i++) {
    for (let round = 0; round < 2; round++) { // a repeated click must work too
      const button = buttons.nth(i);
      const label = (await button.innerText()).replace(/^download\s*/, '').trim();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        button.click(),
      ]);
      const file = download.suggestedFilename();
      const target = path.join(outdir, `${report.downloads.length}_${file}`);
      await download.saveAs(target);
      report.downloads.push({ page: name, label, file, path: target, round });
      await page.waitForTimeout(300);
    }
  }
};

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale: 'vi-VN',
                                             acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  page.on('pageerror', (err) => report.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol.startsWith('http') && u.host !== new URL(url).host) report.external.push(req.url());
  });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  const input = page.locator('[data-testid="stChatInputTextArea"]');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await settle(page);

  // --- chat: a list answer as one table, copy, save, reload, scope
  await input.fill(LIST_QUESTION);
  await input.press('Enter');
  const assistant = page.locator('[data-testid="stChatMessage"]').nth(1);
  await assistant.waitFor({ state: 'visible', timeout: TIMEOUT });
  await assistant.locator('[data-testid="stDataFrame"]').first().waitFor({ timeout: TIMEOUT });
  await settle(page);
  report.chat.tables = await assistant.locator('[data-testid="stDataFrame"]').count();
  report.chat.expanders = await assistant.locator('[data-testid="stExpander"]').count();
  report.chat.answer = (await assistant.locator('[data-testid="stMarkdownContainer"]').first().innerText()).trim();
  await assistant.locator('.cchc-copy').click();
  await page.waitForTimeout(500);
  report.chat.copied = await page.evaluate(() => navigator.clipboard.readText());
  report.chat.copyLabel = (await assistant.locator('.cchc-copy').innerText()).trim();
  report.chat.url = page.url();
  await page.screenshot({ path: path.join(outdir, 'hoi_dap.png'), fullPage: true });
  await downloadAll(page, 'Hỏi đáp');

  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="stChatMessage"]').nth(1).waitFor({ timeout: TIMEOUT });
  await settle(page);
  report.chat.afterReload = (await page.locator('[data-testid="stChatMessage"]').allInnerTexts())
    .map((s) => s.trim());
  report.chat.urlAfterReload = page.url();
  report.chat.pastConversations = (await page.locator('[data-testid="stSidebar"] button').allInnerTexts())
    .map((s) => s.trim());

  // Phạm vi: pick the plan; the follow-up is asked in a fresh context.
  await page.locator('[data-testid="stSelectbox"]').filter({ hasText: 'Phạm vi' }).click();
  await page.locator('[role="option"]').filter({ hasText: 'Nam An Phụ' }).first().click();
  await settle(page);
  await input.fill('Nhiệm vụ 22 do ai chủ trì?');
  await input.press('Enter');
  await page.locator('[data-testid="stChatMessage"]').nth(3).waitFor({ timeout: TIMEOUT });
  await settle(page);
  report.chat.scoped = (await page.locator('[data-testid="stChatMessage"]').nth(3).innerText()).trim();
  report.chat.scopeNote = (await page.getByText('Đã đổi phạm vi').count()) > 0;
  // A plan named in the question wins over the scope, and the answer says so.
  await input.fill('Nhiệm vụ 1 trong kế hoạch Lộc Hòa do ai chủ trì?');
  await input.press('Enter');
  await page.locator('[data-testid="stChatMessage"]').nth(5).waitFor({ timeout: TIMEOUT });
  await settle(page);
  report.chat.override = (await page.locator('[data-testid="stChatMessage"]').nth(5).innerText()).trim();
  report.pages['Hỏi đáp'] = await visibleText(page);

  // --- every other page: text, a select box search that finds nothing, downloads
  for (const name of PAGES.slice(1)) {
    await goTo(page, name);
    const select = page.locator('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]').first();
    if (await select.count()) {
      await select.click();
      await page.keyboard.type('zzzz');
      await page.waitForTimeout(600);
      report.pages[`${name} (tìm)`] = await visibleText(page);
      await page.keyboard.press('Escape');
      await page.locator('h2').first().click();  // close the list before the screenshot
      await settle(page);
    }
    report.pages[name] = await visibleText(page);
    await page.screenshot({ path: path.join(outdir, `${name}.png`), fullPage: true });
    await downloadAll(page, name);
    if (name === 'Nhiệm vụ') {
      const count = async () => (await page.locator('[data-testid="stMarkdownContainer"]')
        .filter({ hasText: /^\s*\d+\s*\/\s*\d+ nhiệm vụ\s*$/ }).first().innerText()).trim();
      const pick = async (label, option) => {
        await page.getByRole('combobox', { name: label, exact: true }).click();
        await page.locator('[role="option"]').filter({ hasText: new RegExp(`^${option}`) }).first().click();
        await settle(page);
        await page.keyboard.press('Escape');
        await settle(page);
      };
      // A unit typed without diacritics.
      await page.getByPlaceholder('ví dụ: van phong').fill('van phong');
      await page.keyboard.press('Enter');
      await settle(page);
      report.tasks = { unitTyped: await count() };
      await page.getByPlaceholder('ví dụ: van phong').fill('');
      await page.keyboard.press('Enter');
      await settle(page);
      // Nam An Phụ, 2026, Quý I: the tasks the chat listed.
      await pick('Kế hoạch', 'Nam An Phụ');
      await pick('Năm', '2026');
      await pick('Quý', 'Quý I');
      report.tasks.quarterOne = await count();
      await page.screenshot({ path: path.join(outdir, 'Nhiệm vụ - quý I.png'), fullPage: true });
      // The overdue view and its date picker (month and day names).
      await page.getByRole('radio', { name: 'Quá hạn', exact: true }).check({ force: true });
      await settle(page);
      await page.locator('[data-testid="stDateInputCalendarButton"]').click({ force: true });
      await page.waitForTimeout(600);
      report.pages['Nhiệm vụ (lịch)'] = await visibleText(page);
      await page.keyboard.press('Escape');
      await settle(page);
      report.overdue = (await page.locator('[data-testid="stMarkdownContainer"]')
        .filter({ hasText: 'nhiệm vụ' }).allInnerTexts()).map((s) => s.trim());
      await page.screenshot({ path: path.join(outdir, 'Nhiệm vụ - quá hạn.png'), fullPage: true });
    }
  }

  // --- Kế hoạch: a broken upload is reported with the user's file name
  await goTo(page, 'Kế hoạch');
  await page.locator('[data-testid="stFileUploader"] input[type="file"]').setInputFiles({
    name: 'Kế hoạch hỏng.docx', mimeType: 'application/octet-stream',
    buffer: Buffer.from('PK\u0003\u0004 not really a zip'),
  });
  await settle(page);
  report.upload.uploaderText = await visibleText(page);
  await page.locator('button').filter({ hasText: 'Nạp và lập chỉ mục' }).click();
  await page.locator('[data-testid="stAlertContentError"]').first().waitFor({ timeout: TIMEOUT });
  report.upload.error = (await page.locator('[data-testid="stAlertContentError"]').first().innerText()).trim();
  await page.screenshot({ path: path.join(outdir, 'Kế hoạch - lỗi.png'), fullPage: true });
} catch (err) {
  console.error(String(err && err.stack || err));
  process.exitCode = 1;
} finally {
  console.log(JSON.stringify(report));
  await browser.close();
}
