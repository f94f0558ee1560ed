// Shell-style globs for `rac check '**/*.relationship.yaml'`: rac expands them itself, so a quoted pattern works
// in every shell, on Windows and in CI files. Node 20 has no fs.glob (it came with Node 22) and its
// path.matchesGlob prints an experimental warning, so this is the small subset a file pattern needs:
//   *  any characters but "/"        **  any number of whole folders (as a whole segment)
//   ?  one character but "/"         [abc] [a-z] [!x]  one character of a set
//   {a,b}  either alternative (no nesting)
// A leading "./" is dropped; "\" escapes the next character on POSIX.

/** Whether a command-line argument is a pattern rather than a path. */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

/**
 * The folder a pattern's matches all live in: its segments before the first one with a wildcard ("" when the
 * pattern starts with one). `samples/**\/x.yaml` → `samples`.
 */
export function globBase(pattern: string): string {
  const segments = normalise(pattern).split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  if (fixed.length === 1 && fixed[0] === '') return '/';
  return fixed.join('/');
}

/** A matcher for paths written with "/" (relative to the same folder as the pattern). */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regexp = new RegExp(`^${toRegExp(normalise(pattern))}$`);
  return (path) => regexp.test(normalise(path));
}

function normalise(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

function toRegExp(pattern: string): string {
  let out = '';
  let i = 0;
  let inBraces = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*' && (i === 0 || pattern[i - 1] === '/') && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      // "**/" matches no folder or several; a final "**" matches everything below.
      const last = i + 2 === pattern.length;
      out += last ? '.*' : '(?:[^/]*/)*';
      i += last ? 2 : 3;
      continue;
    }
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `(?!/)[${body}]`;
        i = close;
      }
    } else if (c === '{' && !inBraces && pattern.indexOf('}', i) > 0) {
      inBraces = true;
      out += '(?:';
    } else if (c === ',' && inBraces) out += '|';
    else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      out += escape(pattern[i]);
    } else out += escape(c);
    i++;
  }
  return out;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
