// The CLI's profile reader: profiles are files on disk, read through the injected CliIo (tests pass their own),
// and a profile with errors is printed as `file:line:column: error message [code]`, the way findings are.
import { relative, sep } from 'node:path';
import type { CliIo } from '../cli/io';
import { ProfileLoader, type ProfileProblems } from '../profile-chain';

/** Locations are absolute paths with "/" (what profile-chain.ts works with). */
export function toLocation(path: string): string {
  return path.split(sep).join('/');
}

export function cliProfileLoader(io: Pick<CliIo, 'stat' | 'readFile'>): ProfileLoader {
  return new ProfileLoader(async (location) => {
    if (io.stat(location).kind !== 'file') return undefined;
    // A byte order mark is dropped, as for relationship files, so columns match what the author sees.
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(io.readFile(location));
  });
}

/** One line per error of each profile, its position one-based as editors and compilers print it. */
export function formatProblems(problems: readonly ProfileProblems[], cwd: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of problems) {
    const name = displayName(cwd, p.location);
    for (const f of p.findings) {
      if (f.severity !== 'error') continue;
      const line = `${name}:${f.range.start.line + 1}:${f.range.start.character + 1}: error ${f.message} [${f.code}]`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function displayName(cwd: string, location: string): string {
  const rel = relative(cwd, location);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : location;
}
