// Loads the language server's bundle through a V8 code cache, so a server started again does not compile its code
// again: Node 20 has no NODE_COMPILE_CACHE, and the editor's own Node may be any version. The cache is written once,
// after the first analysis has run (`save`), so it holds the functions that analysis compiled on first use and not
// only the bundle's top level. It lives in a folder the editor gives (the extension's global storage): never beside
// the installed bundle, never in a workspace.
//
// V8 checks a cache against its own version, its flags and the length of the source, but neither the source's
// content nor (in release builds) the cache's own bytes: a flipped byte in a cache whose header is intact aborts the
// process. So each file carries a SHA-256 of the source and the cache together, checked before V8 sees the bytes.
// A file that is missing, unreadable, foreign, made for another bundle or refused by V8 is ignored: the bundle
// compiles as it would without a cache, and the cache is written anew.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first bytes of every cache file: what it is and the layout that follows (a digest, then V8's data). */
const MAGIC = Buffer.from('relationship-as-code v8 code cache 1\n');
const DIGEST_BYTES = 32;
/** Each editor update brings another runtime and so another file: those not written for this long are removed. */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;
const CACHE_NAME = /^server-[0-9a-f]{16}\.v8cache(\.\d+-[0-9a-f]{8}\.tmp)?$/;

/**
 * What became of the cache when the bundle loaded: `off` (no folder given), `missing` (no file yet), `used`,
 * `invalid` (unreadable, not ours, or made for other source text) or `rejected` (V8 refused it).
 */
export type CacheState = 'off' | 'missing' | 'used' | 'invalid' | 'rejected';

export interface LoadedBundle {
  /** The bundle's module.exports. */
  readonly exports: unknown;
  readonly state: CacheState;
  /** The cache file for this runtime, when a folder was given. */
  readonly file?: string;
  /**
   * Writes the cache from the code compiled so far, once, unless the one loaded was used. Returns whether it wrote;
   * a folder that cannot be written is no error (the next start compiles as usual).
   */
  save(): boolean;
}

/**
 * The cache file for this runtime in the folder. V8 refuses a cache made by another version or with other flags, so
 * each runtime and set of flags (the debug launch adds --inspect) has its own file rather than overwriting another's.
 */
export function cacheFile(dir: string): string {
  const runtime = [process.version, process.versions.v8, process.arch, ...process.execArgv].join('\n');
  return join(dir, `server-${createHash('sha256').update(runtime).digest('hex').slice(0, 16)}.v8cache`);
}

function digest(source: Buffer, data: Uint8Array): Buffer {
  return createHash('sha256').update(source).update(data).digest();
}

/** The file's V8 data when the file is ours, whole, and made for this source text. */
function readCache(file: string, source: Buffer): { data?: Buffer; state: CacheState } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { state: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'invalid' };
  }
  const head = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { state: 'invalid' };
  const data = bytes.subarray(head);
  return digest(source, data).equals(bytes.subarray(MAGIC.length, head)) ? { data, state: 'used' } : { state: 'invalid' };
}

/** Written beside the target and renamed over it, so a reader sees the old file or the new one, never half of one. */
function writeCache(file: string, source: Buffer, data: Buffer): boolean {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, Buffer.concat([MAGIC, digest(source, data), data]), { mode: 0o600 });
    renameSync(temp, file);
    removeUnused(dirname(file), Date.now());
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable (a file, no permission): there is no temporary file to remove.
    }
    return false;
  }
}

/**
 * Removes the cache files not written for a month (those of runtimes the editor no longer runs, temporary files a
 * crash left behind), so the folder does not grow with every update of the editor. Only files named as this module
 * names them are touched; one in use again is simply written anew.
 */
function removeUnused(dir: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.filter((n) => CACHE_NAME.test(n))) {
    try {
      if (now - statSync(join(dir, name)).mtimeMs > UNUSED_FOR_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Another server removed or replaced it meanwhile.
    }
  }
}

/** The CommonJS wrapper a bundle runs in, as Node's loader calls it. */
type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** Loads a CommonJS bundle, through the code cache in `cacheDir` when one is given. */
export function loadBundle(path: string, cacheDir: string | undefined): LoadedBundle {
  const require = createRequire(path);
  if (!cacheDir) return { exports: require(path), state: 'off', save: () => false };
  const source = readFileSync(path);
  const file = cacheFile(cacheDir);
  const found = readCache(file, source);
  const script = new Script(wrap(source.toString('utf8')), { filename: path, cachedData: found.data });
  const state: CacheState = found.data && script.cachedDataRejected ? 'rejected' : found.state;
  const module = { exports: {} };
  (script.runInThisContext() as ModuleWrapper).call(module.exports, module.exports, require, module, path, dirname(path));
  let saved = state === 'used';
  return {
    exports: module.exports,
    state,
    file,
    save() {
      if (saved) return false;
      saved = true;
      return writeCache(file, source, script.createCachedData());
    },
  };
}
