// Every error code the yaml library can produce has a message of ours, and the library's own text never
// reaches a finding: neither through the table nor through the refinements chosen by its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parseDocument, YAMLParseError, type ErrorCode } from 'yaml';
import { analyze, type Finding } from '../../server/src/core/index';
import { describe, SYNTAX_MESSAGES } from '../../server/src/core/syntax-messages';

const AS_OF = '2026-06-01';

/** The ErrorCode union as the installed library declares it. */
function libraryCodes(): string[] {
  const besideBundle = join(__dirname, '..', '..', 'node_modules', 'yaml', 'dist', 'errors.d.ts');
  const file = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'node_modules', 'yaml', 'dist', 'errors.d.ts');
  const union = /export type ErrorCode\s*=\s*([^;]+);/.exec(readFileSync(file, 'utf8'))?.[1];
  assert.ok(union, 'ErrorCode not found in yaml/dist/errors.d.ts');
  return union.split('|').map((s) => s.trim().replace(/^'|'$/g, '')).sort();
}

const syntaxFindings = (text: string): Finding[] => analyze(text, { asOf: AS_OF }).findings.filter((f) => f.code.startsWith('syntax'));

test('each code of the library ErrorCode union has a message of ours, and no code is invented', () => {
  const codes = libraryCodes();
  assert.ok(codes.length >= 20, `only ${codes.length} codes read`);
  assert.deepEqual(Object.keys(SYNTAX_MESSAGES).sort(), codes);
  for (const code of codes) assert.match(SYNTAX_MESSAGES[code as ErrorCode], /^[a-z"].{20,}/, code);
});

test('whatever the library says for a code, the finding says it in our words', () => {
  const text = 'a: 1\nb: [x, y\n';
  const document = parseDocument(text);
  for (const code of libraryCodes()) {
    const raw = `Library wording for ${code} that must stay inside`;
    const d = describe(new YAMLParseError([5, 6], code as ErrorCode, raw), document as never, text);
    assert.ok(!d.message.includes('Library wording'), `${code}: ${d.message}`);
    assert.ok(d.message.length > 20, code);
  }
});

// Inputs that make the library report each reachable code (the rest are covered by the test above).
const INPUTS: Record<string, string> = {
  ALIAS_PROPS: 'a: &x 1\nb: !!str *x\n',
  BAD_ALIAS: 'a: & 1\n',
  BAD_DQ_ESCAPE: 'a: "\\q"\n',
  BAD_INDENT: 'a:\n  b: 1\n c: 2\n',
  BAD_SCALAR_START: 'a: @x\n',
  BLOCK_AS_IMPLICIT_KEY: 'title: St Marys: cleaning partnership\n',
  BLOCK_IN_FLOW: 'a: {b: 1 c: 2}\n',
  KEY_OVER_1024_CHARS: `${'k'.repeat(1100)}: 1\n`,
  MISSING_CHAR: 'a: "x\n',
  MULTILINE_IMPLICIT_KEY: 'a\nb: 1\n',
  MULTIPLE_ANCHORS: 'a: &x &y 1\n',
  MULTIPLE_TAGS: 'a: !!str !!str 1\n',
  TAB_AS_INDENT: 'a:\n\tb: 1\n',
  UNEXPECTED_TOKEN: 'a: 1\n]\n',
  'UNEXPECTED_TOKEN ,': 'a: [1,,2]\n',
  'MISSING_CHAR ,': 'a: ["x" "y"]\n',
  'MISSING_CHAR :': 'a: b#c\n"x"#y: 1\n',
  'MISSING_CHAR -': 'a:\n  - 1\n  2\n',
  'MISSING_CHAR ---': '--- a: 1\n',
};

test('real parser errors of each reachable code: our message, never the library text', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    const code = name.split(' ')[0];
    const errors = parseAllDocuments(text, { uniqueKeys: false })[0]?.errors ?? [];
    assert.ok(errors.some((e) => e.code === code), `${name}: the library reports ${errors.map((e) => e.code).join(', ')}`);
    const found = syntaxFindings(text);
    assert.equal(found.length, 1, `${name}: ${found.map((f) => f.message).join(' | ')}`);
    for (const e of errors) {
      const raw = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      assert.ok(!found[0].message.includes(raw), `${name}: "${found[0].message}" includes "${raw}"`);
    }
  }
});

test('an unquoted ": " inside a value says "quote the value" at the colon', () => {
  const text = 'metadata:\n  title: St Marys: cleaning partnership\n';
  const [f] = syntaxFindings(text);
  assert.match(f.message, /quote the whole value/);
  assert.doesNotMatch(f.message, /indentation|Nested mappings/);
  assert.deepEqual(f.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 18 } });
});

test('the colon is found in UTF-16 columns on a CRLF line after an emoji, and not inside a comment', () => {
  const text = 'metadata:\r\n  title: 🚰 St Marys: cleaning # note: x\r\n';
  const [f] = syntaxFindings(text);
  const line = '  title: 🚰 St Marys: cleaning # note: x';
  assert.deepEqual(f.range, { start: { line: 1, character: line.indexOf(': c') }, end: { line: 1, character: line.indexOf(': c') + 1 } });
});

test('inside {…} the parser\'s words never reach the user', () => {
  for (const text of ['a: {b:\n  c: d}\n', 'a: {b: 1 c: 2}\n']) {
    const [f] = syntaxFindings(text);
    assert.doesNotMatch(f.message, /Block collections|flow collections/, text);
    assert.match(f.message, /inside \{…\} or \[…\]/);
  }
});

test('an over-indented line is reported at that line', () => {
  const text = 'metadata:\n  status: active\n      title: x\n  id: y\n';
  const [f] = syntaxFindings(text);
  assert.match(f.message, /indented further than the key above/);
  assert.deepEqual(f.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 14 } });
});

test('a misaligned line is reported at that line, not at the end of the line above', () => {
  const text = 'a:\r\n  b: 1\r\n c: 2\r\n';
  const [f] = syntaxFindings(text);
  assert.match(f.message, /not indented like its siblings/);
  assert.deepEqual(f.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 5 } });
});

test('a block scalar header where a key belongs is reported at its line, not at the line below', () => {
  // The library marks the start of the misplaced line itself here; the line below is not the mistake.
  for (const [text, end] of [['a:\r\n  b: 1\r\n |--- scope: x\r\n  c: 2\r\n', 14], ['a:\n  b: 1\n >🚰 rmp: x\n', 11]] as const) {
    const [f] = syntaxFindings(text);
    assert.deepEqual(f.range, { start: { line: 2, character: 1 }, end: { line: 2, character: end } }, JSON.stringify(text));
  }
});

test('a quote never closed is reported at the quote, before the errors in the text it swallowed', () => {
  // The library lists the bad escape "\\?" three lines down first, and the missing quote at the end of the text.
  const text = 'a: 1\nscope: "Design 👩‍👩‍👧 build\nstart: 2\nparties:\n  - -\\?{id: hw}\n';
  const [f] = syntaxFindings(text);
  assert.match(f.message, /quoted text is never closed/);
  assert.deepEqual(f.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
});

test('a "key: value" inside an unclosed "{" is reported on its line, not at the line the map ran on into', () => {
  const text = 'v:\r   {:  joint: Clean water\r\n    agreed_by: x\n';
  const [f] = syntaxFindings(text);
  assert.equal(f.range.start.line, 1);
  assert.equal(f.range.start.character, 7);
});

test('an alias of a map used as a key is our finding, at the key; an alias to nothing says so', () => {
  const [key] = syntaxFindings('a: &a {x: 1}\nb: {*a : v}\n');
  assert.equal(key.message, 'a key must be plain text, not a list or a map: quote it, or move the list or map into the value');
  assert.deepEqual(key.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } });
  const [alias] = syntaxFindings('a: 1\nb: *nope\n');
  assert.equal(alias.code, 'syntax');
  assert.match(alias.message, /the alias "\*nope" names no anchor/);
  assert.deepEqual(alias.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 8 } });
});

test('converting a document with an alias key writes nothing to the process warnings', async () => {
  const warnings: string[] = [];
  const listen = (w: Error): void => void warnings.push(w.message);
  const write = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  process.on('warning', listen);
  try {
    analyze('a: &a {x: 1}\nb: {*a : v}\nc: [*a]\n', { asOf: AS_OF });
    // Node emits process warnings on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
    console.warn = write;
  }
  assert.deepEqual(warnings, []);
});
