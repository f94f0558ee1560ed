// The preview webview's script (bundled for the browser to dist/preview.js). It turns clicks into typed
// messages for the extension, sorts the portfolio, and re-renders updates through the same escaping
// renderer as the first paint: the markup is parsed by DOMParser (which runs nothing) and moved into the
// page, so document text never reaches innerHTML unescaped.
import { renderBody } from '../../../../server/src/report/html';
import { isExtensionMessage, parseRange, type PreviewState, type WebviewMessage } from '../messages';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('rac-root');
const portfolio = document.body.dataset.view === 'portfolio';
let sortState: { col: number; dir: 'ascending' | 'descending' } | undefined;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function rememberState(): void {
  if (portfolio) vscode.setState({ portfolio: true });
  else if (document.body.dataset.uri) vscode.setState({ uri: document.body.dataset.uri });
}

function actionOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-action]') ?? undefined) : undefined;
}

document.addEventListener('click', (event) => {
  const el = actionOf(event.target);
  if (!el) return;
  const data = el.dataset;
  const uri = data.uri ?? document.body.dataset.uri ?? '';
  switch (data.action) {
    case 'reveal': {
      const range = parseRange(data.range);
      if (range) post({ type: 'reveal', uri, range });
      break;
    }
    case 'quickFix': {
      const range = parseRange(data.range);
      if (range && data.rule && data.code) post({ type: 'quickFix', uri, rule: data.rule, code: data.code, principle: data.principle, range });
      break;
    }
    case 'openPreview':
      if (data.uri) post({ type: 'openPreview', uri: data.uri, principleId: data.principle });
      break;
    case 'sort':
      sortBy(Number(data.col), data.type === 'num');
      break;
    case 'refresh':
      post({ type: 'refresh' });
      break;
    default:
      return;
  }
  event.preventDefault();
});

function sortBy(col: number, numeric: boolean, keep = false): void {
  const table = document.querySelector<HTMLTableElement>('.portfolio-table');
  const body = table?.tBodies[0];
  if (!table || !body || !Number.isInteger(col)) return;
  const dir = keep && sortState ? sortState.dir : sortState?.col === col && sortState.dir === 'ascending' ? 'descending' : 'ascending';
  sortState = { col, dir };
  const key = (row: HTMLTableRowElement): string => row.cells[col]?.dataset.sort ?? '';
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
    return dir === 'ascending' ? order : -order;
  });
  body.append(...rows);
  table.querySelectorAll<HTMLTableCellElement>('thead th').forEach((th, i) => th.setAttribute('aria-sort', i === col ? dir : 'none'));
}

function scrollToPrinciple(principleId: string): void {
  const card = Array.from(document.querySelectorAll<HTMLElement>('.card')).find((el) => el.dataset.principle === principleId);
  if (!card) return;
  card.scrollIntoView({ block: 'start' });
  card.focus({ preventScroll: true });
  card.classList.add('flash');
  window.setTimeout(() => card.classList.remove('flash'), 1500);
}

/** Replaces the content of <main> with freshly rendered markup, keeping the scroll position and focus. */
function render(html: string): void {
  if (!root) return;
  const focused = document.activeElement instanceof HTMLElement ? focusKey(document.activeElement) : undefined;
  const scroll = window.scrollY;
  const parsed = new DOMParser().parseFromString(`<main>${html}</main>`, 'text/html');
  const fresh = parsed.body.firstElementChild;
  if (!fresh) return;
  root.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.adoptNode(n)));
  if (sortState) sortBy(sortState.col, document.querySelector<HTMLElement>(`.portfolio-table thead th:nth-child(${sortState.col + 1}) [data-type]`)?.dataset.type === 'num', true);
  if (focused) Array.from(root.querySelectorAll<HTMLElement>('[data-action],[tabindex]')).find((el) => focusKey(el) === focused)?.focus({ preventScroll: true });
  window.scrollTo(0, scroll);
}

function focusKey(el: HTMLElement): string | undefined {
  const d = el.dataset;
  if (d.action) return `${d.action}|${d.range ?? ''}|${d.uri ?? ''}|${d.principle ?? ''}|${d.col ?? ''}`;
  if (d.principle) return `card|${d.principle}`;
  return el.id ? `id|${el.id}` : undefined;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isExtensionMessage(message)) return;
  if (message.type === 'update') {
    render(renderBody(message.models, { mode: 'webview', portfolioOnly: portfolio }));
    if (!portfolio && message.models[0]) document.body.dataset.uri = message.models[0].uri;
    rememberState();
  } else {
    scrollToPrinciple(message.principleId);
  }
});

rememberState();
post({ type: 'ready' });
