// The fixture repository of the profile tests (test/profiles/fixtures/repo): an organisation's base profile, a
// team profile extending it with an override for tactical suppliers, and the same relationship in and outside
// that folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const besideBundle = join(__dirname, '..', '..', 'test', 'profiles', 'fixtures', 'repo');
export const REPO = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'test', 'profiles', 'fixtures', 'repo');

/** Every file of the fixture repository by relative path (profiles start with a dot: listed too). */
export function repoFiles(dir = REPO): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, repoFiles(path));
    else out[relative(REPO, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return out;
}
