// A real VS Code for the browser (code-server, installed by scripts/e2e-setup.sh) serving a throwaway
// workspace with the packaged extension installed: fresh user data, settings a test can rely on, a loopback
// port, and a stop() that takes the server's whole process group down.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';

export interface E2eTools {
  /** The Node 24 binary code-server runs on. */
  node: string;
  /** code-server's entry script. */
  entry: string;
}

/** Where scripts/e2e-setup.sh put Node 24 and code-server, or what to do when they are not there. */
export function findTools(root: string, env = process.env): E2eTools | string {
  const cache = env.RAC_E2E_CACHE || join(root, '.cache', 'e2e');
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const node = join(cache, 'node', 'node_modules', `node-linux-${arch}`, 'bin', 'node');
  const entry = join(cache, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(cache, 'cs', `.installed-${CODE_SERVER_VERSION}`);
  if (existsSync(node) && existsSync(entry) && existsSync(marker)) return { node, entry };
  return `code-server ${CODE_SERVER_VERSION} and Node 24 are not installed in ${cache}: run scripts/e2e-setup.sh first`;
}

export interface WorkspaceFile {
  /** Copied from this path … */
  from: string;
  /** … to this path inside the workspace folder. */
  to: string;
}

export interface CodeServerOptions {
  tools: E2eTools;
  vsix: string;
  /** Files and folders copied into the workspace. */
  files: WorkspaceFile[];
  /** User settings (merged over the ones every run needs). */
  settings: Record<string, unknown>;
  /** code-server's own output goes here. */
  log: string;
  /** Called with the process group id once the server runs, so a supervisor can reap it if this process is killed. */
  onStarted?: (pgid: number) => void;
}

export interface CodeServer {
  url: string;
  /** The workspace folder (a temporary copy), as code-server opens it. */
  folder: string;
  /** The URL that opens the workspace folder. */
  folderUrl: string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and the same on every run: no welcome page, tips, telemetry or chat. */
const QUIET: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Light Modern',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls until the server answers on its port, or fails once `deadline` passes or the process exits. */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it answered on ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000}s (${last})`);
}

interface Launched { child: ChildProcess; exited: Promise<void>; url: string }

/** SIGTERM to the server's process group, SIGKILL after 5 s; then SIGKILL for what outlived the main process. */
async function stopGroup({ child, exited }: Launched): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if (child.exitCode === null && child.signalCode === null) await Promise.race([exited, timer]);
  // The language server and the extension host may outlive code-server's main process for a moment.
  signal('SIGKILL');
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const base = mkdtempSync(join(tmpdir(), 'rac-e2e-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const folder = join(base, 'workspace');
  const config = join(base, 'config.yaml');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  mkdirSync(folder);
  for (const f of options.files) cpSync(f.from, join(folder, f.to), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET, ...options.settings }, null, 2));
  // Its own config file, so nothing is read from or written to ~/.config/code-server.
  writeFileSync(config, 'auth: none\n');
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  const env = { ...process.env, PATH: `${join(options.tools.node, '..')}:${process.env.PATH ?? ''}` };

  const install = spawnSync(options.tools.node, [options.tools.entry, ...common, '--install-extension', options.vsix], { encoding: 'utf8', env, timeout: 120_000 });
  const installed = `${install.stdout}${install.stderr}`;
  if (install.status !== 0 || !/successfully installed/.test(installed)) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`code-server --install-extension ${options.vsix} failed (${install.error?.message ?? `exit ${install.status}`}):\n${installed}`);
  }

  const log = createWriteStream(options.log);
  const args = [
    options.tools.entry, ...common,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // If this process dies without stopping it (SIGKILL), the server stops itself once no browser is connected.
    '--idle-timeout-seconds', '300',
  ];
  const launch = async (): Promise<Launched> => {
    const port = await freePort();
    // Its own process group: stopping signals the group, which holds the extension host and our language server.
    const child = spawn(options.tools.node, [...args, '--bind-addr', `127.0.0.1:${port}`, folder], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.pid) options.onStarted?.(child.pid);
    return { child, exited, url: `http://127.0.0.1:${port}` };
  };

  let current: Launched | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (current) await stopGroup(current);
      log.end();
      rmSync(base, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  // The port is free when picked but could be taken before code-server binds it: then it exits, and another
  // port is tried. A server that runs but does not answer is not retried.
  for (let attempt = 1; ; attempt++) {
    current = await launch();
    try {
      await waitForHttp(`${current.url}/healthz`, current.child, 60_000);
      break;
    } catch (error) {
      const exitedEarly = current.child.exitCode !== null || current.child.signalCode !== null;
      if (exitedEarly && attempt < 3) {
        await stopGroup(current);
        continue;
      }
      await stop();
      throw error;
    }
  }
  const { url } = current;
  return { url, folder, folderUrl: `${url}/?folder=${encodeURIComponent(folder)}`, stop };
}
