// Runs the built CLI (dist/cli.js) as a child process in a temporary folder, as users and CI run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

const besideBundle = join(__dirname, '..', '..', 'dist', 'cli.js');
export const CLI = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'dist', 'cli.js');

/** Every test's dates are fixed: coverage that depends on cadences must not change with the calendar. */
export const AS_OF = '2025-06-01';

export interface Run { status: number | null; stdout: string; stderr: string }

/** input: what the command reads from standard input (rac check -); none by default. */
export function rac(args: string[], cwd: string, env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A fresh folder under the system's temp folder, removed when the test file ends. */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rac-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** No stack trace reached the user: Node prints frames as "    at …". */
export function noStackTrace(run: Run): boolean {
  return !/\n\s{4}at /.test(`\n${run.stderr}`) && !/\n\s{4}at /.test(`\n${run.stdout}`);
}

/** A small relationship that analyses without errors at stage awareness. */
export const VALID = `schema_version: "1"
metadata:
  id: REL-T
  title: Test relationship
  status: draft
  lifecycle_stage: awareness
  next_review_due: 2025-12-01
  maintained_by: acme
parties:
  - id: acme
    name: Acme Ltd
    role: customer
  - id: beta
    name: Beta Ltd
    role: supplier
people:
  - id: p-ann
    name: Ann
    party: acme
principles:
  relationship_management:
    rmp:
      id: JRMP-1
      type: joint
      approved_by: [p-ann]
    stage_history:
      - stage: awareness
        entered_on: 2025-01-01
  risk_management:
    register:
      - id: R-1
        title: Key people leave
        owner: p-ann
        owning_party: acme
        status: open
        likelihood: 2
        impact: 2
  business_objectives:
    party_objectives:
      - {id: PO-1, party: acme, text: A second supplier for every line}
  collaborative_leadership:
    ser:
      - {party: acme, person: p-ann}
`;
