// One policy, three faces: a repository with an organisation's base profile, a team profile that extends it,
// an override for tactical suppliers and an added rule gives the same findings and coverage in
// `rac check --format json`, in the language server's diagnostics and in the preview's model, for a file
// inside the overridden folder and one outside it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JsonReport } from '../../server/src/cli/format-json';
import type { ReportModel } from '../../server/src/report/index';
import { rac, workspace } from '../cli/run-cli';
import { LspClient } from '../lsp/client';
import { REPO, repoFiles } from './repo';

const AS_OF = '2026-11-01';
const INSIDE = 'suppliers/tactical/outsourcing.relationship.yaml';
const OUTSIDE = 'partners/outsourcing.relationship.yaml';

interface Seen { findings: string[]; coverage: string[] }

const line = (f: { code: string; severity: string; line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

describe('a base profile, a team profile, an override and an added rule: the CLI, the server and the preview agree', () => {
  let client: LspClient;
  let cli: JsonReport;
  // Made here, not in before(): workspace() removes the folder when the scope that made it ends.
  const dir = workspace(repoFiles());
  before(async () => {
    const run = rac(['check', '--format', 'json', '--as-of', AS_OF, '--root', dir, '.'], dir);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    cli = JSON.parse(run.stdout) as JsonReport;
    client = await LspClient.start({ settings: { asOf: AS_OF }, files: repoFiles() });
  });
  after(() => client?.stop());

  function fromCli(path: string): Seen {
    const file = cli.files.find((f) => f.path === path);
    assert.ok(file?.coverage, `rac check reported ${path}`);
    return {
      findings: file.findings.map(line).sort(),
      coverage: file.coverage.principles.map((p) => `${p.id} ${p.status} ${p.rules.map((r) => `${r.id}=${r.state}`).join(',')}`),
    };
  }

  async function fromServer(path: string): Promise<Seen & { model: ReportModel }> {
    const uri = client.open(path, readFileSync(join(REPO, path), 'utf8'));
    const diagnostics = await client.diagnostics(uri, 1);
    const model = (await client.request('relationship/preview', { uri })) as ReportModel;
    const findings = diagnostics.map((d) => line({ code: String(d.code), severity: SEVERITY[d.severity ?? 1], line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) })).sort();
    const modelFindings = model.findings.map((f) => line({ ...f, line: f.range.start.line + 1, column: f.range.start.character + 1 })).sort();
    assert.deepEqual(modelFindings, findings, 'the preview shows the diagnostics the editor shows');
    return { findings, coverage: model.coverage.principles.map((p) => `${p.id} ${p.status} ${p.rules.map((r) => `${r.id}=${r.state}`).join(',')}`), model };
  }

  for (const path of [INSIDE, OUTSIDE]) {
    test(`${path}: same findings and coverage everywhere`, async () => {
      const a = fromCli(path);
      const b = await fromServer(path);
      assert.deepEqual(b.findings, a.findings);
      assert.deepEqual(b.coverage, a.coverage);
    });
  }

  test('the policy is visible: the added rule counts and is marked, rules off are listed, the override only applies inside its folder', async () => {
    const inside = (await fromServer(INSIDE)).model;
    const outside = (await fromServer(OUTSIDE)).model;
    const gp = (m: ReportModel) => m.coverage.principles.find((p) => p.id === 'governance_and_processes')!;
    for (const m of [inside, outside]) {
      const added = gp(m).rules.find((r) => r.id === 'X-GP1');
      assert.equal(added?.state, 'unmet', 'the organisation\'s rule counts at working_together and later');
      assert.equal(added?.source, 'policies/base.rac.yaml');
      assert.equal(gp(m).status, 'partial', 'a principle is covered only when its added rules are met too');
      assert.ok(!m.coverage.principles.flatMap((p) => p.rules).some((r) => r.id === 'CB4'), 'CB4 is off: not counted');
    }
    assert.deepEqual(inside.coverage.off?.map((r) => `${r.id} ${r.source}`), ['CB4 policies/base.rac.yaml', 'TM2 .rac.yaml overrides[0]']);
    assert.deepEqual(outside.coverage.off?.map((r) => r.id), ['CB4']);
    const gp1 = (m: ReportModel) => m.findings.find((f) => f.code === 'evidence.X-GP1')?.severity;
    assert.equal(gp1(inside), 'information', 'the override lowers the added rule for tactical suppliers');
    assert.equal(gp1(outside), 'warning');
    const text = rac(['check', '--as-of', AS_OF, '--root', dir, INSIDE], dir).stdout;
    assert.match(text, /off by profile: CB4, TM2/);
  });
});
