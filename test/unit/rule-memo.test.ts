// An edit re-runs only the rules whose data it may have changed (core/rule-memo.ts): the others keep their
// outcome, the same object, from the previous analysis; and the result is a full analysis's either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisSteps, analyze, analyzeEdited, loadCatalog, provisionalAnalysis, type Analysis } from '../../server/src/core/index';
import { readPatterns } from '../../server/src/core/rule-reads';
import { generateRelationship } from '../bench/generate';
import { stubFileExists } from '../golden/golden-case';
import { keptRules } from './kept-rules';

const options = { asOf: '2026-06-01', fileExists: stubFileExists };
const text = generateRelationship(600, 3);
const rules = loadCatalog().principles.flatMap((p) => p.evidence);

const judgements = (a: Analysis): unknown => ({ findings: a.findings, coverage: a.coverage, waivers: a.waivers });

function edited(previous: Analysis, next: string, opts = options): Analysis {
  const incremental = analyzeEdited(previous, next, opts);
  assert.deepEqual(judgements(incremental), judgements(analyze(next, opts)), 'the kept outcomes give what a full analysis gives');
  return incremental;
}

const insertAfter = (needle: string, added: string): string => {
  const at = text.indexOf(needle) + needle.length;
  assert.ok(at >= needle.length, `"${needle}" is in the generated file`);
  return text.slice(0, at) + added + text.slice(at);
};

test('an edit in one principle section re-runs the rules that read it, and keeps every other outcome', () => {
  const first = analyze(text, options);
  const next = edited(first, insertAfter('title: Risk number 3 in the generated register', ' (revised)'));
  assert.ok(next.source?.parsed.spliced, 'the edit was spliced');
  const readsRisks = (id: string): boolean => readPatterns(rules.find((r) => r.id === id)!).some((p) => p.segments[0] === 'principles' && p.segments[1] === 'risk_management');
  const keptIds = keptRules(first, next);
  assert.equal(keptIds.size + [...(next.source?.outcomes?.kept.keys() ?? [])].filter((id) => !keptIds.has(id)).length, rules.length);
  for (const rule of rules) assert.equal(keptIds.has(rule.id), !readsRisks(rule.id), `${rule.id} ${keptIds.has(rule.id) ? 'kept' : 'ran again'}`);
  assert.ok(rules.some((r) => readsRisks(r.id)) && keptIds.size > rules.length / 2);
});

test('a change to the people, the parties or the metadata re-runs every rule: they reach all rules through the context', () => {
  const first = analyze(text, options);
  // The people are spliced; the parties (flow maps) and metadata's keys are parsed whole, which keeps nothing either.
  for (const [needle, added, spliced] of [['name: Person 1', ' Jr', true], ['name: Customer Org', ' Ltd', false], ['scope: Generated for benchmarks', ' and tests', false]] as const) {
    const next = edited(first, insertAfter(needle, added));
    assert.equal(next.source?.parsed.spliced !== undefined, spliced, `the edit after "${needle}" was ${spliced ? '' : 'not '}spliced`);
    assert.deepEqual([...keptRules(first, next)], [], `after "${needle}"`);
  }
});

test('nothing is kept for another as-of day, or from a full parse', () => {
  const first = analyze(text, options);
  const later = { ...options, asOf: '2026-07-01' };
  assert.deepEqual([...keptRules(first, edited(first, insertAfter('title: Risk number 3 in the generated register', '!'), later))], []);
  // An anchor makes the splice unsafe: the text is parsed whole, and its data shares nothing.
  const anchored = insertAfter('title: Risk number 3 in the generated register', ' &a');
  const full = edited(first, anchored);
  assert.equal(full.source?.parsed.spliced, undefined);
  assert.deepEqual([...keptRules(first, full)], []);
});

test('an analysis stopped before its rules passes on the outcomes it was given', () => {
  const first = analyze(text, options);
  // As the server's cache does with a superseded analysis: its structure answers (provisionally), and the next
  // version is spliced from that.
  const steps = analysisSteps(first, insertAfter('title: Risk number 3 in the generated register', 'x'), options);
  const step = steps.next();
  assert.ok(!step.done && step.value?.source.parsed.spliced, 'the first step gives the spliced structure');
  const stopped = provisionalAnalysis(first, step.value);
  const next = edited(stopped, insertAfter('title: Risk number 3 in the generated register', 'xy'));
  assert.ok(keptRules(first, next).size > rules.length / 2);
});
