// PURE. The one stylesheet of the preview and the report. In the webview every colour comes from the
// theme's --vscode-* variables (light, dark, high contrast); the report has no such variables, so each
// token falls back to a light or a dark value chosen by prefers-color-scheme (or data-theme on <html>).
// No style attributes anywhere: the webview's CSP forbids them, so bars and rings are SVG attributes.

/** token → [VS Code variable, light fallback, dark fallback] */
const palette: Record<string, [string, string, string]> = {
  fg: ['--vscode-foreground', '#1f2328', '#e6edf3'],
  bg: ['--vscode-editor-background', '#ffffff', '#0d1117'],
  muted: ['--vscode-descriptionForeground', '#59636e', '#9198a1'],
  surface: ['--vscode-editorWidget-background', '#f6f8fa', '#161b22'],
  border: ['--vscode-contrastBorder, var(--vscode-panel-border', '#d1d9e0', '#3d444d'],
  accent: ['--vscode-textLink-foreground', '#0969da', '#4493f8'],
  focus: ['--vscode-focusBorder', '#0969da', '#1f6feb'],
  ok: ['--vscode-charts-green', '#1a7f37', '#3fb950'],
  warn: ['--vscode-charts-yellow', '#9a6700', '#d29922'],
  high: ['--vscode-charts-orange', '#bc4c00', '#db6d28'],
  bad: ['--vscode-charts-red', '#cf222e', '#f85149'],
  idle: ['--vscode-disabledForeground', '#818b98', '#6e7681'],
  waived: ['--vscode-charts-purple', '#8250df', '#a371f7'],
  'heat-low': ['--vscode-charts-green', '#4ac26b', '#2ea043'],
  'heat-medium': ['--vscode-charts-yellow', '#eac54f', '#bb8009'],
  'heat-high': ['--vscode-charts-orange', '#fb8f44', '#db6d28'],
  'heat-extreme': ['--vscode-charts-red', '#fa4549', '#da3633'],
  button: ['--vscode-button-background', '#0969da', '#1f6feb'],
  'button-fg': ['--vscode-button-foreground', '#ffffff', '#ffffff'],
  code: ['--vscode-textCodeBlock-background', '#eff2f5', '#262c36'],
};

function tokens(): { root: string; light: string; dark: string } {
  const entries = Object.entries(palette);
  // "--vscode-contrastBorder, var(--vscode-panel-border" nests one fallback level, so close it once more.
  const close = (vs: string): string => ')'.repeat(1 + (vs.match(/var\(/g)?.length ?? 0));
  return {
    root: entries.map(([name, [vs]]) => `--${name}:var(${vs},var(--fb-${name})${close(vs)};`).join(''),
    light: entries.map(([name, [, light]]) => `--fb-${name}:${light};`).join(''),
    dark: entries.map(([name, [, , dark]]) => `--fb-${name}:${dark};`).join(''),
  };
}

const t = tokens();

export const css = `
:root{color-scheme:light dark;${t.light}${t.root}}
:root[data-theme="light"]{color-scheme:light}
:root[data-theme="dark"]{color-scheme:dark;${t.dark}}
@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){${t.dark}}}
*{box-sizing:border-box}
body{margin:0;padding:16px 20px 40px;background:var(--bg);color:var(--fg);font-family:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:var(--vscode-font-size,14px);line-height:1.45}
.rac-report main{max-width:1240px;margin:0 auto}
h1,h2,h3,h4,h5{line-height:1.25;margin:0}
h1,.title{font-size:1.6em}
.section-title{font-size:1.2em;margin:0 0 10px}
.card-title{font-size:1em;flex:1}
code{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:.92em;background:var(--code);padding:1px 4px;border-radius:4px}
a{color:var(--accent)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.muted{color:var(--muted)}
section{margin:22px 0}
.file{border-top:1px solid var(--border);padding-top:18px;margin-top:18px}
.file:first-of-type{border-top:0;margin-top:0;padding-top:0}
.portfolio + .file{border-top:1px solid var(--border);margin-top:24px;padding-top:18px}
button{font:inherit;color:inherit}
.link{background:none;border:0;padding:0;margin:0;text-align:left;cursor:pointer;color:inherit}
.link:hover .label,.link:focus-visible .label{text-decoration:underline;color:var(--accent)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.fix{border:1px solid var(--button);background:var(--button);color:var(--button-fg);border-radius:3px;padding:0 8px;font-size:.85em;cursor:pointer;margin-left:6px}
.fix:hover{filter:brightness(1.1)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8em;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.s-covered,.st-met,.t-ok,.lv-low{--tone:var(--ok)}
.s-partial,.t-soon,.lv-medium{--tone:var(--warn)}
.lv-high{--tone:var(--high)}
.s-missing,.st-unmet,.t-overdue,.lv-extreme,.sev-error{--tone:var(--bad)}
.sev-warning{--tone:var(--warn)}
.sev-information,.sev-hint{--tone:var(--accent)}
.s-not_yet_required,.st-not_yet_required,.st-no_longer_required,.s-unknown,.st-unknown{--tone:var(--idle)}
.s-waived,.st-waived{--tone:var(--waived)}
.badge,.icon{color:var(--tone,var(--muted))}
.file-header{display:flex;gap:20px;align-items:center;flex-wrap:wrap}
.ring{flex:none;width:108px;height:108px;position:relative}
.ring svg{width:100%;height:100%;transform:rotate(-90deg)}
.ring .track{stroke:var(--border)}
.ring .value{stroke:var(--tone,var(--ok))}
.ring .ring-text{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;font-weight:700;font-size:1.35em}
.ring .ring-text small{font-weight:400;font-size:.5em;color:var(--muted)}
.heading{flex:1;min-width:260px}
.meta{display:flex;flex-wrap:wrap;gap:6px 14px;margin:6px 0;color:var(--muted)}
.meta strong{color:var(--fg);font-weight:600}
.headline{margin:4px 0;font-size:1.05em}
.bar{display:block;width:100%;height:8px}
.bar .track{fill:var(--border)}
.bar .value{fill:var(--tone,var(--ok))}
.stages{list-style:none;display:flex;flex-wrap:wrap;gap:0;margin:0;padding:0;counter-reset:stage}
.stage{flex:1 1 88px;position:relative;padding:26px 6px 4px;text-align:center;font-size:.88em;color:var(--muted)}
.stage::before{content:"";position:absolute;top:10px;left:0;right:0;height:3px;background:var(--border)}
.stage.done::before,.stage.current::before{background:var(--ok)}
.stage .dot{position:absolute;top:4px;left:50%;width:15px;height:15px;margin-left:-7px;border-radius:50%;background:var(--bg);border:3px solid var(--border)}
.stage.done .dot{background:var(--ok);border-color:var(--ok)}
.stage.current{color:var(--fg);font-weight:700}
.stage.current .dot{border-color:var(--accent);background:var(--accent);box-shadow:0 0 0 4px color-mix(in srgb,var(--accent) 30%,transparent)}
.next-rules{margin:6px 0 0;padding-left:0;list-style:none;display:flex;flex-wrap:wrap;gap:6px 14px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px}
.card{background:var(--surface);border:1px solid var(--border);border-left:4px solid var(--tone,var(--border));border-radius:6px;padding:12px 14px;display:flex;flex-direction:column;gap:8px}
.card:target,.card.flash{outline:2px solid var(--focus)}
.card-head{display:flex;align-items:baseline;gap:8px}
.clause{color:var(--muted);font-variant-numeric:tabular-nums}
.card .summary{margin:0;color:var(--muted);font-size:.92em}
.score{display:flex;align-items:center;gap:8px;font-size:.85em;color:var(--muted)}
.score .bar{flex:1}
.rules{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:5px}
.rule{font-size:.92em}
.rule .icon{display:inline-block;width:1.2em;text-align:center;font-weight:700}
.rule .why,.rule .detail{margin:2px 0 0 1.6em;font-size:.9em}
.rule .detail{color:var(--fg)}
.rule .why{color:var(--muted)}
.rule.st-not_yet_required,.rule.st-no_longer_required,.rule.st-waived,.rule.st-off{color:var(--muted)}
.org{font-size:.8em;border:1px solid currentColor;border-radius:3px;padding:0 .3em;margin-left:.3em}
.iso{font-size:.8em;color:var(--muted);margin-left:.4em;white-space:nowrap}
.links{font-size:.85em;color:var(--muted);margin:0;overflow-wrap:anywhere}
.two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px}
@media (max-width:860px){.two{grid-template-columns:minmax(0,1fr)}}
.heat-wrap{display:grid;grid-template-columns:auto 1fr;grid-template-rows:1fr auto;gap:4px;max-width:460px}
.axis-y{writing-mode:vertical-rl;transform:rotate(180deg);text-align:center;color:var(--muted);font-size:.85em}
.axis-x{grid-column:2;text-align:center;color:var(--muted);font-size:.85em}
table{border-collapse:collapse}
.heat{width:100%;table-layout:fixed}
.heat th{font-weight:400;color:var(--muted);font-size:.8em;padding:2px}
.heat .lv-low{--heat:var(--heat-low)}
.heat .lv-medium{--heat:var(--heat-medium)}
.heat .lv-high{--heat:var(--heat-high)}
.heat .lv-extreme{--heat:var(--heat-extreme)}
.heat td{position:relative;height:52px;text-align:center;border:2px solid var(--bg);background:color-mix(in srgb,var(--heat) 22%,var(--bg));font-weight:700;font-size:1.1em}
.heat td.has{background:color-mix(in srgb,var(--heat) 70%,var(--bg));cursor:default}
.heat td .count{display:block}
.cell-risks{display:none;position:absolute;z-index:5;left:50%;top:90%;min-width:220px;max-width:320px;text-align:left;font-weight:400;font-size:.8em;background:var(--surface);color:var(--fg);border:1px solid var(--border);border-radius:4px;padding:6px 8px;margin:0;list-style:none;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.heat td:hover .cell-risks,.heat td:focus-within .cell-risks{display:block}
.data{width:100%;font-size:.88em}
.data th,.data td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--border);vertical-align:top}
.data th{color:var(--muted);font-weight:600}
.data td.num{text-align:right;font-variant-numeric:tabular-nums}
.timeline-list{list-style:none;margin:0;padding:0 0 0 14px;border-left:2px solid var(--border)}
.t-item{position:relative;padding:3px 0 6px 8px;font-size:.9em}
.t-item::before{content:"";position:absolute;left:-21px;top:9px;width:10px;height:10px;border-radius:50%;background:var(--tone)}
.t-item time{font-variant-numeric:tabular-nums;font-weight:600;margin-right:6px}
.t-item .detail{display:block;color:var(--muted);font-size:.9em}
.t-now{position:relative;margin:4px 0 8px -15px;padding-left:22px;font-size:.82em;font-weight:700;color:var(--accent)}
.t-now::before{content:"";position:absolute;left:0;right:0;top:50%;border-top:2px dashed var(--accent);z-index:0}
.t-now span{position:relative;background:var(--bg);padding:0 6px}
.findings{list-style:none;margin:0;padding:0}
.finding{padding:3px 0;font-size:.9em}
.finding .where{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:6px}
.finding .code{color:var(--muted);margin-left:6px}
.empty{color:var(--muted);font-style:italic}
.table-wrap{overflow-x:auto}
.portfolio-table{width:100%;font-size:.88em}
.portfolio-table th,.portfolio-table td{padding:4px 6px;border-bottom:1px solid var(--border);text-align:center}
.portfolio-table th[scope="row"],.portfolio-table .file-col{text-align:left}
.portfolio-table thead th{color:var(--muted);font-weight:600;white-space:nowrap}
.portfolio-table .sort{background:none;border:0;cursor:pointer;color:inherit;font-weight:600;padding:0}
.portfolio-table th[aria-sort="ascending"] .sort::after{content:" \\2191"}
.portfolio-table th[aria-sort="descending"] .sort::after{content:" \\2193"}
.pcell{background:color-mix(in srgb,var(--tone) 24%,var(--bg));font-variant-numeric:tabular-nums;white-space:nowrap}
.pcell a,.pcell button{color:inherit;text-decoration:none;background:none;border:0;cursor:pointer;padding:0;display:block;width:100%}
.pcell .icon{color:var(--tone)}
.toolbar{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-bottom:8px}
.toolbar button{border:1px solid var(--border);background:var(--surface);border-radius:3px;padding:2px 10px;cursor:pointer}
@media (forced-colors:active){.badge,.card,.heat td,.pcell{border:1px solid CanvasText;forced-color-adjust:auto}}
@media print{body{padding:0}.card,.heat-wrap,section{break-inside:avoid}.cell-risks{display:none!important}}
`;
