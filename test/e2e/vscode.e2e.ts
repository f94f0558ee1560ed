/// <reference lib="dom" />
// The packaged extension in a real VS Code (code-server 4.139 = VS Code 1.139 for the browser), driven through
// Chromium the way a user works: open the flawed sample, read the Problems panel and the status bar, complete a
// key, hover a principle, apply a quick fix, open the coverage preview and watch it follow an edit, read the
// language status. What the editor must show is computed by `rac check --format json` on the same files, so
// the test checks the editor against the CLI rather than against numbers copied here.
//
// Run by `npm run test:e2e` (test/e2e/run.mjs), which builds the .vsix first; needs scripts/e2e-setup.sh.
// A screenshot of each step goes to test-results/e2e/ (`<n>-<step>.png`, `-FAILED` when the step failed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { findTools, startCodeServer, type CodeServer } from './code-server';
import { see, until, WAIT_MS, Workbench } from './workbench';

const ROOT = process.cwd();
const OUT = join(ROOT, 'test-results', 'e2e');
const AS_OF = '2026-11-01';
const FLAWED = 'flawed.relationship.yaml';
// A sample that covers every principle (the outsourcing one has a waived principle, and waived is not covered).
const CLEAN = 'public-private-exit.relationship.yaml';
const STEP_MS = 120_000;

interface Finding { code: string; severity: string; message: string; line: number; column: number }
interface Coverage { covered: number; required: number; total: number; principles: { id: string; clause: number; title: string; status: string; rules: { state: string }[] }[] }
interface Checked { findings: Finding[]; coverage: Coverage }

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let wb: Workbench;
/** Set once a signal asked the run to stop: the steps left fail saying so. */
let interrupted = '';

/** What the CLI reports for a file of the workspace: the editor must show the same. */
function check(name: string): Checked {
  // From the workspace folder: rac reads evidence links only inside the folder it runs in, as the editor does.
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--as-of', AS_OF, name], { cwd: server!.folder, encoding: 'utf8', timeout: 30_000 });
  assert.ok(run.stdout, `rac check ${name} printed nothing: ${run.stderr}`);
  const file = (JSON.parse(run.stdout) as { files: Checked[] }).files[0];
  return file;
}

function counts(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  const n = (severity: string): number => findings.filter((f) => f.severity === severity).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('information') };
}

/** The 1-based line of the first line of the workspace file that matches. */
function lineOf(name: string, pattern: RegExp): number {
  const index = readFileSync(join(server!.folder, name), 'utf8').split('\n').findIndex((l) => pattern.test(l));
  assert.ok(index >= 0, `${name} has no line matching ${pattern}`);
  return index + 1;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) }).catch(() => undefined);
}

/** One step of the scenario: its failure names the step and leaves a screenshot of what the user saw. */
function step(n: number, slug: string, title: string, body: (shoot: (suffix?: string) => Promise<void>) => Promise<void>): void {
  test(`${n}. ${title}`, { timeout: STEP_MS }, async () => {
    assert.ok(server && browser, interrupted ? `not run: ${interrupted}` : 'VS Code did not start (see the error above)');
    const name = `${n}-${slug}`;
    try {
      await body((suffix) => shot(suffix ? `${name}-${suffix}` : name));
    } catch (error) {
      await shot(`${name}-FAILED`);
      // Playwright appends its call log to the message: the first line says what was not seen, the cause has the rest.
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new Error(`step ${n} (${title}) failed: ${message}; see ${join(OUT, `${name}-FAILED.png`)}`, { cause: error });
    }
  });
}

async function stopAll(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await server?.stop();
  server = undefined;
  if (process.env.RAC_E2E_PIDFILE) rmSync(process.env.RAC_E2E_PIDFILE, { force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Ctrl+C reaches both this process and test/e2e/run.mjs, which then sends SIGTERM: stop once.
    if (interrupted) return;
    interrupted = `stopped by ${signal}`;
    console.error(`e2e: ${signal}: stopping VS Code`);
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

before(async () => {
  const tools = findTools(ROOT);
  assert.ok(typeof tools !== 'string', tools as string);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = join(ROOT, `relationship-as-code-${version}.vsix`);
  assert.ok(existsSync(vsix), `${vsix} is missing: run "npm run package" (npm run test:e2e does)`);
  assert.ok(existsSync('/usr/bin/chromium'), 'needs /usr/bin/chromium: run scripts/e2e-setup.sh');
  mkdirSync(OUT, { recursive: true });
  for (const old of readdirSync(OUT)) if (old.endsWith('.png')) rmSync(join(OUT, old));

  server = await startCodeServer({
    tools,
    vsix,
    files: [
      { from: join(ROOT, 'samples', FLAWED), to: FLAWED },
      { from: join(ROOT, 'samples', CLEAN), to: CLEAN },
      // The evidence files both samples link to.
      { from: join(ROOT, 'samples', 'docs'), to: 'docs' },
    ],
    settings: { 'relationship.asOf': AS_OF },
    log: join(OUT, 'code-server.log'),
    // test/e2e/run.mjs reaps the server from this file if this process is killed before it can stop it.
    onStarted: (pgid) => process.env.RAC_E2E_PIDFILE && writeFileSync(process.env.RAC_E2E_PIDFILE, String(pgid)),
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 60_000,
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  wb = new Workbench(page);
  await wb.open(server.folderUrl, FLAWED);
});

after(stopAll);

step(1, 'diagnostics', 'opening the flawed sample shows its findings in the Problems panel and their counts in the status bar', async (shoot) => {
  const expected = check(FLAWED);
  assert.ok(expected.findings.some((f) => f.severity === 'error'), 'the flawed sample has no errors: the test needs some');
  await wb.openFile(FLAWED);
  await wb.waitForProblemCounts(counts(expected.findings), `the findings of ${FLAWED}`);
  // The status bar item opens the Problems panel; maximised, it shows every finding at once.
  await page.locator('[id="status.problems"]').click();
  await see(page.locator('.markers-panel'), 'the Problems panel');
  await wb.command('View: Toggle Maximized Panel');
  for (const f of expected.findings) {
    await see(wb.problems.filter({ hasText: f.message }).filter({ hasText: `[Ln ${f.line}, Col ${f.column}]` }),
      `the ${f.severity} "${f.message}" at ${f.line}:${f.column} in the Problems panel`);
  }
  await shoot();
  await wb.command('View: Toggle Maximized Panel');
});

step(2, 'completion', 'typing a new key in a principle section opens a completion list with the schema\'s keys', async (shoot) => {
  // A new line in exit_strategy, which lacks service_continuity (rule EX6).
  const section = lineOf(FLAWED, /^ {2}exit_strategy:/);
  await wb.openFile(FLAWED);
  await wb.goTo(section + 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('se');
  const suggest = page.locator('.editor-widget.suggest-widget.visible');
  await see(suggest.locator('.monaco-list-row', { hasText: 'service_continuity' }), 'the completion "service_continuity" for the key being typed');
  await shoot();
  // Accepting it writes the key from the schema into the file.
  await page.keyboard.press('Enter');
  await see(wb.line('service_continuity:'), 'the accepted key "service_continuity:" in the editor');
  await wb.command('File: Revert File');
  await wb.waitForProblemCounts(counts(check(FLAWED).findings), 'the findings after reverting the completion');
});

step(3, 'hover', 'hovering a principle key shows its summary and score', async (shoot) => {
  const expected = check(FLAWED).coverage.principles.find((p) => p.id === 'risk_management');
  assert.ok(expected, 'rac check reports no risk_management principle');
  const catalog = parse(readFileSync(join(ROOT, 'schemas', 'principles.yaml'), 'utf8')) as { principles: { id: string; summary: string }[] };
  const summary = catalog.principles.find((p) => p.id === 'risk_management')?.summary;
  assert.ok(summary, 'schemas/principles.yaml has no summary for risk_management');
  const met = expected.rules.filter((r) => r.state === 'met').length;
  const counted = met + expected.rules.filter((r) => r.state === 'unmet').length;

  await wb.openFile(FLAWED);
  await wb.goTo(lineOf(FLAWED, /^ {2}risk_management:/));
  const key = wb.line('risk_management:').locator('span', { hasText: /^risk_management$/ });
  await see(key, 'the risk_management key in the editor');
  const hover = await wb.hover(key, `${expected.clause} · ${expected.title}`, 'the hover of risk_management');
  await see(hover.filter({ hasText: summary.trim() }), 'the principle summary in the hover');
  await see(hover.filter({ hasText: `${met}/${counted} counted rules met` }), `the score "${met}/${counted} counted rules met" in the hover`);
  await shoot();
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
});

step(4, 'quick-fix', 'a quick fix from the light bulb removes its finding', async (shoot) => {
  const before = check(FLAWED).findings;
  const finding = before.find((f) => f.code === 'schema.enum' && f.message.includes('"fortnighly"'));
  assert.ok(finding, `${FLAWED} no longer has the "fortnighly" cadence the quick fix corrects`);
  await wb.openFile(FLAWED);
  await wb.goTo(finding.line, finding.column);
  const bulb = page.locator('.lightBulbWidget');
  await see(bulb, 'the light bulb next to the finding');
  await bulb.first().click();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "fortnightly"' });
  await see(fix, 'the quick fix "Change to "fortnightly"" in the light bulb menu');
  await shoot('menu');
  await fix.first().click();
  await see(wb.line('cadence: fortnightly,'), 'the corrected cadence in the editor');
  const errors = counts(before);
  await wb.waitForProblemCounts({ ...errors, errors: errors.errors - 1 }, 'one error fewer after the quick fix');
  await see(page.locator('.markers-panel'), 'the Problems panel');
  await until('the "fortnighly" finding gone from the Problems panel', async () => ((await wb.problems.filter({ hasText: finding.message }).count()) === 0 ? true : undefined));
  await shoot();
});

step(5, 'preview', '"Open Coverage Preview to the Side" shows twelve principle cards and follows an edit', async (shoot) => {
  const vision = check(FLAWED).coverage.principles.find((p) => p.id === 'vision_and_values');
  assert.equal(vision?.status, 'partial', `vision_and_values in ${FLAWED} is expected partial (VV2: the vision is agreed by one party only)`);
  const agreed = 'agreed_by: [p-cd-mfg]';
  const line = lineOf(FLAWED, /^ {4}agreed_by: \[p-cd-mfg\]/);
  const column = readFileSync(join(server!.folder, FLAWED), 'utf8').split('\n')[line - 1].indexOf(agreed) + agreed.length;
  await wb.openFile(FLAWED);
  await wb.command('Relationship: Open Coverage Preview to the Side');
  const preview = wb.webview();
  const cards = preview.locator('article.card[data-principle]');
  await until('twelve principle cards in the preview', async () => ((await cards.count()) === 12 ? true : undefined), WAIT_MS, async () => `${await cards.count()} cards`);
  const card = (status: string): Locator => preview.locator(`article.card.s-${status}[data-principle="vision_and_values"]`);
  await see(card('partial'), 'the vision_and_values card marked partial');
  await card('partial').scrollIntoViewIfNeeded();
  await shoot('before-edit');

  // The other party's director agrees the vision too: typed into the list, in the editor beside the preview.
  await wb.command('View: Focus First Editor Group');
  await wb.goTo(line, column);
  await page.keyboard.type(', p-md-prl');
  await see(wb.line('agreed_by: [p-cd-mfg, p-md-prl]'), 'the edited agreed_by list in the editor');
  await see(card('covered'), 'the vision_and_values card turning covered after the edit');
  // Typing an id opened the id completion; closed so the screenshot shows the card.
  await page.keyboard.press('Escape');
  await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden', timeout: WAIT_MS });
  await card('covered').scrollIntoViewIfNeeded();
  await shoot();
});

step(6, 'language-status', 'the language status item shows the coverage', async (shoot) => {
  await wb.command('View: Hide Panel');
  await wb.openFile(FLAWED);
  await wb.command('File: Save');
  await until(`${FLAWED} saved`, async () => ((await page.locator('.tabs-container .tab.active.dirty').count()) === 0 ? true : undefined));
  const flawed = check(FLAWED).coverage;
  const item = page.locator('[id="status.languageStatus"]');
  await see(item, 'the language status item {} in the status bar');
  // The item's hover lists the language status items of the file (the `{}` next to the language name).
  const coverageOf = (name: string, text: string): Promise<unknown> => wb.hover(item, text, `"${text}" in the language status of ${name}`);
  await coverageOf(FLAWED, `${flawed.covered}/${flawed.required} principles`);
  await shoot('flawed');
  await page.mouse.move(1, 1);
  const clean = check(CLEAN).coverage;
  assert.equal(clean.covered, clean.total, `${CLEAN} is expected to cover every principle`);
  await wb.openFile(CLEAN);
  await coverageOf(CLEAN, `${clean.covered}/${clean.required} principles`);
  await shoot();
});
