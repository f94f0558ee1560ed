// The shared renderer: payloads stay text in the webview, the report and the Markdown; the webview's CSP
// carries the nonce; the report of a sample shows twelve cards and the heat map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/index';
import { buildReportModel, escapeHtml, escapeMarkdown, renderHtml, renderMarkdown, safeHref, type ReportModel } from '../../server/src/report/index';
import { createNonce } from '../../client/src/preview/nonce';
import { assertInert, cspOf, tags } from './inert';
import { PAYLOADS, payloadDocument } from './payloads';

const AS_OF = '2025-11-01';
const ROOT = existsSync(join(__dirname, '..', '..', 'test', 'report', 'fixtures')) ? join(__dirname, '..', '..') : process.cwd();
const FIXTURES = join(ROOT, 'test', 'report', 'fixtures');
const SAMPLES = join(ROOT, 'samples');

function model(text: string, path = 'doc.relationship.yaml'): ReportModel {
  return buildReportModel(analyze(text, { asOf: AS_OF }), { uri: `file:///w/${encodeURIComponent(path)}`, path, version: 3 });
}

function fixture(name: string): ReportModel {
  return model(readFileSync(join(FIXTURES, name), 'utf8'), name);
}

/** Payloads with HTML specials: these must never appear verbatim (the others are harmless as text). */
const markupPayloads = PAYLOADS.filter((p) => escapeHtml(p) !== p);

const SCRIPT_URI = 'vscode-resource://ext/dist/preview.js';
const webview = (models: ReportModel[], nonce = createNonce()): { html: string; nonce: string } =>
  ({ html: renderHtml(models, { mode: 'webview', nonce, cspSource: 'https://*.vscode-cdn.net', scriptUri: SCRIPT_URI }), nonce });

test('escapeHtml escapes the five HTML specials and the backtick, in text and attributes alike', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(12), '12');
});

test('only https URLs may become links', () => {
  assert.equal(safeHref('https://example.com/a?b=1'), 'https://example.com/a?b=1');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' https://example.com', 'https:\t//x', 'http://example.com', 'data:text/html,<script>', 'docs/x.pdf', '//evil.example', 'https://', 'java\u0000script:x', 'vbscript:x']) {
    assert.equal(safeHref(bad), undefined, bad);
  }
});

test('payloads in every string stay inert in the webview markup', () => {
  const m = model(payloadDocument());
  const { html, nonce } = webview([m]);
  assertInert(html, { mode: 'webview', nonce, scriptUri: SCRIPT_URI });
  for (const p of markupPayloads) assert.ok(!html.includes(p), `raw payload in the output: ${p}`);
  // The payloads are shown, as text.
  assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;'));
  assert.ok(html.includes('{{constructor.constructor(&quot;window.__pwned=6&quot;)()}}'));
  assert.ok(html.includes('${window.__pwned=7}'));
  // Ids with quotes stay whole inside their attributes.
  const labels = tags(html).map((t) => t.attrs.get('aria-label') ?? t.attrs.get('title') ?? '');
  assert.ok(labels.some((l) => l.includes(`R"1'<x> <img src=x onerror="window.__pwned=2">`)), 'a quoted id reads back whole from its attribute');
  assert.equal(tags(html).filter((t) => t.name === 'a' && !t.end).length, 1, 'one link: the https exit document');
  assert.equal(tags(html).find((t) => t.name === 'a')?.attrs.get('href'), 'https://example.com/exit?a=1&b=%222%22%3Cx%3E');
});

test('payloads stay inert in the report, with several files and the portfolio', () => {
  const models = [model(payloadDocument(), `x"y'<z>.relationship.yaml`), fixture('gaps.relationship.yaml')];
  const html = renderHtml(models, { mode: 'report' });
  assertInert(html, { mode: 'report' });
  for (const p of markupPayloads) assert.ok(!html.includes(p), `raw payload in the output: ${p}`);
  assert.ok(html.includes('class="portfolio-table"'));
  // Cells of the portfolio jump to the cards further down.
  assert.ok(tags(html).some((t) => t.name === 'a' && t.attrs.get('href') === '#f1-p-exit_strategy'));
});

test('the webview CSP carries the nonce, allows nothing else, and each render has its own nonce', () => {
  const m = fixture('complete.relationship.yaml');
  const a = webview([m]);
  const b = webview([m]);
  assert.notEqual(a.nonce, b.nonce);
  assert.match(a.nonce, /^[A-Za-z0-9+/=]{24}$/);
  const csp = cspOf(a.html);
  assert.equal(csp, `default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-${a.nonce}'; script-src 'nonce-${a.nonce}'; img-src https://*.vscode-cdn.net data:; base-uri 'none'; form-action 'none';`);
  assert.ok(!a.html.includes(b.nonce));
  assert.throws(() => renderHtml([m], { mode: 'webview' }), /nonce/);
  assert.throws(() => renderHtml([m], { mode: 'webview', nonce: `abc"><script>` }), /nonce/);
  const nonces = new Set(Array.from({ length: 50 }, createNonce));
  assert.equal(nonces.size, 50);
});

test('the report forbids scripts and needs none; a forced theme is marked on <html>', () => {
  const m = fixture('complete.relationship.yaml');
  const html = renderHtml([m], { mode: 'report' });
  assert.match(cspOf(html) ?? '', /^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  assert.match(renderHtml([m], { mode: 'report', nonce: createNonce() }), /style-src &#39;nonce-/);
  assert.ok(renderHtml([m], { mode: 'report', theme: 'dark' }).includes('<html lang="en" data-theme="dark">'));
  assert.ok(html.includes('@media (prefers-color-scheme:dark)'));
  assert.ok(!/url\(|@import|https?:\/\/(?!example)/.test(html.replace(/https:\/\/[^"\s<]*example[^"\s<]*/g, '')), 'no external resources');
});

test('the report of the complete sample has twelve cards, the heat map, the lifecycle and the timeline', () => {
  const m = fixture('complete.relationship.yaml');
  const html = renderHtml([m], { mode: 'report' });
  const all = assertInert(html, { mode: 'report' });
  const cards = all.filter((t) => !t.end && t.attrs.get('class')?.split(' ').includes('card'));
  assert.equal(cards.length, 12);
  assert.deepEqual(cards.map((c) => c.attrs.get('data-principle')), m.coverage.principles.map((p) => p.id));
  const cells = all.filter((t) => !t.end && t.name === 'td' && t.attrs.has('data-l'));
  assert.equal(cells.length, 25);
  const cell = (l: number, i: number) => cells.find((c) => c.attrs.get('data-l') === String(l) && c.attrs.get('data-i') === String(i));
  assert.match(cell(3, 4)?.attrs.get('aria-label') ?? '', /score 12 \(high\): 1 risk: R-001 Key-person dependency/);
  assert.match(cell(2, 5)?.attrs.get('aria-label') ?? '', /2 risks: R-002 .*; R-003 /);
  // EX8 is waived: its principle is waived, not covered.
  assert.ok(html.includes('11/12 principles covered, 1 waived'));
  assert.equal(all.filter((t) => t.attrs.get('aria-current') === 'step').length, 1);
  assert.ok(html.includes('Waived until 2026-03-31 by p-cfo-rht'));
  assert.ok(html.includes('class="timeline-list"'));
});

test('every sample renders inert, with twelve cards and the heat map, in both modes', () => {
  const names = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((n) => /\.relationship\.ya?ml$/.test(n)) : [];
  for (const name of names) {
    const m = model(readFileSync(join(SAMPLES, name), 'utf8'), name);
    const all = assertInert(renderHtml([m], { mode: 'report' }), { mode: 'report' });
    assert.equal(all.filter((t) => !t.end && t.attrs.get('class')?.split(' ').includes('card')).length, 12, name);
    assert.equal(all.filter((t) => !t.end && t.name === 'td' && t.attrs.has('data-l')).length, 25, name);
    const { html, nonce } = webview([m]);
    assertInert(html, { mode: 'webview', nonce, scriptUri: SCRIPT_URI });
    assert.match(renderMarkdown([m]), /## Risk heat map/);
  }
});

test('the model: lifecycle, heat map, timeline and waivers of the gaps fixture', () => {
  const m = fixture('gaps.relationship.yaml');
  assert.equal(m.lifecycle.current, 'working_together');
  assert.equal(m.lifecycle.next, 'value_creation');
  assert.deepEqual(m.lifecycle.nextRules.map((r) => [r.id, r.satisfied]), [['VC1', false], ['VC2', false], ['VC3', true], ['VC4', true]]);
  assert.deepEqual(m.lifecycle.stages.map((s) => s.state), ['done', 'done', 'done', 'done', 'current', 'later', 'later', 'later']);
  assert.equal(m.heatMap.placed, 5);
  assert.equal(m.heatMap.closed, 1);
  assert.deepEqual(m.heatMap.cells.filter((c) => c.risks.length).map((c) => [c.likelihood, c.impact, c.risks.map((r) => r.id).join()]),
    [[2, 5, 'R-01'], [1, 4, 'R-04'], [3, 4, 'R-03'], [2, 3, 'R-05'], [4, 3, 'R-02']]);
  const r1 = m.heatMap.cells.find((c) => c.likelihood === 2 && c.impact === 5)!.risks[0];
  assert.deepEqual([r1.range.start.line, r1.range.start.character], [60, 13], 'R-01 is revealed at its id (line 61)');
  const byLabel = new Map(m.timeline.map((t) => [t.label, t]));
  assert.equal(byLabel.get('next review due')?.status, 'overdue');
  assert.equal(byLabel.get('next review due')?.date, '2025-10-15');
  assert.equal(byLabel.get('waiver for EX8 expires')?.status, 'overdue');
  assert.equal(byLabel.get('ACT-01 Agree shared WMS data model')?.status, 'overdue');
  assert.equal(byLabel.get('ACT-02 Publish joint safety rules')?.status, 'soon');
  assert.deepEqual([byLabel.get('KPI-01 Cross-dock utilisation')?.date, byLabel.get('KPI-01 Cross-dock utilisation')?.rule], ['2025-11-01', 'MO2']);
  assert.deepEqual([byLabel.get('exit strategy reviewed in the last year')?.date, byLabel.get('exit strategy reviewed in the last year')?.status], ['2026-03-01', 'ok']);
  assert.equal(byLabel.get('planned end of the relationship')?.status, 'ok');
  assert.deepEqual(m.timeline.map((t) => t.date), [...m.timeline.map((t) => t.date)].sort());
  assert.deepEqual(m.waivers.map((w) => [w.rule, w.expired]), [['EX8', true]]);
  assert.ok(m.links.some((l) => l.kind === 'url' && l.principle === 'relationship_management'));
});

test('webview markup: rules and findings reveal their ranges, unmet rules with a finding offer a fix', () => {
  const m = fixture('gaps.relationship.yaml');
  const all = tags(webview([m]).html).filter((t) => !t.end);
  const reveal = all.filter((t) => t.attrs.get('data-action') === 'reveal');
  assert.ok(reveal.every((t) => t.name === 'button' && /^\d+,\d+,\d+,\d+$/.test(t.attrs.get('data-range') ?? '')));
  const fixes = all.filter((t) => t.attrs.get('data-action') === 'quickFix');
  const unmet = m.coverage.principles.flatMap((p) => p.rules).filter((r) => r.state === 'unmet');
  assert.equal(fixes.length, unmet.length);
  const rm2 = fixes.find((t) => t.attrs.get('data-rule') === 'RM2');
  assert.equal(rm2?.attrs.get('data-code'), 'evidence.RM2');
  const gp1 = fixes.find((t) => t.attrs.get('data-rule') === 'GP1');
  assert.equal(gp1?.attrs.get('data-code'), 'evidence.missing-principle', 'a rule of an absent principle fixes the principle');
  // The report has nothing to click but in-page and https links.
  const report = tags(renderHtml([m], { mode: 'report' })).filter((t) => !t.end);
  assert.equal(report.filter((t) => t.name === 'button').length, 0);
});

test('the portfolio sorts in the webview and every cell opens a preview at its principle', () => {
  const models = [fixture('gaps.relationship.yaml'), fixture('complete.relationship.yaml')];
  const html = renderHtml(models, { mode: 'webview', nonce: createNonce(), scriptUri: SCRIPT_URI, portfolioOnly: true });
  const all = tags(html).filter((t) => !t.end);
  assert.equal(all.filter((t) => t.attrs.get('data-action') === 'sort').length, 3 + 12 + 1);
  const open = all.filter((t) => t.attrs.get('data-action') === 'openPreview' && t.attrs.has('data-principle'));
  assert.equal(open.length, 24);
  assert.equal(all.filter((t) => t.attrs.get('class')?.split(' ').includes('card')).length, 0, 'portfolio only: no cards');
});

test('the model is plain JSON: a round trip renders the same page', () => {
  const m = fixture('gaps.relationship.yaml');
  const again = JSON.parse(JSON.stringify(m)) as ReportModel;
  assert.equal(renderHtml([again], { mode: 'report' }), renderHtml([m], { mode: 'report' }));
});

test('bad input still renders twelve cards and never throws', () => {
  const inputs = ['', 'key: [unclosed', '- a list\n- not a map', '\u0000\u0001binary\uFFFD', 'metadata: {title: 1}\nprinciples: 7', 'a: &x [*x]', '---\na: 1\n---\nb: 2\n'];
  for (const text of inputs) {
    const m = model(text);
    const html = renderHtml([m], { mode: 'report' });
    const all = assertInert(html, { mode: 'report' });
    assert.equal(all.filter((t) => !t.end && t.attrs.get('class')?.split(' ').includes('card')).length, 12, JSON.stringify(text));
    assert.ok(renderMarkdown([m]).length > 0);
  }
  assert.match(renderHtml([], { mode: 'report' }), /No relationship files found/);
});

test('markdown escapes pipes, markup and link syntax', () => {
  const m = model(payloadDocument(), 'pipe|name.relationship.yaml');
  const md = renderMarkdown([m, fixture('gaps.relationship.yaml')]);
  for (const p of markupPayloads) assert.ok(!md.includes(p), `raw payload: ${p}`);
  assert.ok(!/<(script|img|svg|iframe|style)/i.test(md.replace(/<br>/g, '')));
  assert.ok(md.includes('pipe\\|name'));
  assert.ok(md.includes('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;'));
  // Every table row has as many cells as its header.
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
    const width = cells(lines[i]);
    for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) assert.equal(cells(lines[j]), width, lines[j]);
  }
  assert.ok(md.includes('# Relationship portfolio'));
  assert.ok(md.includes('## Risk heat map'));
});

test('escapeMarkdown: @mentions of users and teams become plain text (U+2060 after the @)', () => {
  assert.equal(escapeMarkdown('ask @octocat and @acme/reviewers'), 'ask @\u2060octocat and @\u2060acme/reviewers');
  assert.equal(escapeMarkdown('ops@example.org'), 'ops@\u2060example.org');
  assert.equal(escapeMarkdown('@@x'), '@\u2060@\u2060x');
  // Escaping and the joiner together: nothing of "@[x](y)" is a mention or a link.
  assert.equal(escapeMarkdown('@[x](y)'), '@\u2060\\[x\\](y)');
});

function cells(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}
