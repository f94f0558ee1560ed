// The outline: sections, principles with their coverage, lists and items by id and label, valid ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols } from '../../server/src/features/symbols';
import { analyzeText, crlf, NAV } from './fixture';

function find(symbols: DocumentSymbol[], ...names: string[]): DocumentSymbol {
  let list = symbols;
  let found: DocumentSymbol | undefined;
  for (const name of names) {
    found = list.find((s) => s.name === name);
    assert.ok(found, `no symbol ${names.join(' › ')} (at "${name}": ${list.map((s) => s.name).join(', ')})`);
    list = found.children ?? [];
  }
  return found!;
}

function each(symbols: DocumentSymbol[], visit: (s: DocumentSymbol) => void): void {
  for (const s of symbols) {
    visit(s);
    each(s.children ?? [], visit);
  }
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);

test('top-level sections, in document order, as modules and fields', () => {
  const symbols = documentSymbols(analyzeText(NAV));
  assert.deepEqual(symbols.map((s) => s.name), ['schema_version', 'metadata', 'parties', 'people', 'principles']);
  assert.equal(find(symbols, 'schema_version').kind, SymbolKind.Field);
  assert.equal(find(symbols, 'metadata').kind, SymbolKind.Module);
  assert.equal(find(symbols, 'metadata', 'title').detail, 'Harbour 🤝 Kestrel');
  assert.equal(find(symbols, 'parties').detail, '2 items');
});

test('items are named by id and described by their label, in block and flow style', () => {
  const symbols = documentSymbols(analyzeText(NAV));
  const hw = find(symbols, 'parties', 'hw');
  assert.equal(hw.kind, SymbolKind.Object);
  assert.equal(hw.detail, 'Harbour 🌊 Water');
  assert.equal(find(symbols, 'parties', 'kce').detail, 'Kestrel');
  assert.equal(find(symbols, 'people', 'p-ann').detail, 'Ann 😀');
  assert.equal(find(symbols, 'principles', 'exit_strategy', 'triggers', 'ET-1').detail, 'Contract expiry');
  assert.equal(find(symbols, 'principles', 'exit_strategy', 'triggers').kind, SymbolKind.Array);
});

test('principles show their clause, title and coverage', () => {
  const symbols = documentSymbols(analyzeText(NAV));
  const mo = find(symbols, 'principles', 'measurement_and_optimization');
  assert.equal(mo.kind, SymbolKind.Package);
  assert.equal(mo.detail, '14 Measurement and optimization — ✓ covered 4/4');
  assert.equal(find(symbols, 'principles', 'exit_strategy').detail, '15 Exit strategy — ⚠ partial 1/7');
  assert.equal(find(symbols, 'principles', 'value_creation').detail, '11 Value creation — ⏳ not yet required');
});

test('a folded scalar of a principle shows on one line', () => {
  const symbols = documentSymbols(analyzeText(NAV));
  const vision = find(symbols, 'principles', 'vision_and_values', 'joint_vision');
  assert.equal(vision.kind, SymbolKind.Field);
  assert.equal(vision.detail, 'Reliable water 💧 for every home.');
});

test('every selection range lies in its range, and ranges end on the last line of their content', () => {
  for (const text of [NAV, crlf(NAV)]) {
    const symbols = documentSymbols(analyzeText(text));
    each(symbols, (s) => {
      assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${s.name}: selection outside range`);
      assert.ok(before(s.range.start, s.range.end), `${s.name}: range ends before it starts`);
    });
    const parties = find(symbols, 'parties');
    assert.equal(parties.range.start.line, 9);
    assert.deepEqual(parties.range.end, { line: 13, character: '    role: supplier'.length });
  }
});

test('CRLF and LF give the same outline', () => {
  assert.deepEqual(documentSymbols(analyzeText(crlf(NAV))), documentSymbols(analyzeText(NAV)));
});

test('broken, empty and non-map documents give an outline or nothing, never a throw', () => {
  assert.deepEqual(documentSymbols(analyzeText('')), []);
  assert.deepEqual(documentSymbols(analyzeText('- just\n- a list\n')), []);
  const broken = documentSymbols(analyzeText('metadata:\n  id: [unclosed\nparties:\n  - {id: a\n'));
  assert.ok(Array.isArray(broken));
  const noName = documentSymbols(analyzeText('"": 1\nmetadata: {}\n'));
  assert.ok(noName.every((s) => s.name.trim() !== ''), 'an empty key gets a visible name');
});

test('a principle key with nothing under it yet is still a principle of the outline', () => {
  const symbols = documentSymbols(analyzeText('principles:\n  risk_management:\n  exit_strategy: ~\n'));
  const principles = find(symbols, 'principles').children ?? [];
  assert.deepEqual(principles.map((p) => [p.name, p.kind]), [['risk_management', SymbolKind.Package], ['exit_strategy', SymbolKind.Package]]);
  assert.match(principles[0].detail ?? '', /^13 Risk management — /);
});
