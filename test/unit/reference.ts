// The reference example (DESIGN §3) as a test fixture: the shared example with its unquoted comma fixed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file of the repository, found from the bundle (dist-test/unit/) or else from the working folder. */
export function repoFile(...parts: string[]): string {
  const besideBundle = join(__dirname, '..', '..', ...parts);
  return existsSync(besideBundle) ? besideBundle : join(process.cwd(), ...parts);
}

export const REFERENCE_AS_OF = '2025-11-01';

export function referenceText(): string {
  return readFileSync(repoFile('test', 'unit', 'fixtures', 'riverside-meridian.relationship.yaml'), 'utf8');
}
