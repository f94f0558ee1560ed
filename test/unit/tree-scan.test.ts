// The one walk parse() makes over the syntax tree (core/tree-scan.ts) reads it in document order, as the yaml
// library's visit() does: the first key that is a list or a map is the first in the text, however deep, and
// the anchors an alias may name are the ones before it. And the count that lets most texts skip the flow
// nesting scan gives the same answer as the scan at the limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, visit, isAlias, isCollection, isScalar, type Node } from 'yaml';
import { analyze, type Finding } from '../../server/src/core/index';
import { MAX_FLOW_DEPTH, tooDeepFlows } from '../../server/src/core/nesting-depth';
import { scanTree } from '../../server/src/core/tree-scan';

const AS_OF = '2026-06-01';
const syntax = (text: string): Finding[] => analyze(text, { asOf: AS_OF }).findings.filter((f) => f.code.startsWith('syntax'));

/** What visit() sees, for comparison: aliases, anchored nodes and keys that are not plain scalars, in its order. */
function byVisit(text: string): { aliases: number[]; anchored: string[]; complexKeys: number[] } {
  const out = { aliases: [] as number[], anchored: [] as string[], complexKeys: [] as number[] };
  visit(parseDocument(text), {
    Node(_key, node) {
      if (isAlias(node)) out.aliases.push(node.range![0]);
      else if (node.anchor) out.anchored.push(`${node.anchor}@${node.range![0]}`);
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (key && !isScalar(key)) out.complexKeys.push(key.range![0]);
    },
  });
  return out;
}

test('the walk meets aliases, anchors and complex keys in the order visit() does', () => {
  const texts = [
    'a: &x {b: *y, [c]: 1}\nd: [&y 1, *x, {? [e] : f}]\n? {g: 1}\n: &z h\ni: *z\n',
    'outer:\n  inner: {[deep]: 1}\n[later]: 2\n',
    '- &a [1, 2]\n- {*a : v}\n- [k: v, *a : w]\n- &a 3\n- *a\n',
  ];
  for (const text of texts) {
    const document = parseDocument(text);
    const scan = scanTree([document.contents]);
    assert.deepEqual({
      aliases: scan.aliases.map((a) => a.range![0]),
      anchored: [...scan.anchored].flatMap(([name, nodes]) => nodes.map((n) => `${name}@${n.range![0]}`)).sort(),
      complexKeys: scan.complexKeys.map((k) => k.range![0]),
    }, { ...byVisit(text), anchored: byVisit(text).anchored.sort() }, text);
    for (const nodes of scan.anchored.values()) assert.deepEqual(nodes, [...nodes].sort((a, b) => a.range![0] - b.range![0]));
  }
});

test('the first collection key reported is the first in the text, also when it is nested in an earlier value', () => {
  const [first, ...rest] = syntax('outer:\n  inner: {[deep]: 1}\n[later]: 2\n').filter((f) => f.message.startsWith('a key must be plain text'));
  assert.deepEqual(first.range.start, { line: 1, character: 10 });
  assert.equal(rest.length, 0, 'reported once');
});

test('an alias key is a collection key only when the anchor before it names a list or a map', () => {
  const keyFinding = (text: string) => syntax(text).some((f) => f.message.startsWith('a key must be plain text'));
  assert.equal(keyFinding('a: &k [1]\nb: {*k : v}\n'), true);
  assert.equal(keyFinding('a: &k [1]\nc: &k plain\nb: {*k : v}\n'), false, 'the nearest anchor before the alias is a scalar');
  assert.equal(keyFinding('a: &k plain\nb: {*k : v}\nc: &k [1]\n'), false, 'an anchor after the alias is not its target');
  assert.ok(isCollection(parseDocument('[1]').contents));
});

test('flows: many brackets side by side are not deep; one past the limit is, exactly as the full scan says', () => {
  const flat = `a: ${'[1], '.repeat(3 * MAX_FLOW_DEPTH)}\n`;
  assert.deepEqual(tooDeepFlows(flat), []);
  const at = (depth: number) => `a: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
  assert.deepEqual(tooDeepFlows(at(MAX_FLOW_DEPTH)), []);
  assert.deepEqual(tooDeepFlows(at(MAX_FLOW_DEPTH + 1)), [{ start: 3, end: 3 + 2 * (MAX_FLOW_DEPTH + 1) + 1 }]);
  assert.deepEqual(tooDeepFlows(`{a: ${'{b: '.repeat(MAX_FLOW_DEPTH)}1${'}'.repeat(MAX_FLOW_DEPTH + 1)}`).length, 1, 'maps count as well as lists');
});

test('flows: brackets in quoted scalars and comments do not nest; a quote or "#" inside a word is text', () => {
  const deep = '['.repeat(MAX_FLOW_DEPTH + 1);
  const closed = `${deep}1${']'.repeat(MAX_FLOW_DEPTH + 1)}`;
  assert.deepEqual(tooDeepFlows(`a: "${deep}"\nb: 1\n`), []);
  assert.deepEqual(tooDeepFlows(`a: "x\\" ${deep}"\n`), [], 'an escaped quote does not close a double-quoted scalar');
  assert.deepEqual(tooDeepFlows(`a: 'it''s ${deep}'\n`), [], "'' does not close a single-quoted scalar");
  assert.deepEqual(tooDeepFlows(`a: 1 # ${deep}\nb: 2\n`), []);
  assert.deepEqual(tooDeepFlows(`# ${deep}`), [], 'a comment that runs to the end of the text');
  assert.deepEqual(tooDeepFlows(`a: "${deep}`), [], 'a quote that never closes holds the rest of the text');
  assert.deepEqual(tooDeepFlows(`a: x#${closed}\n`), [{ start: 5, end: 5 + closed.length }], 'a "#" right after a word starts no comment');
  assert.deepEqual(tooDeepFlows(`a: x"y ${closed}\n`), [{ start: 7, end: 7 + closed.length }], 'a quote inside a word opens no scalar');
  assert.deepEqual(tooDeepFlows(`a: "q" ${closed} # [\n`), [{ start: 7, end: 7 + closed.length }], 'the scan goes on after a quoted scalar and stops at a comment');
  assert.deepEqual(tooDeepFlows(`a: "q [" ${closed}\n`), [{ start: 9, end: 9 + closed.length }], 'a closing quote after a bracket opens nothing');
});
