// Incremental analysis against the full one: random edits (typed and deleted characters, pasted lines, list items
// added and removed, lines indented and outdented, CRLF and lone CR, tabs, emoji, syntax broken and repaired) are
// applied one after another to the samples, golden fixtures and a generated big file, each analysed from the
// previous analysis (analyzeEdited) and from scratch (analyze). After every edit the two must give the same
// findings, coverage, model, data, outline and syntax tree (every node's kind, range and value), and the same
// reading of sampled positions. It also checks that the splice really is taken (a test where every edit falls back
// to a full parse would prove nothing).
//
// `npm test` runs a fixed seed; a long run, random seed unless given:
//   npm run fuzz:incremental -- --edits 20000 [--seed N]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeEdited, nodeAt, type Analysis } from '../../server/src/core/index';
import { generateRelationship } from '../bench/generate';
import { stubFileExists } from '../golden/golden-case';
import { prng, sources } from '../properties/documents';
import { below, pick, randomEdit, type Random } from '../fuzz/edits';
import { fuzzOptions, replayCommand, shorten } from '../fuzz/options';
import { treeShape } from './tree-shape';

const argv = process.argv.slice(2);
const opts = fuzzOptions(argv, 'edits', { seed: 4_400, count: 400 });
const AS_OF = '2026-06-01';
const options = { asOf: AS_OF, fileExists: stubFileExists };

const plain = (a: Analysis): unknown => ({
  findings: a.findings, coverage: a.coverage, model: a.model, waivers: a.waivers, info: a.info, data: a.data, symbols: a.symbols,
  tree: treeShape(a.document), lines: a.lines.starts,
});

/** Edits that keep the file's shape, so most of them can be spliced: the kind a person makes while writing. */
function shapedEdit(text: string, rnd: Random): string {
  const lines = text.split('\n');
  const i = below(lines.length, rnd);
  const line = lines[i];
  const itemEnd = (from: number): number => {
    const indent = /^ */.exec(lines[from])![0].length;
    let j = from + 1;
    while (j < lines.length && (/^ *$/.test(lines[j]) || /^ */.exec(lines[j])![0].length > indent)) j++;
    return j;
  };
  switch (pick(['value', 'value', 'value', 'addItem', 'removeItem', 'indent', 'outdent', 'crlf', 'emoji', 'key'], rnd)) {
    case 'value': {
      const at = line.indexOf(': ') >= 0 && rnd() < 0.7 ? line.length - (line.endsWith('\r') ? 1 : 0) : below(line.length + 1, rnd);
      lines[i] = line.slice(0, at) + pick(['x', 'Z', '1', ' ', '-', 'é', ':', ' #', '"', "'", ',', '}', ']'], rnd) + line.slice(at);
      break;
    }
    case 'addItem':
    case 'removeItem': {
      const start = lines.findIndex((l, k) => k >= i && /^ *- /.test(l));
      if (start < 0) return text;
      const end = itemEnd(start);
      const item = lines.slice(start, end);
      lines.splice(start, end - start, ...(rnd() < 0.5 ? [...item, ...item] : []));
      break;
    }
    case 'indent':
      lines[i] = `  ${line}`;
      break;
    case 'outdent':
      lines[i] = line.replace(/^ {1,2}/, '');
      break;
    case 'crlf':
      lines[i] = line.endsWith('\r') ? line.slice(0, -1) : `${line}\r`;
      break;
    case 'emoji':
      lines[i] = `${line}${pick(['😀', '🤝', '👩‍👩‍👧'], rnd)}`;
      break;
    default:
      lines.splice(i, 0, `${/^ */.exec(line)![0]}${pick(['x_note', 'title', 'owner'], rnd)}: ${pick(['a', 'b 😀', '"q"', '[1, 2]', '{a: 1}'], rnd)}`);
  }
  return lines.join('\n');
}

interface Tally { edits: number; spliced: number }

function run(name: string, start: string, edits: number, rnd: Random, tally: Tally, fragments: readonly string[]): void {
  let previous = analyze(start, options);
  let text = start;
  let good = start;
  for (let k = 0; k < edits; k++) {
    let next: string;
    // A broken text is mostly repaired next (the last text that parsed comes back), as a person fixes a typo.
    const roll = previous.source?.parsed.spliceable === false && rnd() < 0.6 ? 1 : rnd();
    if (roll < 0.6) next = shapedEdit(text, rnd);
    else if (roll < 0.9) {
      const doc = TextDocument.create('file:///x.relationship.yaml', 'relationship-yaml', 1, text);
      const edit = randomEdit(doc, fragments, rnd);
      next = TextDocument.applyEdits(doc, [{ range: edit.range, newText: edit.text }]);
    } else next = good; // undo: syntax repaired

    tally.edits++;
    const incremental = analyzeEdited(previous, next, options);
    if (incremental.source?.parsed.spliced) tally.spliced++;
    const full = analyze(next, options);
    const where = `${name}, edit ${k} (replay: ${replayCommand('fuzz:incremental', 'edits', opts)})`;
    assert.deepStrictEqual(plain(incremental), plain(full), `incremental and full analysis differ after ${where}\n${shorten(next, 2000)}`);
    for (let probe = 0; probe < 5; probe++) {
      const position = full.lines.positionAt(below(next.length + 1, rnd));
      const a = nodeAt(incremental, position);
      const b = nodeAt(full, position);
      assert.deepStrictEqual(a && { path: a.path, on: a.on, range: a.range }, b && { path: b.path, on: b.on, range: b.range }, `nodeAt ${JSON.stringify(position)} differs after ${where}`);
    }
    previous = incremental;
    text = next;
    if (incremental.source?.parsed.spliceable) good = next;
  }
}

test(`incremental analysis equals full analysis after every random edit (seed ${opts.seed}, ${opts.count} edits)`, () => {
  const all = sources();
  const fragments = all.map((s) => s.text);
  const rnd = prng(opts.seed);
  const tally: Tally = { edits: 0, spliced: 0 };
  const big = generateRelationship(opts.long ? 3_000 : 1_000, opts.seed);
  const docs = [...all.filter((s) => s.name.startsWith('samples/')), ...Array.from({ length: 6 }, () => pick(all, rnd))];
  const bigEdits = Math.max(20, Math.floor(opts.count / 20));
  run(`generated ${big.split('\n').length}-line file`, big, bigEdits, rnd, tally, fragments);
  const each = Math.ceil((opts.count - bigEdits) / docs.length);
  for (const doc of docs) run(doc.name, doc.text, each, rnd, tally, fragments);
  console.log(`# ${tally.edits} edits, ${tally.spliced} spliced`);
  // The shaped edits mostly keep the file parseable: a good share of them must take the incremental path.
  assert.ok(tally.spliced > tally.edits / 5, `only ${tally.spliced} of ${tally.edits} edits were spliced`);
});

/** Analyses `before`, then `after` from it: whether the splice was taken, and that it equals a full analysis. */
function step(before: string, after: string): boolean {
  const incremental = analyzeEdited(analyze(before, options), after, options);
  assert.deepStrictEqual(plain(incremental), plain(analyze(after, options)));
  return incremental.source?.parsed.spliced === true;
}

const RISKS = 'schema_version: "1"\nmetadata:\n  id: X\nprinciples:\n  risk_management:\n    register:\n      - id: R-1\n        title: First\n      - id: R-2\n        title: Second 😀\n';

test('an edit inside one list item is spliced: typed, CRLF, emoji, an item added or removed, at the end of the text', () => {
  assert.equal(step(RISKS, RISKS.replace('title: First', 'title: Firstx')), true);
  assert.equal(step(RISKS.replace(/\n/g, '\r\n'), RISKS.replace(/\n/g, '\r\n').replace('Second', 'Se😀cond')), true);
  assert.equal(step(RISKS, RISKS.replace('      - id: R-2', '      - id: R-9\n        title: New\n      - id: R-2')), true);
  assert.equal(step(RISKS, RISKS.replace('      - id: R-2\n        title: Second 😀\n', '')), true);
  assert.equal(step(RISKS, `${RISKS}        owner: p-1\n`), true);
  // Trailing blank lines and comments are after the content: the document's end moves past them.
  assert.equal(step(`${RISKS}\n`, `${RISKS}        owner: p-1\n\n  \n# end\n`), true);
  assert.equal(step(`${RISKS}  # c\n`, `${RISKS.slice(0, -1)}x\n  \n`), true);
  assert.equal(step(RISKS, RISKS.replace('  id: X', '  id: XY')), true);
  // A key repeated inside the re-parsed item is reported where it stands in the whole text.
  assert.equal(step(RISKS, RISKS.replace('        title: Second', '        title: Second\n        title: Again')), true);
});

test('the splice is refused where a full parse could read the text differently; the result is still a full analysis', () => {
  // A tab at the start of a line, a line that leaves the item, a document marker, an anchor, a syntax error.
  assert.equal(step(RISKS, RISKS.replace('        title: First', '\ttitle: First')), false);
  assert.equal(step(RISKS, RISKS.replace('        title: First', '    title: First')), false);
  assert.equal(step(RISKS, RISKS.replace('        title: First', '        title: First\n---')), false);
  assert.equal(step(RISKS, RISKS.replace('title: First', 'title: &a First')), false);
  assert.equal(step(RISKS.replace('title: First', 'title: &a First'), RISKS.replace('title: First', 'title: &a Firstx')), false);
  assert.equal(step(RISKS, RISKS.replace('title: First', 'title: [First')), false);
  assert.equal(step(RISKS, RISKS.replace('title: First', 'title: "First')), false);
  // A tab before a comment's indentation ends the block for the text scan, not for the parser.
  const tabbed = 'a:\n  b:\n    c: 1\n  d:\n\t    # note\n    e: 2\n';
  assert.equal(step(tabbed, tabbed.replace('c: 1', 'c: 12')), false);
  // An empty key reads differently on its own than in the whole text.
  assert.equal(step(RISKS, RISKS.replace('metadata:\n  id: X\n', 'metadata:\n  id: X\n:\n')), false);
});
