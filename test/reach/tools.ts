// Shared by the tests that drive tools from Debian (pre-commit, Neovim; `npm run test:tools`): a temporary
// home with the release folder built into it, and an environment that reaches nothing of this machine's
// configuration and no network.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isolatedEnv, ROOT } from '../diff/git-repo';

export { ROOT };

/** A temporary folder with HOME and caches inside it; npm is offline. */
export function toolHome(prefix: string): { home: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(home, '.config'), { recursive: true });
  const env = isolatedEnv(home, {
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  });
  return { home, env };
}

/** Runs `npm run build:action`'s script into `out` (the bundles must be built: node esbuild.mjs). */
export function buildRelease(out: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-action.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-action failed: ${r.stderr}`);
}
