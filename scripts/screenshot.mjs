/**
 * Takes the README's screenshot of the playground (docs/playground.png): the built page in
 * Debian's Chromium, on a defect example, with the rules panel open on the rule of a chosen
 * finding (its form beside the list, the rules JSON below). Run with `npm run screenshot`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const port = 4321;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], { cwd: root, stdio: 'pipe' });
await new Promise((resolve) => server.stdout.on('data', (chunk) => String(chunk).includes(String(port)) && resolve()));
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 860 }, locale: 'zh-CN' });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('body[data-editors="ready"] [data-testid="findings"][data-state="ready"]');
  await page.selectOption('[data-testid="example-picker"]', 'budget-2025-shenpiju-defects-empty-and-narrative');
  // The rules panel, on the rule of the finding chosen below (a finding of its own, not in a group).
  const ruleId = 'narrative-basic-expenditure-matches';
  await page.waitForSelector(`[data-testid="finding"][data-rule-id="${ruleId}"]`);
  await page.click('[data-testid="rules-view-toggle"]');
  await page.waitForSelector('[data-testid="rule-item"]');
  await page.click(`[data-testid="rule-item"][data-rule-id="${ruleId}"] .rule-choose`);
  await page.waitForSelector('[data-testid="rule-form"]');
  await page.waitForTimeout(500);
  await page.click(`[data-testid="finding"][data-rule-id="${ruleId}"]`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${root}docs/playground.png` });
  console.log('wrote docs/playground.png');
} finally {
  await browser.close();
  server.kill();
}
