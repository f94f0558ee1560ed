// Incremental analysis against the full one: random edits (typed and deleted characters, pasted lines, list items
// added and removed, keys repeated with their block, lines indented and outdented, CRLF and lone CR, tabs, emoji,
// syntax broken and repaired) are applied one after another to the samples, golden fixtures and a generated big
// file, each analysed from the previous analysis (analyzeEdited) and from scratch (analyze). After every edit the
// two must give the same findings, coverage, model and dates, data, outline, line index and syntax tree (every
// node's kind, range and value), and the same reading of sampled positions. It also checks that the splice really
// is taken, for the parse and for the model (a test where every edit falls back would prove nothing).
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
import { keptRules } from './kept-rules';

const argv = process.argv.slice(2);
const opts = fuzzOptions(argv, 'edits', { seed: 4_400, count: 400 });
const AS_OF = '2026-06-01';
const options = { asOf: AS_OF, fileExists: stubFileExists };

/**
 * Everything an analysis holds, as plain data. The model is compared whole and in order (definitions, references,
 * links, dates), and `ids` also by the order of its collections and ids (a Map compares equal in any order); the
 * line index by its starts and text, and the source the next edit splices from by its own model and line index.
 */
const plain = (a: Analysis): unknown => ({
  findings: a.findings, coverage: a.coverage, model: a.model, waivers: a.waivers, info: a.info, data: a.data, symbols: a.symbols,
  ids: [...a.model.ids].map(([collection, ids]) => [collection, [...ids.keys()]]),
  dates: a.source?.indexed.dates,
  tree: treeShape(a.document), lines: a.lines.starts, text: a.lines.text,
  source: a.source && { text: a.source.text, lines: a.source.lines.starts, model: a.source.indexed.model === a.model },
});

/** Whether the model was spliced from the previous one: a whole walk makes every record anew. */
function modelSpliced(previous: Analysis, next: Analysis): boolean {
  const old = new Set<unknown>([...previous.model.definitions, ...previous.model.references, ...previous.model.links, ...(previous.source?.indexed.dates ?? [])]);
  return [...next.model.definitions, ...next.model.references, ...next.model.links, ...(next.source?.indexed.dates ?? [])].some((r) => old.has(r));
}

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
  switch (pick(['value', 'value', 'value', 'addItem', 'removeItem', 'indent', 'outdent', 'crlf', 'emoji', 'key', 'repeatKey'], rnd)) {
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
    case 'repeatKey': {
      // A key that opens a block, repeated with its block after it: two lists (or maps) with one path.
      const start = lines.findIndex((l, k) => k >= i && /^ *[a-z_]+:\r?$/.test(l));
      if (start < 0) return text;
      const end = itemEnd(start);
      lines.splice(end, 0, ...lines.slice(start, end));
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

interface Tally { edits: number; spliced: number; model: number; rulesKept: number }


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
    if (incremental.source?.parsed.spliced && modelSpliced(previous, incremental)) tally.model++;
    tally.rulesKept += keptRules(previous, incremental).size;
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
  const tally: Tally = { edits: 0, spliced: 0, model: 0, rulesKept: 0 };
  const big = generateRelationship(opts.long ? 3_000 : 1_000, opts.seed);
  const docs = [...all.filter((s) => s.name.startsWith('samples/')), ...Array.from({ length: 6 }, () => pick(all, rnd))];
  const bigEdits = Math.max(20, Math.floor(opts.count / 20));
  run(`generated ${big.split('\n').length}-line file`, big, bigEdits, rnd, tally, fragments);
  const each = Math.ceil((opts.count - bigEdits) / docs.length);
  for (const doc of docs) run(doc.name, doc.text, each, rnd, tally, fragments);
  console.log(`# ${tally.edits} edits, ${tally.spliced} spliced, ${tally.model} with the model spliced, ${tally.rulesKept} rule outcomes kept`);
  // The shaped edits mostly keep the file parseable: a good share of them must take the incremental path.
  assert.ok(tally.spliced > tally.edits / 5, `only ${tally.spliced} of ${tally.edits} edits were spliced`);
  assert.ok(tally.model > tally.spliced / 2, `only ${tally.model} of ${tally.spliced} spliced edits spliced the model`);
  // A spliced edit changes one part of the data: most rules read none of it.
  assert.ok(tally.rulesKept > tally.spliced * 10, `only ${tally.rulesKept} rule outcomes were kept over ${tally.spliced} spliced edits`);
});

/** Analyses `before`, then `after` from it: whether the splice was taken, and that it equals a full analysis. */
function step(before: string, after: string): boolean {
  const incremental = analyzeEdited(analyze(before, options), after, options);
  assert.deepStrictEqual(plain(incremental), plain(analyze(after, options)));
  return incremental.source?.parsed.spliced !== undefined;
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
  // A blank line left at the end of a list's last item is after the list: the list ends where it did.
  const more = `${RISKS}    last_reviewed: 2026-01-01\n`;
  for (const blank of ['\r\n    \n', '\n    \n', '\n\n', '\n  \r']) step(more, more.replace('Second 😀\n', `Second 😀${blank}`));
  // A repeated section renamed: the data of the one left with that key is its own, not the other's.
  const twice = `${RISKS}principles:\n  exit_strategy:\n    document: docs/exit.pdf\n`;
  assert.equal(step(twice, twice.replace(/principles:\n {2}exit/, 'principl,es:\n  exit')), true);
  assert.equal(step(twice, twice.replace('principles:\n  risk', 'principles_:\n  risk')), true);
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

/**
 * Analyses `before`, then `after` from it, and checks it equals a full analysis: whether the parse was spliced,
 * and whether the model was spliced from the previous one too.
 */
function stepModel(before: string, after: string): { parse: boolean; model: boolean } {
  const previous = analyze(before, options);
  const incremental = analyzeEdited(previous, after, options);
  assert.deepStrictEqual(plain(incremental), plain(analyze(after, options)));
  return { parse: incremental.source?.parsed.spliced !== undefined, model: modelSpliced(previous, incremental) };
}

// Ids, references, links and dates before, in and after the lists an edit touches; R-3 holds its list before its id.
const REGISTER = `schema_version: "1"
metadata:
  id: X
  last_reviewed: 2026-01-01
parties:
  - id: a
    name: A
people:
  - id: p-1
    name: Ann
    party: a
principles:
  governance_and_processes:
    processes:
      - id: PR-1
        kind: change_control
        document: docs/change.pdf
      - id: PR-2
        kind: issue_resolution
        document: https://example.com/issues
  risk_management:
    register:
      - id: R-1
        title: First
        owner: p-1
        mitigations:
          - action: Train
            due: 2026-04-01
      - id: R-2
        title: Second 😀
        owner: p-2
        mitigations:
          - action: Hire
            due: 2026-05-01
          - action: Cross-train
            due: 2026-06-01
        linked_exit_triggers: [T-1]
      - mitigations:
          - action: Audit
            due: 2026-07-01
        id: R-3
        title: Third
        owner: p-1
    last_reviewed: 2026-02-01
  exit_strategy:
    document: docs/exit.pdf
    last_reviewed: 2026-03-01
    triggers:
      - id: T-1
        type: insolvency
        description: A party cannot pay
`;

test('the model is spliced from the previous one and equals a whole walk: items added and removed, lines added and removed, nested lists, the end of the text, CRLF, lone CR, emoji', () => {
  const full = analyze(REGISTER, options);
  // The fixture has every kind of record on both sides of the edits below.
  assert.ok(full.model.definitions.length >= 8 && full.model.references.length >= 5 && full.model.links.length === 3 && (full.source?.indexed.dates.length ?? 0) >= 7);
  const both = { parse: true, model: true };
  const edits: [string, (t: string) => string][] = [
    ['a typed character', (t) => t.replace('title: First', 'title: Firstx')],
    // Its block ends where the section goes on (last_reviewed), read on from the item when the run is tried.
    ['a line added to the last item of a list', (t) => t.replace('title: Third', 'title: Third\n        category: exit')],
    ['an item added in the middle of a list with ids: the items after it are renumbered', (t) => t.replace('      - id: R-2\n', '      - id: R-9\n        owner: p-1\n      - id: R-2\n')],
    ['an item removed from the middle', (t) => t.replace(/ {6}- id: R-2\n[^]*?(?= {6}- mitigations)/, '')],
    ['a line added in an item', (t) => t.replace('        title: Second', '        category: relational\n        title: Second')],
    ['a line removed from an item, with its reference', (t) => t.replace('        owner: p-2\n', '')],
    ['a reference changed', (t) => t.replace('owner: p-2', 'owner: p-1')],
    ['a link changed and a line added', (t) => t.replace('document: docs/change.pdf', 'document: docs/missing.pdf\n        x-note: moved')],
    ['a date changed in a nested list', (t) => t.replace('due: 2026-05-01', 'due: 2026-13-01')],
    ['a mitigation added to the item holding it (its item range grows)', (t) => t.replace('          - action: Hire\n', '          - action: Hire\n            status: planned\n          - action: Second\n')],
    ['a mitigation added to an item whose id comes after the list', (t) => t.replace('            due: 2026-07-01\n', '            due: 2026-07-01\n          - action: More\n')],
    ['a line removed in the last item of the text', (t) => t.replace('        type: insolvency\n', '')],
    ['lines added at the end of the text', (t) => `${t}        x-more: 1\n\n# end\n`],
    ['an emoji typed', (t) => t.replace('action: Cross-train', 'action: Cross-train 🤝👩‍👩‍👧')],
    ['a list item turned into an id-less one', (t) => t.replace('      - id: R-1\n', '      - x-id: R-1\n')],
  ];
  for (const [name, edit] of edits) {
    for (const [ending, convert] of [['LF', (t: string) => t], ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')], ['lone CR', (t: string) => t.replace(/\n/g, '\r')]] as const) {
      const before = convert(REGISTER);
      const after = convert(edit(REGISTER));
      assert.notEqual(after, before, name);
      assert.deepEqual(stepModel(before, after), both, `${name} (${ending})`);
    }
  }
  // A whole section added at the top level: the sections after it move down.
  assert.deepEqual(stepModel(REGISTER, REGISTER.replace('people:\n', 'waivers: []\npeople:\n')), both);
  // A repeated key (an error, but the tree is still spliced): the items of the second list of the same path are
  // not renumbered with the first's.
  const twice = REGISTER.replace('    last_reviewed: 2026-02-01\n', '    register:\n      - id: R-5\n        owner: p-1\n    last_reviewed: 2026-02-01\n');
  assert.deepEqual(stepModel(twice, twice.replace('      - id: R-2\n', '      - id: R-9\n      - id: R-2\n')), both);
  assert.deepEqual(stepModel(twice, twice.replace(/ {6}- id: R-2\n[^]*?(?= {6}- mitigations)/, '')), both);
});

test('a line break typed or deleted inside an item, or joined with a lone CR into a CRLF, moves the records after it', () => {
  const cr = REGISTER.replace(/\n/g, '\r');
  const at = cr.indexOf('        title: Second');
  // A lone CR typed before the line's indentation: a blank line, one line more; then deleted again.
  assert.deepEqual(stepModel(cr, `${cr.slice(0, at)}\r${cr.slice(at)}`), { parse: true, model: true });
  assert.deepEqual(stepModel(`${cr.slice(0, at)}\r${cr.slice(at)}`, cr), { parse: true, model: true });
  // A "\n" typed after the lone CR that ends the line before an item (the first of its list, or one in the middle):
  // the two breaks become one CRLF, and the line count does not change.
  for (const item of ['      - id: R-1', '      - id: R-2', '          - action: Hire', '      - id: T-1']) {
    const k = cr.indexOf(item);
    const result = stepModel(cr, `${cr.slice(0, k)}\n${cr.slice(k)}`);
    assert.equal(result.model, result.parse, item);
  }
});
