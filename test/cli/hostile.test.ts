// Hostile input never crashes rac check: each file gets findings and exit 0 or 1, never a stack trace or a hang.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AS_OF, VALID, noStackTrace, rac, workspace } from './run-cli';

function bigFile(bytes: number): string {
  let text = VALID.replace('people:\n', 'people:\n');
  const items: string[] = [];
  for (let i = 0; text.length + items.length * 60 < bytes; i++) items.push(`  - id: p-${i}\n    name: Person number ${i}\n    party: acme\n`);
  text = text.replace('people:\n', `people:\n${items.join('')}`);
  return text;
}

const bomb = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
].join('\n') + '\n';

const cases: Record<string, { content: string | Uint8Array; code?: RegExp }> = {
  empty: { content: '', code: /^schema\.type$/ },
  'only comments': { content: '# nothing yet\n', code: /^schema\.type$/ },
  'binary bytes': { content: Buffer.from([0x01, 0x02, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x0a, 0x80, 0x81]), code: /^syntax/ },
  'invalid UTF-8 in a value': { content: Buffer.concat([Buffer.from('schema_version: "1"\nmetadata:\n  title: "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"\n')]) },
  '10,000 nested [': { content: '['.repeat(10_000), code: /^syntax/ },
  '10,000 nested {': { content: '{'.repeat(10_000), code: /^syntax/ },
  '5,000 nested [{': { content: '[{'.repeat(5_000), code: /^syntax/ },
  'deep block nesting': { content: Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), code: /./ },
  'alias bomb': { content: bomb, code: /^syntax\.alias-limit$/ },
  'merge-key bomb': { content: 'a: &a {x: 1, y: 2}\nb: &b {<<: [*a, *a, *a, *a]}\nc: {<<: [*b, *b, *b, *b, *b]}\n', code: /./ },
  'a list as a key': { content: `${VALID}? [a, b]\n: 1\n`, code: /^syntax$/ },
  '2 MB file': { content: bigFile(2_000_000) },
  'several documents': { content: `${VALID}---\n${VALID}---\nfoo: 1\n`, code: /^syntax\.multiple-documents$/ },
  tabs: { content: VALID.replace('  id: REL-T', '\tid: REL-T'), code: /^syntax/ },
  'lone CR line ends': { content: VALID.replace(/\n/g, '\r') },
  'a huge single line': { content: `schema_version: "1"\nmetadata: {title: "${'x'.repeat(500_000)}", oops: 1}\n`, code: /./ },
  'control characters in a key': { content: VALID.replace('  status: draft\n', '  status: draft\n  "\\e[31mred": 1\n'), code: /^schema\.additionalProperties$/ },
};

describe('hostile input', () => {
  const files: Record<string, string | Uint8Array> = {};
  const names = Object.keys(cases).map((_label, i) => `case-${String(i).padStart(2, '0')}.relationship.yaml`);
  Object.values(cases).forEach((c, i) => (files[names[i]] = c.content));
  const dir = workspace(files);

  Object.entries(cases).forEach(([label, c], i) => {
    test(label, () => {
      const r = rac(['check', '--format', 'json', '--as-of', AS_OF, names[i]], dir);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(noStackTrace(r), r.stderr);
      assert.equal(r.stderr, '');
      const out = JSON.parse(r.stdout) as { files: { findings: { code: string; line: number; column: number }[] }[] };
      const findings = out.files[0].findings;
      if (c.code) assert.ok(findings.some((f) => c.code!.test(f.code)), `${label}: ${findings.map((f) => f.code).join(', ')}`);
      for (const f of findings) assert.ok(f.line >= 1 && f.column >= 1);
      // The text format survives the same input and never echoes terminal escape sequences.
      const text = rac(['check', '--as-of', AS_OF, names[i]], dir);
      assert.ok(text.status === 0 || text.status === 1);
      assert.ok(noStackTrace(text));
      assert.ok(!text.stdout.includes('\x1b'));
    });
  });

  test('NUL bytes make a file unreadable, with a clear message and exit 2', () => {
    const d = workspace({ 'nul.relationship.yaml': Buffer.from('schema_version: "1"\n\0') });
    const r = rac(['check', '--as-of', AS_OF, 'nul.relationship.yaml'], d);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'rac check: nul.relationship.yaml: binary file (it contains NUL bytes): a relationship file is UTF-8 text\n');
  });
});
