// DOM types stay with the code that runs in a page: the webview script has its own project, the browser-driving
// tests theirs, and the root project (server, CLI, extension host, unit tests) is checked without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import ts from 'typescript';

function project(configPath: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  assert.equal(read.error, undefined, `${configPath}: ${JSON.stringify(read.error?.messageText)}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, resolve(configPath, '..'), undefined, resolve(configPath));
  assert.deepEqual(parsed.errors, [], configPath);
  return parsed;
}

const hasDom = (p: ts.ParsedCommandLine): boolean => (p.options.lib ?? []).some((lib) => /lib\.dom\b/i.test(lib));
const under = (p: ts.ParsedCommandLine, folder: string): string[] => p.fileNames.filter((f) => resolve(f).startsWith(resolve(folder) + sep));

test('the root project has no DOM library and none of its files asks for one', () => {
  const root = project('tsconfig.json');
  assert.equal(hasDom(root), false);
  assert.ok(root.fileNames.length > 50);
  assert.deepEqual(under(root, 'client/src/preview/webview'), []);
  assert.deepEqual([...under(root, 'test/browser'), ...under(root, 'test/e2e')], []);
  for (const file of root.fileNames) assert.doesNotMatch(readFileSync(file, 'utf8'), /\/\/\/\s*<reference\s+lib="dom"/i, file);
});

test('the webview and the browser-driving tests have DOM types in projects of their own, and npm run typecheck checks all three', () => {
  const webview = project('client/src/preview/webview/tsconfig.json');
  assert.ok(hasDom(webview));
  assert.deepEqual(webview.options.types, [], 'the webview runs in a page: no Node types');
  assert.ok(webview.fileNames.some((f) => f.endsWith('preview/webview/main.ts')));
  const browser = project('tsconfig.browser-tests.json');
  assert.ok(hasDom(browser));
  assert.ok(under(browser, 'test/browser').length > 0);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  for (const config of ['tsc -p . ', 'tsc -p client/src/preview/webview ', 'tsc -p tsconfig.browser-tests.json ']) {
    assert.ok(pkg.scripts.typecheck.includes(config), `npm run typecheck does not run ${config.trim()}`);
  }
});
