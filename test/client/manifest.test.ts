// package.json's contributions must agree with each other and with the client's sources: a command in a menu
// that nobody declares, or a declared command nobody registers, only shows up as a dead entry in a real editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { build } from 'esbuild';
import { PORTFOLIO_VIEW_TYPE, PREVIEW_VIEW_TYPE } from '../../client/src/preview/messages';
import { loadCatalog } from '../../server/src/core/catalog';

/* eslint-disable @typescript-eslint/no-explicit-any -- the manifest is free-form JSON; each test checks the shape it reads */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as any;
const contributes = pkg.contributes as any;
const declared = new Set<string>(contributes.commands.map((c: any) => c.command));
const LANG = 'relationship-yaml';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const clientSources = filesUnder('client/src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Every command id the manifest points at: menus, keybindings, walkthrough links and completion events. */
function referencedCommands(): Set<string> {
  const ids = new Set<string>();
  for (const items of Object.values(contributes.menus) as any[][]) for (const item of items) ids.add(item.command);
  for (const binding of contributes.keybindings) ids.add(binding.command);
  for (const walkthrough of contributes.walkthroughs) {
    for (const step of walkthrough.steps) {
      for (const match of String(step.description).matchAll(/\(command:([\w.-]+)/g)) ids.add(match[1]);
      for (const event of step.completionEvents ?? []) if (event.startsWith('onCommand:')) ids.add(event.slice('onCommand:'.length));
    }
  }
  return ids;
}

test('every command the manifest refers to is ours and declared, or a built-in one', () => {
  for (const id of referencedCommands()) {
    if (!id.startsWith('relationship.')) continue;
    assert.ok(declared.has(id), `${id} is used in menus, keybindings or the walkthrough but not declared in contributes.commands`);
  }
});

test('every declared command has a title, the Relationship category and an id under relationship.', () => {
  for (const command of contributes.commands) {
    assert.match(command.command, /^relationship\./);
    assert.equal(command.category, 'Relationship', command.command);
    assert.ok(command.title && !command.title.startsWith('Relationship:'), `${command.command}: the category already prefixes the title`);
  }
});

test('every declared command is registered in the client sources', () => {
  for (const id of declared) {
    const quoted = `['"\`]${id.replace(/\./g, '\\.')}['"\`]`;
    const direct = new RegExp(`registerCommand\\(\\s*${quoted}`);
    const viaConstant = new RegExp(`(?:const|let)\\s+(\\w+)\\s*=\\s*${quoted}`);
    const registered = clientSources.some(({ text }) => {
      if (direct.test(text)) return true;
      const constant = viaConstant.exec(text)?.[1];
      return constant !== undefined && new RegExp(`registerCommand\\(\\s*${constant}\\b`).test(text);
    });
    assert.ok(registered, `${id} is declared in package.json but no client source calls registerCommand('${id}', …) (or with a const holding it)`);
  }
});

test('the preview command is in the editor title bar and on Ctrl+K V / Cmd+K V for relationship files only', () => {
  const title = contributes.menus['editor/title'].find((m: any) => m.command === 'relationship.preview.openToSide');
  assert.equal(title?.when, `editorLangId == ${LANG}`);
  const binding = contributes.keybindings.find((k: any) => k.command === 'relationship.preview.openToSide');
  assert.deepEqual([binding?.key, binding?.mac, binding?.when], ['ctrl+k v', 'cmd+k v', `editorLangId == ${LANG}`]);
  const icon = contributes.commands.find((c: any) => c.command === 'relationship.preview.openToSide').icon;
  assert.equal(icon, '$(open-preview)');
});

test('the language, its files and its activation', () => {
  const language = contributes.languages.find((l: any) => l.id === LANG);
  assert.deepEqual(language.filenamePatterns, ['*.relationship.yaml', '*.relationship.yml']);
  // VS Code suggests the first extension when an untitled file (New Relationship File) is saved.
  assert.equal(language.extensions[0], '.relationship.yaml');
  assert.ok(pkg.activationEvents.includes(`onLanguage:${LANG}`));
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.relationship.{yaml,yml}'));
  for (const path of [language.configuration, language.icon.light, language.icon.dark, pkg.icon]) {
    assert.ok(existsSync(path), `${path} is missing`);
  }
  const grammar = contributes.grammars.find((g: any) => g.language === LANG);
  assert.equal(grammar.scopeName, 'source.relationship-yaml');
  assert.ok(existsSync(grammar.path), `${grammar.path} is missing`);
  for (const step of contributes.walkthroughs[0].steps) assert.ok(existsSync(step.media.markdown), `${step.media.markdown} is missing`);
});

test('the extension icon is a 128×128 PNG', () => {
  const png = readFileSync(pkg.icon);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the workspace trust, virtual workspace and host declarations', () => {
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
  // Full support in virtual workspaces (github.dev, vscode.dev): the browser build asks the editor about files.
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
  // On the workspace's machine where there is one (the Node server reads its disk), else beside the UI.
  assert.deepEqual(pkg.extensionKind, ['workspace', 'ui']);
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.browser, './dist/browser/extension.js');
});

test('editor defaults for the language: suggestions in strings, 2-space indent', () => {
  const defaults = contributes.configurationDefaults[`[${LANG}]`];
  assert.equal(defaults['editor.quickSuggestions'].strings, 'on');
  assert.equal(defaults['editor.tabSize'], 2);
  assert.equal(defaults['editor.insertSpaces'], true);
  assert.equal(defaults['editor.autoIndent'], 'advanced');
});

test('every setting is under relationship. with a markdownDescription and a scope', () => {
  const properties = Object.entries(contributes.configuration.properties) as [string, any][];
  // validate.enable, asOf, diagnostics.maxNumberOfProblems, trace.server (severities belong to .rac.yaml).
  assert.ok(properties.length >= 4);
  assert.ok(!('relationship.severity' in contributes.configuration.properties), 'severities are set in the organisation\'s profile, not the editor');
  for (const [key, setting] of properties) {
    assert.match(key, /^relationship\./);
    assert.ok(setting.markdownDescription, `${key} has no markdownDescription`);
    assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(setting.scope), `${key} has no valid scope`);
    assert.ok('default' in setting, `${key} has no default`);
  }
  const asOf = new RegExp(contributes.configuration.properties['relationship.asOf'].pattern);
  assert.ok(asOf.test('') && asOf.test('2026-01-31') && !asOf.test('31/01/2026'));
  assert.deepEqual(contributes.configuration.properties['relationship.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('the grammar embeds YAML and knows every principle and rule of the catalog', () => {
  const grammar = JSON.parse(readFileSync('syntaxes/relationship-yaml.tmLanguage.json', 'utf8'));
  assert.equal(grammar.scopeName, 'source.relationship-yaml');
  assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  const catalog = loadCatalog();
  const principleAlternatives = /\(\?:([a-z_|]+)\)/.exec(grammar.repository['principle-key'].match)?.[1].split('|');
  assert.deepEqual(principleAlternatives?.sort(), catalog.principles.map((p) => p.id).sort());
  const rule = /\(\?:([A-Z|]+)\)\[1-9\]\[0-9\]\?\+/.exec(grammar.repository['rule-id'].match);
  assert.ok(rule, 'the rule-id pattern changed shape; update this test');
  const ruleId = new RegExp(`^(?:${rule[1]})[1-9][0-9]?$`);
  for (const id of catalog.rules.keys()) assert.match(id, ruleId);
});

test('the language configuration: comments, brackets, whole ids, YAML indentation', () => {
  const config = JSON.parse(readFileSync('language-configuration.json', 'utf8'));
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
  const words = (line: string) => line.match(new RegExp(config.wordPattern, 'g'));
  assert.deepEqual(words('    owner: p-rm-rht'), ['owner', 'p-rm-rht']);
  assert.deepEqual(words('  - {id: KPI-01, latest_on: 2025-09-15}'), ['id', 'KPI-01', 'latest_on', '2025-09-15']);
  assert.deepEqual(words('document: docs/jrmp-v2.1.pdf'), ['document', 'docs', 'jrmp-v2.1.pdf']);

  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  for (const line of ['metadata:', '  exit_strategy:   # clause 15', '    joint_vision: >', '  note: |-', '  - rmp:', '  "quoted key":']) {
    assert.ok(increase.test(line), `should indent after ${JSON.stringify(line)}`);
  }
  for (const line of ['  id: REL-001', '  - {id: rht, name: Riverside}', '# Notes:', '  - V1', '  approved_by: [p-a, p-b]']) {
    assert.ok(!increase.test(line), `should not indent after ${JSON.stringify(line)}`);
  }
  const rule = (line: string) => config.onEnterRules.find((r: any) => new RegExp(r.beforeText).test(line))?.action;
  assert.deepEqual(rule('  - id: R-001'), { indent: 'none', appendText: '  ' }, 'the next key of the item lines up with "id"');
  assert.deepEqual(rule('  - transition_plan:'), { indent: 'indent', appendText: '  ' }, 'the nested map goes under the key, not the dash');
  assert.equal(rule('  - {id: rht, role: customer}'), undefined);
  assert.equal(rule('  - a plain list item'), undefined);
});

test('client sources do not import the YAML parser, and vscode stays external to the bundle', () => {
  for (const { path, text } of clientSources) assert.doesNotMatch(text, /from ['"]yaml['"]/, `${path} imports the YAML parser`);
  if (existsSync('dist/extension.js')) {
    const bundle = readFileSync('dist/extension.js', 'utf8');
    assert.match(bundle, /require\("vscode"\)/);
  }
});

test('client sources outside the webview import the engine for its types only', () => {
  const webview = join('client', 'src', 'preview', 'webview') + sep;
  for (const { path, text } of clientSources) {
    if (path.startsWith(webview)) continue;
    for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (/server\/src\/(core|features|node|cli)\//.test(m[2]) || /server\/src\/(server|settings|cache)$/.test(m[2])) {
        assert.ok(m[1], `${path} imports ${m[2]} at run time: ask the server (server/src/protocol.ts) instead`);
      }
    }
  }
});

test('the extension bundle holds no engine: no YAML parser, no schema validator, no core module but its constants', async () => {
  const result = await build({
    entryPoints: ['client/src/extension.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'],
    loader: { '.yaml': 'text' }, metafile: true, write: false, logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.deepEqual(inputs.filter((i) => i.startsWith('server/src/core/')), ['server/src/core/types.ts']);
  assert.deepEqual(inputs.filter((i) => /^node_modules\/(yaml|ajv|ajv-formats)\//.test(i) || i.endsWith('.yaml')), []);
});

/** "^1.91.0" or ">=1.91.0" → [1, 91, 0]. */
function minimumVersion(range: string): number[] {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(m, `no version in ${range}`);
  return m.slice(1).map(Number);
}
const compareVersions = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

test('engines.vscode is the minimum the language client needs, and @types/vscode does not promise more', () => {
  const languageClient = JSON.parse(readFileSync('node_modules/vscode-languageclient/package.json', 'utf8')) as any;
  const types = JSON.parse(readFileSync('node_modules/@types/vscode/package.json', 'utf8')) as any;
  const engine = minimumVersion(pkg.engines.vscode);
  assert.equal(compareVersions(engine, minimumVersion(languageClient.engines.vscode)), 0, `vscode-languageclient needs ${languageClient.engines.vscode}`);
  assert.ok(compareVersions(minimumVersion(types.version), engine) <= 0, `@types/vscode ${types.version} is newer than engines.vscode ${pkg.engines.vscode}: vsce refuses to package`);
});

test('a preview or portfolio panel restored after a reload activates the extension', () => {
  for (const [name, viewType] of [['PREVIEW_VIEW_TYPE', PREVIEW_VIEW_TYPE], ['PORTFOLIO_VIEW_TYPE', PORTFOLIO_VIEW_TYPE]]) {
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${viewType}`), `onWebviewPanel:${viewType} is missing`);
    const serializer = new RegExp(`registerWebviewPanelSerializer\\(\\s*${name}\\b`);
    assert.ok(clientSources.some(({ text }) => serializer.test(text)), `no serializer is registered for ${name}`);
  }
});
