// README's Neovim configuration, as written (only the server's path and the as-of date filled in), in Debian's
// headless Neovim: opening the flawed sample starts the language server, and the diagnostics Neovim receives
// are the findings `rac check --format json` reports for the same file and date. The harness waits for the
// diagnostics to arrive (bounded), then writes them as JSON. Run by `npm run test:tools` (needs nvim).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, toolHome } from './tools';

const AS_OF = '2026-11-01';
const { home, env } = toolHome('rac-neovim-');
after(() => rmSync(home, { recursive: true, force: true }));

function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- neovim-config -->\n```lua\n([\s\S]*?)```\n/.exec(readme);
  assert.ok(m, 'README shows the Neovim configuration after <!-- neovim-config -->');
  const lua = m[1].replace("'/path/to/relationship-as-code/dist/server.js'", JSON.stringify(join(ROOT, 'dist', 'server.js'))).replace("asOf = ''", `asOf = '${AS_OF}'`);
  assert.ok(lua.includes(join(ROOT, 'dist', 'server.js')) && lua.includes(AS_OF), 'the server path and asOf placeholders are where the test expects them');
  return lua;
}

interface NvimDiagnostic { lnum: number; col: number; severity: number; message: string; code?: string }
interface CliFinding { code: string; severity: string; message: string; line: number; column: number }

test('headless Neovim with README\'s configuration receives the diagnostics rac check reports', () => {
  const work = join(home, 'partners');
  cpSync(join(ROOT, 'samples'), work, { recursive: true });
  const init = join(home, 'init.lua');
  const out = join(home, 'diagnostics.json');
  writeFileSync(init, readmeConfig());
  // After the file is open: wait for the server's diagnostics (the bound only turns a hang into a failure).
  const harness = join(home, 'harness.lua');
  writeFileSync(harness, [
    `local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)`,
    `local list = {}`,
    `for _, d in ipairs(vim.diagnostic.get(0)) do`,
    `  table.insert(list, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })`,
    `end`,
    `vim.fn.writefile({ vim.fn.json_encode({ ok = ok, filetype = vim.bo.filetype, diagnostics = list }) }, ${JSON.stringify(out)})`,
    `vim.cmd('qa!')`,
  ].join('\n'));
  const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, 'flawed.relationship.yaml', '-c', `luafile ${harness}`], { cwd: work, env, encoding: 'utf8', timeout: 120_000 });
  assert.ok(existsSync(out), `Neovim wrote nothing (exit ${r.status}): ${r.stderr}${r.stdout}`);
  const got = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; filetype: string; diagnostics: NvimDiagnostic[] };
  assert.equal(got.filetype, 'yaml.relationship');
  assert.ok(got.ok, 'no diagnostics arrived');

  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--as-of', AS_OF, '--root', work, 'flawed.relationship.yaml'], { cwd: work, encoding: 'utf8' });
  const findings = (JSON.parse(cli.stdout) as { files: { findings: CliFinding[] }[] }).files[0].findings;
  const severities: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
  const key = (line: number, col: number, severity: number, code: string | undefined) => `${line}:${col} ${severity} ${code}`;
  assert.deepEqual(
    got.diagnostics.map((d) => key(d.lnum, d.col, d.severity, d.code)).sort(),
    findings.map((f) => key(f.line - 1, f.column - 1, severities[f.severity], f.code)).sort(),
  );
  assert.ok(got.diagnostics.some((d) => /unknown key "ownr"/.test(d.message)));
});
