// The language server over stdio, driven by a real JSON-RPC client: diagnostics (codes, exact ranges, UTF-16
// columns with CRLF and emoji, data, related information, documentation links), versions and debouncing,
// didClose, the coverage notification, settings, the preview request, workspace checks, and robustness.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, rangeOf } from './client';
import type { CheckWorkspaceResult, CoverageParams, ScaffoldResult } from '../../server/src/protocol';
import type { ReportModel } from '../../server/src/report/model';

const AS_OF = '2025-11-01';

// Every line of this file is there for a reason: an enum typo, a duplicate id (related information), an
// unresolved reference after an emoji (UTF-16 columns), an unknown key with a fix, and unmet evidence.
const FLAWED = `schema_version: "1"
metadata:
  id: REL-T-001
  title: Test relationship
  status: actve
  lifecycle_stage: awareness
parties:
  - {id: acme, name: Acme Ltd, role: supplier}
  - {id: beta, name: Beta plc, role: customer}
people:
  - {id: p-ann, name: Ann, party: acme}
  - {id: p-ann, name: Ann Two, party: beta}
  - {id: p-bob, name: "Zoë 🚀", party: gama}
principles:
  risk_management:
    register:
      - id: R-1
        title: Something
        ownr: p-ann
`;

// At stage staying_together EX7 counts: the exit strategy must have been reviewed within 365 days of as-of.
const EXIT_REVIEW = `schema_version: "1"
metadata:
  id: REL-T-002
  title: Exit review
  status: active
  lifecycle_stage: staying_together
parties:
  - {id: acme, name: Acme Ltd, role: supplier}
  - {id: beta, name: Beta plc, role: customer}
principles:
  exit_strategy:
    last_reviewed: 2025-06-10
`;

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code} diagnostic among ${diagnostics.map((x) => x.code).join(', ')}`);
  return d;
}

describe('diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
  });
  after(() => client.stop());

  test('codes, exact ranges, severity, source, data, related information and documentation links', async () => {
    const uri = client.open('flawed.relationship.yaml', FLAWED);
    const diagnostics = await client.diagnostics(uri, 1);

    const enumDiag = byCode(diagnostics, 'schema.enum');
    assert.deepEqual(enumDiag.range, rangeOf(FLAWED, 'actve'));
    assert.equal(enumDiag.severity, 1);
    assert.equal(enumDiag.source, 'relationship');
    assert.match(String(enumDiag.message), /did you mean "active"/);
    assert.equal(enumDiag.codeDescription?.href, 'https://github.com/relationship-as-code/relationship-as-code#finding-codes');

    const duplicate = byCode(diagnostics, 'ref.duplicate-id');
    assert.deepEqual(duplicate.range, rangeOf(FLAWED, 'p-ann', 1));
    assert.equal(duplicate.relatedInformation?.length, 1);
    assert.equal(duplicate.relatedInformation![0].location.uri, uri);
    assert.deepEqual(duplicate.relatedInformation![0].location.range, rangeOf(FLAWED, 'p-ann', 0));

    const unresolved = byCode(diagnostics, 'ref.unresolved');
    // "gama" follows an emoji: its column counts UTF-16 code units (🚀 is two).
    assert.deepEqual(unresolved.range, rangeOf(FLAWED, 'gama'));
    assert.equal(unresolved.range.start.character, 39);

    const unknownKey = byCode(diagnostics, 'schema.additionalProperties');
    assert.deepEqual(unknownKey.range, rangeOf(FLAWED, 'ownr'));
    const data = unknownKey.data as { path: unknown; fixes: { title: string; edits: { newText: string }[] }[] };
    assert.equal(data.fixes[0].edits[0].newText, 'owner');
    assert.deepEqual(data.path, ['principles', 'risk_management', 'register', 0, 'ownr']);
    assert.deepEqual((enumDiag.data as { path: unknown }).path, ['metadata', 'status']);

    const evidence = byCode(diagnostics, 'evidence.RK2');
    assert.equal(evidence.severity, 2);
    assert.deepEqual(evidence.data, { key: `evidence.RK2@${evidence.range.start.line}:${evidence.range.start.character}-${evidence.range.end.line}:${evidence.range.end.character} ${evidence.message}`,
      principle: 'risk_management', rule: 'RK2', fixes: (evidence.data as { fixes: unknown[] }).fixes });
    assert.equal(evidence.codeDescription?.href, 'https://github.com/relationship-as-code/relationship-as-code#rule-rk2');
    assert.equal(evidence.tags, undefined);
  });

  test('CRLF line endings give the same positions', async () => {
    const crlf = FLAWED.replace(/\n/g, '\r\n');
    const uri = client.open('crlf.relationship.yaml', crlf);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(byCode(diagnostics, 'ref.unresolved').range, rangeOf(crlf, 'gama'));
    assert.deepEqual(byCode(diagnostics, 'schema.additionalProperties').range, rangeOf(crlf, 'ownr'));
    assert.deepEqual(byCode(diagnostics, 'schema.enum').range, { start: { line: 4, character: 10 }, end: { line: 4, character: 15 } });
  });

  test('an edit publishes diagnostics for the new version; superseded versions are never published after newer ones', async () => {
    const uri = client.open('edit.relationship.yaml', FLAWED);
    await client.diagnostics(uri, 1);
    client.edit(uri, rangeOf(FLAWED, 'actve'), 'active', 2);
    const fixedEnum = FLAWED.replace('actve', 'active');
    client.edit(uri, rangeOf(fixedEnum, 'ownr'), 'owner', 3);
    const fixedKey = fixedEnum.replace('ownr', 'owner');
    client.edit(uri, rangeOf(fixedKey, 'gama'), 'beta', 4);
    const latest = await client.diagnostics(uri, 4);
    const codes = latest.map((d) => d.code);
    for (const gone of ['schema.enum', 'schema.additionalProperties', 'ref.unresolved']) assert.ok(!codes.includes(gone), `${gone} still reported: ${codes.join(', ')}`);
    assert.ok(codes.includes('ref.duplicate-id'));
    const versions = client.received
      .filter((r) => r.method === 'textDocument/publishDiagnostics' && (r.params as PublishDiagnosticsParams).uri === uri)
      .map((r) => (r.params as PublishDiagnosticsParams).version);
    assert.deepEqual([...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), versions, `versions published out of order: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], 4);
  });

  test('didClose clears the diagnostics', async () => {
    const uri = client.open('close.relationship.yaml', FLAWED);
    assert.ok((await client.diagnostics(uri, 1)).length > 0);
    const mark = client.mark();
    client.close(uri);
    const params = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after: mark, what: 'the diagnostics of the closed document' });
    assert.deepEqual(params.diagnostics, []);
  });

  test('the coverage notification follows each analysis', async () => {
    const uri = client.open('coverage.relationship.yaml', FLAWED);
    const coverage = await client.waitFor<CoverageParams>('relationship/coverage', (p) => p.uri === uri && p.version === 1);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.equal(coverage.total, 12);
    assert.equal(coverage.stage, 'awareness');
    assert.equal(coverage.schemaVersion, '1');
    assert.equal(coverage.covered, 0);
    // At awareness: relationship management, business objectives, collaborative leadership, risk management.
    assert.equal(coverage.required, 4);
    assert.equal(coverage.errors, diagnostics.filter((d) => d.severity === 1).length);
    assert.equal(coverage.warnings, diagnostics.filter((d) => d.severity === 2).length);
    client.change(uri, FLAWED.replace('actve', 'active'), 2);
    const next = await client.waitFor<CoverageParams>('relationship/coverage', (p) => p.uri === uri && p.version === 2);
    assert.equal(next.errors, coverage.errors - 1);
  });

  test('the preview request returns the report model with the coverage', async () => {
    const uri = client.open('preview.relationship.yaml', FLAWED);
    await client.diagnostics(uri, 1);
    const model = await client.request<ReportModel | null>('relationship/preview', { uri });
    assert.ok(model);
    assert.equal(model.uri, uri);
    assert.equal(model.version, 1);
    assert.equal(model.path, 'preview.relationship.yaml');
    assert.equal(model.coverage.total, 12);
    assert.equal(model.coverage.asOf, AS_OF);
    assert.equal(model.info.id, 'REL-T-001');
    assert.ok(model.findings.some((f) => f.code === 'schema.enum'));
    assert.equal(await client.request('relationship/preview', { uri: client.uri('not-open.relationship.yaml') }), null);
  });
});

describe('settings', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
  });
  after(() => client.stop());

  test('asOf changes what counts, a left-over severity setting changes nothing (profiles own severities), validate.enable off clears', async () => {
    const uri = client.open('exit.relationship.yaml', EXIT_REVIEW);
    const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
    assert.ok(!codes(await client.diagnostics(uri, 1)).includes('evidence.EX7'), 'reviewed 144 days before the as-of date: EX7 is met');

    let mark = client.mark();
    client.configure({ asOf: '2027-01-01' });
    const later = await client.diagnostics(uri, 1, mark);
    assert.equal(byCode(later, 'evidence.EX7').severity, 2);
    assert.deepEqual(byCode(later, 'evidence.EX7').range, rangeOf(EXIT_REVIEW, 'last_reviewed'));

    mark = client.mark();
    client.configure({ asOf: '2027-01-01', severity: { 'evidence.EX7': 'off', 'evidence.': 'information' } });
    const policy = await client.diagnostics(uri, 1, mark);
    assert.equal(byCode(policy, 'evidence.EX7').severity, 2, 'relationship.severity was folded into .rac.yaml: the editor no longer changes findings behind the profile');

    mark = client.mark();
    client.configure({ asOf: '2027-01-01', validate: { enable: false } });
    assert.deepEqual(await client.diagnostics(uri, 1, mark), []);
  });

  test('maxNumberOfProblems caps the diagnostics, errors first', async () => {
    const mark = client.mark();
    client.configure({ asOf: AS_OF, diagnostics: { maxNumberOfProblems: 2 } });
    const uri = client.open('capped.relationship.yaml', FLAWED);
    const capped = await client.diagnostics(uri, 1, mark);
    assert.equal(capped.length, 2);
    assert.ok(capped.every((d) => d.severity === 1));
  });

  test('an invalid asOf is reported once and today is used', async () => {
    const mark = client.mark();
    client.configure({ asOf: '31/12/2025' });
    const uri = client.open('bad-as-of.relationship.yaml', EXIT_REVIEW);
    const message = await client.waitFor<{ type: number; message: string }>('window/showMessage', (m) => m.message.includes('31/12/2025'), { after: mark });
    assert.equal(message.type, 2);
    await client.diagnostics(uri, 1, mark);
    const model = await client.request<ReportModel>('relationship/preview', { uri });
    assert.match(model.coverage.asOf, /^\d{4}-\d{2}-\d{2}$/);
    const again = client.mark();
    client.change(uri, `${EXIT_REVIEW}# edited\n`, 2);
    await client.diagnostics(uri, 2);
    assert.equal(client.received.filter((r) => r.seq > again && r.method === 'window/showMessage').length, 0, 'the warning is shown once');
  });
});

/** Today's date in a time zone, as a person there reads it off the wall clock. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('the scaffold request (New Relationship File)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
  });
  after(() => client.stop());

  test('builds the file for a stage, dated the as-of day, and it analyses without errors', async () => {
    const { text } = await client.request<ScaffoldResult>('relationship/scaffold', { stage: 'working_together' });
    assert.match(text, /^ {2}lifecycle_stage: working_together$/m);
    assert.match(text, new RegExp(`^ {2}start_date: ${AS_OF}$`, 'm'));
    const uri = client.open('untitled:Untitled-1', text);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1).map((d) => d.message), []);
  });

  test('an unknown stage is refused with a message naming the stages', async () => {
    await assert.rejects(client.request('relationship/scaffold', { stage: 'workingtogether' }), (e: { code: number; message: string }) => {
      assert.equal(e.code, -32602);
      assert.match(e.message, /"workingtogether" is not a lifecycle stage; use one of awareness, knowledge, .*, exit/);
      return true;
    });
  });

  // UTC+14 and UTC-12 are 26 hours apart, so at any moment at least one of them is not on UTC's date.
  for (const timeZone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
    test(`without an asOf setting the date is today on the local clock (TZ=${timeZone})`, async () => {
      const local = await LspClient.start({ settings: {}, env: { TZ: timeZone } });
      try {
        const before = todayIn(timeZone);
        const { text } = await local.request<ScaffoldResult>('relationship/scaffold', { stage: 'awareness' });
        const after = todayIn(timeZone);
        const written = /^ {2}start_date: (\d{4}-\d{2}-\d{2})$/m.exec(text)?.[1];
        assert.ok(written === before || written === after, `${written} is not ${before} in ${timeZone}`);
      } finally {
        await local.stop();
      }
    });
  }
});

describe('a client without workspace/configuration', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  test('defaults apply, and didChangeConfiguration carries the settings', async () => {
    const uri = client.open('defaults.relationship.yaml', FLAWED);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'schema.enum'));
    assert.ok(!client.received.some((r) => r.method === 'workspace/configuration'), 'the server must not ask a client that cannot answer');
    const mark = client.mark();
    client.configure({ validate: { enable: false } });
    assert.deepEqual(await client.diagnostics(uri, 1, mark), [], 'the pushed settings apply');
  });
});

describe('evidence links and the workspace check', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({
      settings: { asOf: AS_OF },
      files: {
        'docs/exit.pdf': 'pdf',
        'closed/a.relationship.yaml': FLAWED,
        'closed/b.relationship.yml': EXIT_REVIEW,
        'closed/ignored.yaml': 'not: a relationship',
      },
    });
  });
  after(() => client.stop());

  test('a missing evidence file is a warning in a workspace, never checked in an untitled document', async () => {
    const text = `${EXIT_REVIEW}    document: docs/missing-exit.pdf\n`;
    const uri = client.open('links.relationship.yaml', text);
    const inWorkspace = await client.diagnostics(uri, 1);
    assert.deepEqual(byCode(inWorkspace, 'link.missing-file').range, rangeOf(text, 'docs/missing-exit.pdf'));
    const present = client.open('present.relationship.yaml', `${EXIT_REVIEW}    document: docs/exit.pdf\n`);
    assert.ok(!(await client.diagnostics(present, 1)).some((d) => d.code === 'link.missing-file'));
    const untitled = client.open('untitled:Untitled-1', text);
    assert.ok(!(await client.diagnostics(untitled, 1)).some((d) => d.code === 'link.missing-file'));
  });

  test('checkWorkspace analyses closed files and publishes their diagnostics', async () => {
    const mark = client.mark();
    const result = await client.request<CheckWorkspaceResult>('relationship/checkWorkspace', {});
    assert.equal(result.files, 2);
    assert.ok(result.errors >= 4, `errors: ${result.errors}`);
    const a = await client.diagnostics(client.uri('closed/a.relationship.yaml'), undefined, mark);
    assert.deepEqual(byCode(a, 'ref.unresolved').range, rangeOf(FLAWED, 'gama'));
    await client.diagnostics(client.uri('closed/b.relationship.yml'), undefined, mark);
    assert.ok(!client.received.some((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics' && (r.params as PublishDiagnosticsParams).uri.endsWith('ignored.yaml')));
  });
});

describe('robustness', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
  });
  after(() => client.stop());

  const hoverAt = (uri: string): Promise<Hover | null> => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });

  test('malformed, binary, deeply nested and huge documents get findings, and the server keeps answering', async () => {
    const bad: Record<string, string> = {
      'malformed.relationship.yaml': 'metadata: {id: [unclosed\n  title: "x\n: : :\n\t- tab\n---\nsecond: doc\n',
      'binary.relationship.yaml': Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
      'nested.relationship.yaml': `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      'bomb.relationship.yaml': 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      'huge.relationship.yaml': `schema_version: "1"\nmetadata:\n  id: big\n  title: ${'x'.repeat(2_000_000)}\n`,
      'empty.relationship.yaml': '',
    };
    for (const [name, text] of Object.entries(bad)) {
      const uri = client.open(name, text);
      const diagnostics = await client.diagnostics(uri, 1);
      assert.ok(diagnostics.length > 0, `${name}: no finding`);
      await hoverAt(uri);
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    const good = client.open('still-fine.relationship.yaml', EXIT_REVIEW);
    await client.diagnostics(good, 1);
    const hover = await hoverAt(good);
    assert.ok(hover, 'the server still answers a hover');
  });

  test('requests for unknown documents and positions out of range answer empty', async () => {
    const uri = client.uri('never-opened.relationship.yaml');
    assert.equal(await hoverAt(uri), null);
    const none = await client.request<{ items?: unknown[] } | unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(Array.isArray(none) ? none : none.items, []);
    const open = client.open('range.relationship.yaml', EXIT_REVIEW);
    await client.diagnostics(open, 1);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: open }, position: { line: 999, character: 999 } }), null);
  });
});
