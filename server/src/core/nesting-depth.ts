// PURE. Collections nested too deep to read: flow ones ([…] and {…}) and block ones (indented keys and items).
// The parser recurses once per level, so where thousands of levels exhaust the stack depends on how deep the
// caller already is and on what the JIT made of the parser's frames: the same text gave different findings
// from one call to the next. Finding the collection first, by counting, makes the answer the same every time.

/** Deeper than this a collection is not read; files people write nest a handful of levels. */
export const MAX_FLOW_DEPTH = 100;
export const MAX_BLOCK_DEPTH = 100;

/**
 * Each run of lines nested deeper than MAX_BLOCK_DEPTH: from the first line past the limit to the last line
 * indented more than the line at the limit. A line's depth is its place on the stack of open indentations,
 * plus one for each "- " that opens an item on it ("- - - x").
 */
export function tooDeepBlocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const stack: number[] = [];
  let region: { start: number; end: number; indent: number } | undefined;
  for (let at = 0; at < text.length;) {
    let next = at;
    while (next < text.length && text[next] !== '\n' && text[next] !== '\r') next++;
    const lineEnd = next;
    if (text[next] === '\r' && text[next + 1] === '\n') next++;
    next++;
    let indent = 0;
    while (at + indent < lineEnd && text[at + indent] === ' ') indent++;
    const first = text[at + indent];
    if (at + indent < lineEnd && first !== '#') {
      if (region && indent <= region.indent) {
        out.push({ start: region.start, end: region.end });
        region = undefined;
      }
      while (stack.length && stack[stack.length - 1] >= indent) stack.pop();
      stack.push(indent);
      let dashes = 0;
      let i = at + indent;
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
      }
      if (region) region.end = lineEnd;
      else if (stack.length + dashes > MAX_BLOCK_DEPTH) {
        // The run ends at the first line no deeper than the line at the limit.
        region = { start: at + indent, end: lineEnd, indent: stack.length > MAX_BLOCK_DEPTH ? stack[MAX_BLOCK_DEPTH - 1] : indent };
      }
    }
    at = next;
  }
  if (region) out.push({ start: region.start, end: region.end });
  return out;
}

/** Each outermost flow collection that nests deeper than MAX_FLOW_DEPTH: from its "[" or "{" to its end. */
export function tooDeepFlows(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Nesting past the limit needs more opening brackets than the limit: most files have fewer in all, and
  // counting them is a fraction of reading the text character by character.
  if (openingBrackets(text, MAX_FLOW_DEPTH + 1) <= MAX_FLOW_DEPTH) return out;
  let depth = 0;
  let outer = -1;
  let found = false;
  // From one character that matters to the next: a regular expression finds them faster than a loop over all.
  const special = /["'#[\]{}]/g;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    const c = text[i];
    const before = i === 0 ? '\n' : text[i - 1];
    const afterBlank = before === ' ' || before === '\t' || before === '\n' || before === '\r';
    if ((c === '"' || c === "'") && (afterBlank || '[{,:'.includes(before))) special.lastIndex = quoteEnd(text, i) + 1;
    else if (c === '#' && afterBlank) special.lastIndex = lineEnd(text, i);
    else if (c === '[' || c === '{') {
      if (depth === 0) outer = i;
      if (++depth > MAX_FLOW_DEPTH) found = true;
    } else if ((c === ']' || c === '}') && depth > 0 && --depth === 0 && found) {
      out.push({ start: outer, end: i + 1 });
      found = false;
    }
  }
  if (found) out.push({ start: outer, end: text.length });
  return out;
}

/** How many "[" and "{" the text holds, counting no further than `enough`. */
function openingBrackets(text: string, enough: number): number {
  let count = 0;
  for (const bracket of ['[', '{']) {
    for (let at = text.indexOf(bracket); at >= 0 && count < enough; at = text.indexOf(bracket, at + 1)) count++;
  }
  return count;
}

/** The text with each span turned to spaces, line breaks kept: every offset and line stays where it was. */
export function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** The offset just past a quoted scalar opened at `i` (or the end of the text when it never closes). */
function quoteEnd(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}

function lineEnd(text: string, i: number): number {
  for (let j = i; j < text.length; j++) if (text[j] === '\n' || text[j] === '\r') return j;
  return text.length;
}
