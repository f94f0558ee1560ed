// A strict reading of the renderer's markup: every tag and attribute must be one the renderer writes on
// purpose, so a payload that escaped escaping shows up as an unknown tag, an on* handler, a script or an
// active URL. Deliberately independent of the renderer's code.
import assert from 'node:assert/strict';

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'article', 'header', 'div', 'p', 'span', 'strong', 'small',
  'code', 'time', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'li', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  'button', 'svg', 'rect', 'circle', 'a', 'br', 'script',
]);
const ATTRIBUTES = new Set([
  'class', 'id', 'role', 'tabindex', 'title', 'href', 'rel', 'target', 'datetime', 'type', 'nonce', 'src', 'lang', 'charset',
  'content', 'name', 'http-equiv', 'viewbox', 'preserveaspectratio', 'width', 'height', 'rx', 'cx', 'cy', 'r', 'fill',
  'stroke-width', 'stroke-linecap', 'pathlength', 'stroke-dasharray', 'scope',
]);
const VOID = new Set(['meta', 'br', 'rect', 'circle']);

export interface Tag { name: string; attrs: Map<string, string>; end: boolean }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/** The tags of a document, in order; throws on markup that is not well formed in the renderer's dialect. */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!DOCTYPE html>', lt)) {
      i = lt + 15;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m) throw new Error(`a bare "<" in text at ${lt}: ${html.slice(lt, lt + 60)}`);
    let j = lt + m[0].length;
    const attrs = new Map<string, string>();
    for (;;) {
      while (/\s/.test(html[j] ?? '')) j++;
      if (html[j] === '>') { j++; break; }
      if (html.startsWith('/>', j)) { j += 2; break; }
      const name = /^[^\s"'>/=]+/.exec(html.slice(j))?.[0];
      if (!name) throw new Error(`bad attribute at ${j}: ${html.slice(j, j + 60)}`);
      j += name.length;
      let value = '';
      if (html[j] === '=') {
        j++;
        const q = html[j];
        if (q !== '"') throw new Error(`attribute ${name} is not double-quoted at ${j}: ${html.slice(j - 20, j + 40)}`);
        const close = html.indexOf('"', j + 1);
        value = html.slice(j + 1, close);
        if (/[<>]/.test(value)) throw new Error(`raw < or > inside attribute ${name}: ${value}`);
        j = close + 1;
      }
      if (attrs.has(name.toLowerCase())) throw new Error(`attribute ${name} twice in <${m[2]}>`);
      attrs.set(name.toLowerCase(), decodeEntities(value));
    }
    const tag: Tag = { name: m[2].toLowerCase(), attrs, end: m[1] === '/' };
    out.push(tag);
    i = j;
    if (!tag.end && (tag.name === 'style' || tag.name === 'script')) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      if (close < 0) throw new Error(`<${tag.name}> never closed`);
      i = close;
    }
  }
  return out;
}

export interface InertOptions { mode: 'webview' | 'report'; nonce?: string; scriptUri?: string }

/** Asserts the markup has no active content beyond the renderer's own nonce'd script and stylesheet. */
export function assertInert(html: string, options: InertOptions): Tag[] {
  const all = tags(html);
  for (const t of all) {
    assert.ok(TAGS.has(t.name), `unexpected tag <${t.name}>`);
    for (const [name, value] of t.attrs) {
      assert.ok(!/^on/i.test(name), `event handler attribute ${name}="${value}" on <${t.name}>`);
      assert.ok(ATTRIBUTES.has(name) || /^(aria|data)-[a-z-]+$/.test(name), `unexpected attribute ${name} on <${t.name}>`);
      assert.ok(!/^\s*javascript:/i.test(value) || !['href', 'src'].includes(name), `javascript: URL in ${name}`);
    }
    const href = t.attrs.get('href');
    if (href !== undefined) assert.match(href, /^(#[\w-]+|https:\/\/[^\s"'<>]+)$/, `an href that is neither in-page nor https: ${href}`);
    if (t.attrs.has('src')) assert.equal(t.name, 'script', `src on <${t.name}>`);
  }
  const starts = all.filter((t) => !t.end);
  const scripts = starts.filter((t) => t.name === 'script');
  const styles = starts.filter((t) => t.name === 'style');
  assert.equal(styles.length, 1, 'exactly one <style>, the renderer\'s');
  if (options.mode === 'report') {
    assert.equal(scripts.length, 0, 'the report runs no script');
  } else {
    assert.equal(scripts.length, 1, 'the webview has exactly one script');
    assert.equal(scripts[0].attrs.get('nonce'), options.nonce);
    assert.equal(scripts[0].attrs.get('src'), options.scriptUri);
    assert.equal(styles[0].attrs.get('nonce'), options.nonce);
  }
  // Every element that is not void is closed, in order: nothing a payload opened is left open.
  const stack: string[] = [];
  for (const t of all) {
    if (VOID.has(t.name)) continue;
    if (!t.end) stack.push(t.name);
    else assert.equal(stack.pop(), t.name, `</${t.name}> closes something else`);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  return all;
}

export function cspOf(html: string): string | undefined {
  return tags(html).find((t) => t.name === 'meta' && t.attrs.get('http-equiv') === 'Content-Security-Policy')?.attrs.get('content');
}
