// What a user does in the VS Code workbench, as Playwright calls: the command palette, Quick Open, Go to
// Line, the status bar. Every wait is for something visible, with a bounded timeout and a message that says
// what did not appear.
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** How long one thing a user waits for may take (the first analysis includes starting the language server). */
export const WAIT_MS = 30_000;

/** Polls `probe` until it returns a value that is not undefined; fails naming `what` and the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = WAIT_MS, last?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs / 1000}s${last ? ` (last seen: ${await last().catch(() => '?')})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits for a locator to be visible, failing with `what` instead of Playwright's selector dump. */
export async function see(locator: Locator, what: string, timeoutMs = WAIT_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what}: not visible within ${timeoutMs / 1000}s`);
  }
  return locator;
}

/** Waits until the element's animations (a hover's fade-in) have finished, so a screenshot shows it as the user does. */
export async function settled(locator: Locator, what: string): Promise<void> {
  await until(`${what} done animating`, async () =>
    (await locator.first().evaluate((e) => e.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'))) ? true : undefined);
}

export interface ProblemCounts { errors: number; warnings: number; infos: number }

export class Workbench {
  constructor(readonly page: Page) {}

  /** Loads the workbench and waits for the Explorer to list the workspace. */
  async open(url: string, firstFile: string): Promise<void> {
    await this.page.goto(url, { timeout: 60_000 });
    await see(this.page.locator('.monaco-workbench'), 'the VS Code workbench', 60_000);
    await see(this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: firstFile }), `"${firstFile}" in the Explorer`, 60_000);
  }

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens a quick input with `keys`, types `text`, waits for `row` in its list (when it has one), accepts. */
  private async quickPick(keys: string, text: string, row: string | undefined, what: string): Promise<void> {
    await this.page.keyboard.press(keys);
    const input = this.quickInput.locator('input.input');
    await see(input, `the ${what} input`);
    await input.fill(text);
    if (row) await see(this.quickInput.locator('.monaco-list-row', { hasText: row }), `"${row}" in the ${what} list`);
    await this.page.keyboard.press('Enter');
    await this.closed(what);
  }

  /** Quick Open (Ctrl+P) a file by name; resolves once its editor has the focus. */
  async openFile(name: string): Promise<void> {
    await this.quickPick('Control+P', name, name, 'Quick Open');
    await see(this.page.locator('.tabs-container .tab.active', { hasText: name }), `the editor tab of ${name}`);
    await see(this.page.locator('.editor-group-container.active .monaco-editor.focused'), `the focused editor of ${name}`);
  }

  /** Runs a command from the command palette (F1) by its title as the palette lists it. */
  async command(title: string): Promise<void> {
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('input.input');
    await see(input, 'the command palette');
    await input.fill(`>${title}`);
    // Clicked rather than Enter: the first row may be another command that matches the words (File: Save As…).
    const row = this.quickInput.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) });
    await see(row, `the command "${title}" in the palette`);
    await row.first().click();
    await this.closed(`the command palette after "${title}"`);
  }

  private async closed(what: string): Promise<void> {
    try {
      await this.quickInput.waitFor({ state: 'hidden', timeout: WAIT_MS });
    } catch {
      throw new Error(`${what}: still open after ${WAIT_MS / 1000}s`);
    }
  }

  /** Go to Line (Ctrl+G) in the active editor, 1-based like the status bar; resolves once the cursor is there. */
  async goTo(line: number, column = 1): Promise<void> {
    // The input opens with the ":" prefix of Go to Line; fill() replaces it, so it is typed again.
    await this.quickPick('Control+G', `:${line}:${column}`, undefined, 'Go to Line');
    const selection = this.page.locator('[id="status.editor.selection"]');
    await see(selection.filter({ hasText: `Ln ${line}, Col ${column}` }), `the cursor at line ${line}, column ${column}`);
  }

  /**
   * A rendered line of the active editor that contains `text`. The editor renders spaces as no-break spaces;
   * a string is matched with its white space normalised (a RegExp would have to say \s for every space).
   */
  line(text: string): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text });
  }

  /** The problem counts in the status bar (its accessible label, e.g. "Errors: 6, Warnings: 12, Infos: 1"). */
  async problemCounts(): Promise<ProblemCounts> {
    const label = (await this.page.locator('[id="status.problems"] a').getAttribute('aria-label', { timeout: 5_000 })) ?? '';
    const count = (name: string): number => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
    return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
  }

  async waitForProblemCounts(expected: ProblemCounts, what: string): Promise<void> {
    const same = (c: ProblemCounts): boolean => c.errors === expected.errors && c.warnings === expected.warnings && c.infos === expected.infos;
    await until(`${what}: ${JSON.stringify(expected)} in the status bar`, async () => (same(await this.problemCounts()) ? true : undefined), WAIT_MS,
      async () => JSON.stringify(await this.problemCounts()));
  }

  /**
   * Rests the pointer on `target` until a hover containing `text` shows and has finished fading in. A hover
   * that a repaint closed does not come back while the pointer stays put, so every two seconds the pointer
   * leaves and comes back.
   */
  async hover(target: Locator, text: string, what: string): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: text });
    let polls = 0;
    await until(what, async () => {
      if (polls++ % 10 === 9) await this.page.mouse.move(1, 1);
      await target.first().hover();
      return (await hover.first().isVisible()) ? true : undefined;
    });
    await settled(hover, what);
    return hover;
  }

  /** The rows of the Problems panel. */
  get problems(): Locator {
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  /** The content of the active webview: each webview is an iframe holding the extension's page in another iframe. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }
}
