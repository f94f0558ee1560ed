// README.md's "Pull-request review" section against the real artefacts: its
// workflow is the example workflow file, its rendered example is what rac diff prints for the docs scenario,
// and its tables list the action's real inputs and outputs. UPDATE_GOLDEN=1 rewrites the example.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { forAnotherRepository, readmeWorkflow } from '../reach/user-workflow';
import { ROOT } from './git-repo';
import { AS_OF, buildDocsExample, DOCS_GITHUB_ENV } from './scenario';

const DOC = join(ROOT, 'README.md');
const doc = readFileSync(DOC, 'utf8');
const START = '<!-- example:start -->\n';
const END = '<!-- example:end -->';

test('the workflow in the docs is the example workflow as another repository uses it, byte for byte', () => {
  const shown = readmeWorkflow(doc);
  assert.ok(shown !== undefined, 'the docs hold the workflow after its marker');
  assert.equal(shown, forAnotherRepository(readFileSync(join(ROOT, '.github', 'workflows', 'relationship-review.yml'), 'utf8')));
});

test('the input and output tables list exactly the action\'s inputs and outputs', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const rows = (head: string) => {
    const table = doc.slice(doc.indexOf(head));
    return [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `([a-z-]+)` \|/gm)].map((r) => r[1]);
  };
  assert.deepEqual(rows('| input |').sort(), Object.keys(action.inputs).sort());
  assert.deepEqual(rows('| output |').sort(), Object.keys(action.outputs).sort());
});

const repo = buildDocsExample();
after(() => repo.dispose());

test('the rendered example is what rac diff prints for the docs scenario', () => {
  const sha = repo.git('rev-parse', 'base').trim();
  const r = repo.rac(['diff', '--base', sha, '--as-of', AS_OF, 'partners'], { env: DOCS_GITHUB_ENV });
  assert.equal(r.status, 1, r.stderr);
  // A fixed, plausible sha instead of the scenario's, as a blockquote so the example stands apart.
  const example = r.stdout.split(sha.slice(0, 7)).join('9e2b7a1').trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n') + '\n';
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  assert.ok(start >= 0 && end > start, 'the docs hold the example markers');
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(DOC, doc.slice(0, start + START.length) + example + doc.slice(end));
    return;
  }
  assert.equal(doc.slice(start + START.length, end), example, 'the example is out of date: run UPDATE_GOLDEN=1 npm test and review it');
});
