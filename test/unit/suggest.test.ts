// "Did you mean": edit distance and the nearest candidate that is close enough to be a typo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, distance, nearest } from '../../server/src/core/suggest';

test('distance: insertions, deletions, substitutions, adjacent transpositions; case-insensitive', () => {
  assert.equal(distance('owner', 'owner'), 0);
  assert.equal(distance('Owner', 'owner'), 0);
  assert.equal(distance('ownr', 'owner'), 1);
  assert.equal(distance('owners', 'owner'), 1);
  assert.equal(distance('ower', 'owner'), 1);
  assert.equal(distance('onwer', 'owner'), 1, 'a transposition counts once');
  assert.equal(distance('', 'abc'), 3);
  assert.equal(distance('abc', ''), 3);
  assert.equal(distance('kitten', 'sitting'), 3);
});

test('nearest: a typo finds its key', () => {
  assert.equal(nearest('ownr', ['title', 'owner', 'status']), 'owner');
  assert.equal(nearest('catgory', ['category', 'impact']), 'category');
  assert.equal(nearest('suplier', ['customer', 'supplier', 'partner']), 'supplier');
  assert.equal(nearest('EX08', ['EX1', 'EX8', 'EX9']), 'EX8');
  assert.equal(nearest('p-am-kcee', ['p-am-hw', 'p-am-kce']), 'p-am-kce');
});

test('nearest: a prefix of three or more letters is a strong hint', () => {
  assert.equal(nearest('resp', ['responsibilities', 'review']), 'responsibilities');
  assert.equal(nearest('jointly', ['hw', 'kce', 'joint']), 'joint');
});

test('nearest: nothing when nothing is close', () => {
  assert.equal(nearest('sponsor_colour', ['id', 'title', 'status']), undefined);
  assert.equal(nearest('vendor', ['customer', 'supplier', 'partner']), undefined);
  assert.equal(nearest('x', []), undefined);
  assert.equal(nearest('ab', ['xy']), undefined, 'two letters changed out of two is not a typo');
});

test('nearest: the first of equally near candidates wins, so answers are stable', () => {
  assert.equal(nearest('RK6', ['RK1', 'RK2', 'RK5']), 'RK1');
});

test('didYouMean phrases the suggestion or says nothing', () => {
  assert.equal(didYouMean('ownr', ['owner']), '; did you mean "owner"?');
  assert.equal(didYouMean('zzz', ['owner']), '');
});
