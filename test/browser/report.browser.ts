// Headless Chromium over the real pages: the HTML report of a sample in light and dark, a report full of
// payloads (nothing runs), and the webview page with a stubbed VS Code API (clicks post typed messages,
// updates re-render, the portfolio sorts). Run by `npm run test:browser` after a build; needs
// /usr/bin/chromium (Debian's `chromium` package) and playwright-core. Screenshots go to test-results/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyze } from '../../server/src/core/index';
import { buildReportModel, renderHtml, type ReportModel } from '../../server/src/report/index';
import type { WebviewMessage } from '../../client/src/preview/messages';
import { payloadDocument } from '../report/payloads';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'test', 'report', 'fixtures');
const OUT = join(ROOT, 'test-results');
const PAGES = join(OUT, 'browser-pages');
const AS_OF = '2025-11-01';
const CLI = process.env.RAC_CLI ?? join(ROOT, 'dist', 'cli.js');
const WAIT = { timeout: 15_000 };

let context: BrowserContext;
let profile: string;
/** Every request a page made that was not for a file: or data: URL. */
const escaped: string[] = [];

declare global {
  interface Window { __posted?: WebviewMessage[]; __pwned?: number }
}

function model(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')): ReportModel {
  return buildReportModel(analyze(text, { asOf: AS_OF }), { uri: pathToFileURL(join(FIXTURES, name)).href, path: name, version: 1 });
}

function writePage(name: string, html: string): string {
  const path = join(PAGES, name);
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(url, { waitUntil: 'load', ...WAIT });
  return page;
}

before(async () => {
  assert.ok(existsSync('/usr/bin/chromium'), 'needs /usr/bin/chromium: apt-get install -y chromium');
  assert.ok(existsSync(CLI) && existsSync(join(ROOT, 'dist', 'preview.js')), 'run the build first (npm run test:browser does)');
  mkdirSync(PAGES, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'rac-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data):/i.test(url)) return route.continue();
    escaped.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    if (!/^(file|data):/i.test(request.url())) escaped.push(request.url());
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('rac report writes a self-contained page: twelve cards and the heat map, light and dark, nothing fetched', async () => {
  const file = join(PAGES, 'report.html');
  const run = spawnSync(process.execPath, [CLI, 'report', join(FIXTURES, 'gaps.relationship.yaml'), '--as-of', AS_OF, '-o', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const backgrounds: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const page = await open(pathToFileURL(file).href, scheme);
    try {
      const cards = page.locator('.card');
      await cards.first().waitFor({ state: 'visible', ...WAIT });
      assert.equal(await cards.count(), 12);
      for (let i = 0; i < 12; i++) assert.ok(await cards.nth(i).isVisible(), `card ${i + 1} is visible`);
      const heat = page.locator('table.heat');
      await heat.waitFor({ state: 'visible', ...WAIT });
      assert.equal(await heat.locator('td[data-l]').count(), 25);
      assert.ok(await page.locator('.ring').isVisible());
      assert.ok(await page.locator('.timeline-list').isVisible());
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      // Hovering a heat-map cell lists its risks.
      const cell = heat.locator('td.has').first();
      await cell.hover();
      await cell.locator('.cell-risks').waitFor({ state: 'visible', ...WAIT });
      await page.screenshot({ path: join(OUT, `report-${scheme}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  }
  assert.notEqual(backgrounds[0], backgrounds[1], 'the dark scheme changes the page');
  assert.deepEqual(escaped, []);
});

test('the portfolio report of two files links each cell to its card', async () => {
  const file = join(PAGES, 'portfolio.html');
  const run = spawnSync(process.execPath, [CLI, 'report', join(FIXTURES, 'gaps.relationship.yaml'), join(FIXTURES, 'complete.relationship.yaml'), '--as-of', AS_OF, '-o', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const page = await open(pathToFileURL(file).href, 'dark');
  try {
    await page.locator('.portfolio-table').waitFor({ state: 'visible', ...WAIT });
    assert.equal(await page.locator('.portfolio-table tbody tr').count(), 2);
    assert.equal(await page.locator('.card').count(), 24);
    await page.screenshot({ path: join(OUT, 'portfolio-dark.png'), fullPage: false });
    await page.locator('.portfolio-table tbody tr').nth(1).locator('td.pcell a').last().click();
    await page.waitForFunction(() => location.hash === '#f1-p-exit_strategy', null, WAIT);
  } finally {
    await page.close();
  }
  assert.deepEqual(escaped, []);
});

test('payloads in a document do not run in the report', async () => {
  const url = writePage('payloads.html', renderHtml([model('payloads.relationship.yaml', payloadDocument())], { mode: 'report' }));
  const page = await open(url);
  try {
    await page.locator('.card').first().waitFor({ state: 'visible', ...WAIT });
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('script, img, iframe, svg[onload]').count(), 0);
    assert.match(await page.locator('h1').innerText(), /javascript:window.__pwned=4 <script>/);
  } finally {
    await page.close();
  }
});

/** The webview page as the extension renders it, with acquireVsCodeApi stubbed to record posted messages. */
async function openWebview(models: ReportModel[], name: string, portfolioOnly = false): Promise<Page> {
  const nonce = randomBytes(18).toString('base64');
  const html = renderHtml(models, { mode: 'webview', nonce, cspSource: 'file:', scriptUri: pathToFileURL(join(ROOT, 'dist', 'preview.js')).href, portfolioOnly });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__posted = [];
    let state: unknown;
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
      postMessage: (m: WebviewMessage) => window.__posted!.push(m),
      getState: () => state,
      setState: (s: unknown) => { state = s; },
    });
  });
  await page.goto(writePage(name, html), { waitUntil: 'load', ...WAIT });
  await page.waitForFunction(() => window.__posted?.some((m) => m.type === 'ready'), null, WAIT);
  return page;
}

async function posted(page: Page, type: WebviewMessage['type']): Promise<WebviewMessage> {
  const handle = await page.waitForFunction((t) => window.__posted?.find((m) => m.type === t), type, WAIT);
  return (await handle.jsonValue()) as WebviewMessage;
}

test('the webview: a rule click posts reveal, Fix posts quickFix, updates re-render inert, scrollTo focuses a card', async () => {
  const gaps = model('gaps.relationship.yaml');
  const page = await openWebview([gaps], 'webview.html');
  try {
    const rm2 = gaps.coverage.principles[0].rules.find((r) => r.id === 'RM2')!;
    await page.locator('li.rule[data-rule="RM2"] button[data-action="reveal"]').click();
    const reveal = await posted(page, 'reveal');
    const finding = gaps.findings.find((f) => f.rule === 'RM2')!;
    assert.deepEqual(reveal, { type: 'reveal', uri: gaps.uri, range: finding.range });
    assert.equal(finding.range.start.line, rm2.range.start.line);

    await page.locator('li.rule[data-rule="RM2"] button[data-action="quickFix"]').click();
    assert.deepEqual(await posted(page, 'quickFix'), { type: 'quickFix', uri: gaps.uri, rule: 'RM2', code: 'evidence.RM2', principle: 'relationship_management', range: finding.range });

    // Keyboard: the rule buttons are reachable and Enter activates them.
    await page.locator('li.rule[data-rule="RM3"] button[data-action="reveal"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__posted ?? []).filter((m) => m.type === 'reveal').length === 2, null, WAIT);

    const payload = model('payloads.relationship.yaml', payloadDocument());
    await page.evaluate((m) => window.postMessage({ type: 'update', models: [m] }, '*'), payload);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('__pwned=4'), null, WAIT);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => document.scripts.length), 1);
    assert.equal(await page.locator('img, iframe').count(), 0);

    await page.evaluate(() => window.postMessage({ type: 'scrollTo', principleId: 'exit_strategy' }, '*'));
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.principle === 'exit_strategy', null, WAIT);
    await page.screenshot({ path: join(OUT, 'webview-payloads.png'), fullPage: false });
  } finally {
    await page.close();
  }
  assert.deepEqual(escaped, []);
});

test('the webview portfolio sorts by a principle and a cell asks to open that file at that principle', async () => {
  const gaps = model('gaps.relationship.yaml');
  const complete = model('complete.relationship.yaml');
  const page = await openWebview([complete, gaps], 'webview-portfolio.html', true);
  try {
    const firstRow = () => page.locator('.portfolio-table tbody tr').first().getAttribute('data-uri');
    assert.equal(await firstRow(), complete.uri);
    const exitHeader = page.locator('.portfolio-table thead th').nth(3 + 11);
    await exitHeader.locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('.portfolio-table thead th')[14]?.getAttribute('aria-sort') === 'ascending', null, WAIT);
    assert.equal(await firstRow(), gaps.uri, 'ascending: the partial exit strategy first');
    await exitHeader.locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('.portfolio-table thead th')[14]?.getAttribute('aria-sort') === 'descending', null, WAIT);
    assert.equal(await firstRow(), complete.uri);
    await page.locator(`.portfolio-table tr[data-uri="${gaps.uri}"] button[data-principle="risk_management"]`).click();
    assert.deepEqual(await posted(page, 'openPreview'), { type: 'openPreview', uri: gaps.uri, principleId: 'risk_management' });
    await page.screenshot({ path: join(OUT, 'webview-portfolio.png'), fullPage: true });
  } finally {
    await page.close();
  }
  assert.deepEqual(escaped, []);
});
