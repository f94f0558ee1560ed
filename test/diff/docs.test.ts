// README.md's "Pull-request review" section against the real artefacts: its
// workflow is the example workflow file, its rendered example is what rac diff prints for the docs scenario,
// and its tables list the action's real inputs and outputs. `npm run update-golden` rewrites the example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { forAnotherRepository, readmeWorkflow } from '../reach/user-workflow';
import { ROOT } from './git-repo';
import { docsExample, exampleInDoc } from './outputs';

const DOC = join(ROOT, 'README.md');
const doc = readFileSync(DOC, 'utf8');

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

test('the rendered example is what rac diff prints for the docs scenario', () => {
  const { example, status, stderr } = docsExample();
  assert.equal(status, 1, stderr);
  const inDoc = exampleInDoc(doc);
  assert.ok(inDoc !== undefined, 'the docs hold the example markers');
  assert.equal(inDoc, example, 'the example is out of date: run npm run update-golden and review it');
});
