// node/glob.ts: the patterns rac expands itself, so a quoted '**/*.relationship.yaml' means the same everywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globBase, globMatcher, isGlob } from '../../server/src/node/glob';

test('which arguments are patterns, and the folder their matches live in', () => {
  assert.equal(isGlob('samples/a.relationship.yaml'), false);
  for (const p of ['*.yaml', 'a/?.yaml', 'a/[ab].yaml', 'a/{x,y}.yaml', '**/x']) assert.equal(isGlob(p), true, p);
  assert.equal(globBase('**/*.relationship.yaml'), '');
  assert.equal(globBase('samples/**/*.relationship.yaml'), 'samples');
  assert.equal(globBase('./samples/hosp/*.yaml'), 'samples/hosp');
  assert.equal(globBase('/abs/*/x.yaml'), '/abs');
  assert.equal(globBase('/*.yaml'), '/');
});

test('*, ?, ** and sets match as in a shell with globstar', () => {
  const cases: [string, string, boolean][] = [
    ['*.relationship.yaml', 'a.relationship.yaml', true],
    ['*.relationship.yaml', 'sub/a.relationship.yaml', false],
    ['**/*.relationship.yaml', 'a.relationship.yaml', true],
    ['**/*.relationship.yaml', 'x/y/z/a.relationship.yaml', true],
    ['**/*.relationship.yaml', 'a.relationship.yml', false],
    ['**/*.relationship.{yaml,yml}', 'q/a.relationship.yml', true],
    ['samples/**', 'samples/a/b.yaml', true],
    ['samples/**/x.yaml', 'samples/x.yaml', true],
    ['samples/**/x.yaml', 'other/samples/x.yaml', false],
    ['s?mples/*.yaml', 'samples/a.yaml', true],
    ['s?mples/*.yaml', 's/mples/a.yaml', false],
    ['[ab]*.yaml', 'b1.yaml', true],
    ['[!ab]*.yaml', 'b1.yaml', false],
    ['[!ab]*.yaml', 'c1.yaml', true],
    ['./x/*.yaml', 'x/a.yaml', true],
    ['a.b/*.yaml', 'aXb/c.yaml', false],
    ['😀/*.yaml', '😀/é.yaml', true],
    ['a\\*.yaml', 'a*.yaml', true],
    ['a\\*.yaml', 'ab.yaml', false],
    ['(x)+/*.yaml', '(x)+/a.yaml', true],
  ];
  for (const [pattern, path, expected] of cases) assert.equal(globMatcher(pattern)(path), expected, `${pattern} vs ${path}`);
});
