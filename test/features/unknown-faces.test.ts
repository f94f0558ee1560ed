// The unknown state in every face that shows coverage: the code lens and hover in the editor, the HTML of the
// preview and `rac report`, and the Markdown report, each with the shared glyphs of core/types.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATE_GLYPHS, STATUS_GLYPHS } from '../../server/src/core/index';
import { codeLenses } from '../../server/src/features/code-lens';
import { hover } from '../../server/src/features/hover';
import { buildReportModel, renderHtml, renderMarkdown } from '../../server/src/report/index';
import { analyzeText, applyTextEdits, crlf, NAV, rangeOf, URI } from './fixture';

// agreed_by written as one text: VV2 reads it, so it is unknown, and vision_and_values with it.
const BROKEN = NAV.replace('agreed_by: [p-ann, "p-bob"]', 'agreed_by: p-ann, p-bob');
const NO_STAGE = NAV.replace('lifecycle_stage: working_together', 'lifecycle_stage: working');

test('the code lens of a principle with an unknown rule and none unmet reads "? unknown", never missing', () => {
  for (const text of [BROKEN, crlf(BROKEN)]) {
    const analysis = analyzeText(text);
    const vv = analysis.coverage.principles.find((p) => p.id === 'vision_and_values')!;
    assert.equal(vv.rules.find((r) => r.id === 'VV2')!.state, 'unknown');
    const title = codeLenses(analysis, URI)[0].command?.title;
    assert.equal(vv.status, 'partial', 'VV3 is unmet beside it');
    assert.match(title ?? '', /^⚠ partial 1\/3 — VV3 unmet$/);
  }
  // With VV3 met, nothing is unmet: the principle is unknown, and the lens names the rule to fix.
  const onlyUnknown = analyzeText(BROKEN.replace('    agreed_by: p-ann, p-bob', '    values: [{id: V1, name: Trust, behaviours: [listen]}]\n    agreed_by: p-ann, p-bob'));
  const lens = codeLenses(onlyUnknown, URI)[0].command?.title;
  assert.equal(lens, `${STATUS_GLYPHS.unknown.editor} unknown 2/3 — VV2 unknown`);
});

test('hover on a principle key shows an unknown rule with its glyph and what to do', () => {
  const text = BROKEN;
  const analysis = analyzeText(text);
  const at = rangeOf(text, 'vision_and_values:').start;
  const value = (hover(analysis, at)?.contents as { value: string }).value;
  assert.match(value, new RegExp(`\\${STATE_GLYPHS.unknown.editor} \\*\\*VV2\\*\\* [^\\n]* — unknown: the data it reads does not parse, has the wrong type`));
});

test('the HTML report and preview show unknown rules and an unknown stage; the Markdown report too', () => {
  const model = (text: string) => buildReportModel(analyzeText(text), { uri: URI, path: 'deal.relationship.yaml', version: 1 });
  const html = renderHtml([model(BROKEN)], { mode: 'report' });
  assert.match(html, /class="rule st-unknown" data-rule="VV2"/);
  assert.match(html, /Not judged: the data it reads does not parse or has the wrong type/);
  const noStage = renderHtml([model(NO_STAGE)], { mode: 'report' });
  assert.match(noStage, /stage <strong>Unknown<\/strong>/);
  assert.match(noStage, /The stage is unknown \(lifecycle_stage names no stage\)/);
  assert.doesNotMatch(noStage, /aria-current="step"/, 'no stage is marked as the current one');
  const md = renderMarkdown([model(NO_STAGE)]);
  assert.match(md, /stage \*\*Unknown\*\*/);
  assert.ok(md.includes(STATE_GLYPHS.unknown.emoji) || md.includes(STATE_GLYPHS.unknown.html), md);
});

test('the "expected a list" error offers the list it shows, and applying it leaves no error and VV2 judged again', () => {
  for (const text of [BROKEN, crlf(BROKEN)]) {
    const error = analyzeText(text).findings.find((f) => f.code === 'schema.type')!;
    assert.equal(error.message, '"agreed_by" must be a list, not a string: write agreed_by: [p-ann, p-bob]');
    const fixed = applyTextEdits(text, error.fixes![0].edits);
    assert.ok(fixed.includes('agreed_by: [p-ann, p-bob]'));
    const again = analyzeText(fixed);
    assert.deepEqual(again.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(again.coverage.principles.find((p) => p.id === 'vision_and_values')!.rules.find((r) => r.id === 'VV2')!.state, 'met');
  }
});
