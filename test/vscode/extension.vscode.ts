// The extension inside VS Code desktop's extension host (@vscode/test-electron through @vscode/test-cli):
// it activates on a relationship file, its diagnostics are what `rac check` reports, completion offers the
// schema's keys, and the preview command opens the coverage preview. The workspace is samples/ (see
// .vscode-test.mjs); nothing is written to it. Run with `npm run test:vscode` (test/vscode/run.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from './mocha';

const AS_OF = '2026-11-01';
const FLAWED = 'flawed.relationship.yaml';
const EXTENSION_ID = 'relationship-as-code.relationship-as-code';
const WAIT_MS = 30_000;

interface CheckedFinding { severity: 'error' | 'warning' | 'information' | 'hint'; message: string; line: number; column: number }

function samples(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with samples/ as its workspace folder (.vscode-test.mjs)');
  return folder.uri.fsPath;
}

/** Polls until `probe` returns something other than undefined; fails naming what it waited for. */
async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${WAIT_MS / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the CLI reports for a sample, run from the workspace folder as the editor judges evidence links. */
function rac(name: string): CheckedFinding[] {
  const cli = join(samples(), '..', 'dist', 'cli.js');
  let out: string;
  try {
    out = execFileSync(process.execPath, [cli, 'check', '--format', 'json', '--as-of', AS_OF, name], { cwd: samples(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (error) {
    // Exit status 1 means "findings"; the report is on stdout all the same.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  return (JSON.parse(out) as { files: { findings: CheckedFinding[] }[] }).files[0].findings;
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(samples(), name)));
  return vscode.window.showTextDocument(document);
}

const severities: Record<CheckedFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

suite('Relationship as Code in VS Code desktop', () => {
  let previousAsOf: string | undefined;

  suiteSetup(async () => {
    const config = vscode.workspace.getConfiguration('relationship');
    previousAsOf = config.inspect<string>('asOf')?.globalValue;
    await config.update('asOf', AS_OF, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('relationship').update('asOf', previousAsOf, vscode.ConfigurationTarget.Global);
  });

  test('a relationship file gets the relationship-yaml language and activates the extension', async () => {
    const editor = await open(FLAWED);
    assert.equal(editor.document.languageId, 'relationship-yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await until('the extension active', () => (extension.isActive ? true : undefined));
  });

  test('the diagnostics of the flawed sample are the findings rac reports', async () => {
    const expected = rac(FLAWED);
    assert.ok(expected.length > 0, 'rac reports nothing for the flawed sample');
    const editor = await open(FLAWED);
    const diagnostics = await until('every finding as a diagnostic', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'relationship' || d.source === undefined);
      return found.length === expected.length ? found : undefined;
    });
    for (const f of expected) {
      const match = diagnostics.find((d) => d.message === f.message);
      assert.ok(match, `no diagnostic "${f.message}"`);
      assert.equal(match.severity, severities[f.severity], `severity of "${f.message}"`);
      // rac is 1-based, LSP and VS Code 0-based.
      assert.deepEqual([match.range.start.line, match.range.start.character], [f.line - 1, f.column - 1], `position of "${f.message}"`);
    }
  });

  test('completion on a new line of a principle section offers the schema\'s keys', async () => {
    // An untitled copy with a blank line in exit_strategy, so the sample on disk is never edited.
    const lines = readFileSync(join(samples(), FLAWED), 'utf8').split('\n');
    const section = lines.findIndex((l) => /^ {2}exit_strategy:/.test(l));
    assert.ok(section >= 0, `${FLAWED} has no exit_strategy section`);
    lines.splice(section + 1, 0, '    ');
    const document = await vscode.workspace.openTextDocument({ language: 'relationship-yaml', content: lines.join('\n') });
    await vscode.window.showTextDocument(document);
    const position = new vscode.Position(section + 1, 4);
    const labels = await until('service_continuity among the completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const found = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return found.includes('service_continuity') ? found : undefined;
    });
    for (const key of ['last_tested', 'review_cadence']) assert.ok(labels.includes(key), `"${key}" missing from the completions: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Open Coverage Preview to the Side" opens the preview of the active file', async () => {
    const editor = await open(FLAWED);
    await vscode.commands.executeCommand('relationship.preview.openToSide');
    const tab = await until('the coverage preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) =>
      t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('relationship.preview')));
    assert.equal(tab.label, `Coverage: ${FLAWED}`);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the editor');
  });
});
