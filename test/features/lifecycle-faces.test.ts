// Every face says a rule outside its window right and shows its ISO 44001 clause: hover (principle and waiver
// rule), the report and preview rows (one renderer), the text coverage line. In process, on the samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { analyze, LineIndex } from '../../server/src/core/index';
import { coverageLine } from '../../server/src/cli/format-text';
import { hover } from '../../server/src/features/hover';
import { buildReportModel, renderHtml } from '../../server/src/report/index';
import { repoFile } from '../unit/reference';

const AS_OF = '2026-11-01';
const exitText = readFileSync(repoFile('samples', 'public-private-exit.relationship.yaml'), 'utf8');
const exit = analyze(exitText, { asOf: AS_OF });

function hoverAt(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const h = hover(analyze(text, { asOf: AS_OF }), new LineIndex(text).positionAt(offset + 1));
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

test('hover on a principle at exit: a rule past its window is no longer required, with when it counted', () => {
  const text = hoverAt(exitText, 'exit_strategy:');
  assert.match(text, /- ⌛ \*\*EX8\*\* exit plan tested in the last year · ISO 44001 8\.8 — no longer required \(counts at staying_together only\)/);
  assert.match(text, /- ✓ \*\*EX1\*\* [^\n]+ · ISO 44001 8\.3 {2}\n/);
});

test('hover on a waiver\'s rule names the ISO 44001 clause it evidences', () => {
  const text = exitText.replace(/^principles:/m, 'waivers:\n  - {rule: EX8, reason: tested in the exit itself, approved_by: p-dir-wcc, expires: 2027-01-31}\nprinciples:');
  assert.match(hoverAt(text, 'EX8, reason'), /^\*\*EX8\*\* exit plan tested in the last year — rule of \*\*15 · Exit strategy\*\* · evidences ISO 44001 clause 8\.8/);
});

test('report and preview rows: the clause beside the title, and "no longer required" with the stages it counts in', () => {
  const model = buildReportModel(exit, { uri: 'file:///w/exit.relationship.yaml', path: 'exit.relationship.yaml', version: 1 });
  for (const html of [renderHtml([model], { mode: 'report' }), renderHtml([model], { mode: 'webview', nonce: 'AbCdEfGhIjKlMnOpQrSt', cspSource: 'https://x', scriptUri: 'vscode-resource://p.js' })]) {
    const row = /<li class="rule st-no_longer_required" data-rule="EX8">[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
    assert.match(row, /<span class="iso" title="evidences ISO 44001 clause 8\.8">ISO 44001 8\.8<\/span>/);
    assert.match(row, /<p class="why">No longer required: it counts at Staying together only\.<\/p>/);
    assert.match(row, /aria-label="no longer required"|no longer required/);
    assert.doesNotMatch(row, /class="fix"/, 'nothing to fix in a rule that no longer counts');
  }
});

test('the text coverage line lists the rules no longer required', () => {
  assert.match(coverageLine(exit.coverage), / · no longer required: VV4, CB4, EX7, EX8$/);
  const staying = analyze(readFileSync(repoFile('samples', 'outsourcing-partnership.relationship.yaml'), 'utf8'), { asOf: AS_OF });
  assert.doesNotMatch(coverageLine(staying.coverage), /no longer required/);
});

test('a rule not yet required says when it will count, in the report too', () => {
  const early = analyze(readFileSync(join(repoFile('samples'), 'research-collaboration.relationship.yaml'), 'utf8'), { asOf: AS_OF });
  const html = renderHtml([buildReportModel(early, { uri: 'file:///w/r.relationship.yaml', path: 'r.relationship.yaml', version: 1 })], { mode: 'report' });
  const row = /<li class="rule st-not_yet_required" data-rule="VV4">[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
  assert.match(row, /Required at Staying together only\./);
});
