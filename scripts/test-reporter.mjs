// The reporter of `npm test`: a dot per passing test (a comma per skipped one), an X per failure, then each
// failure in full (its suites, file and line, and the error with its diff and stack), whatever the test files
// wrote to standard error, and node's own summary lines (ℹ tests N, ℹ pass N, ℹ fail N…) exactly as the spec
// reporter closes, so CI and people read the same counts.
// Usage: node --test --test-reporter=./scripts/test-reporter.mjs dist-test/
import { inspect } from 'node:util';

const WIDTH = 80;

export default async function* dots(source) {
  const failures = [];
  /** file → the names of the suites open at each nesting level, for a failure's full name. */
  const open = new Map();
  const summary = [];
  const stderr = [];
  let column = 0;
  const dot = (mark) => {
    column = (column + 1) % WIDTH;
    return column === 0 ? `${mark}\n` : mark;
  };
  for await (const { type, data } of source) {
    if (type === 'test:start') {
      const names = open.get(data.file) ?? [];
      names[data.nesting] = data.name;
      names.length = data.nesting + 1;
      open.set(data.file, names);
    } else if (type === 'test:pass') {
      if (data.details?.type !== 'suite' && !data.skip && !data.todo) yield dot('.');
      else if (data.skip || data.todo) yield dot(',');
    } else if (type === 'test:fail') {
      const error = data.details?.error;
      // A suite fails when one of its tests does: that test is already listed.
      if (data.details?.type === 'suite' && error?.failureType === 'subtestsFailed') continue;
      const suites = (open.get(data.file) ?? []).slice(0, data.nesting);
      failures.push({ name: [...suites, data.name].join(' › '), where: `${data.file ?? ''}${data.line ? `:${data.line}:${data.column}` : ''}`, error });
      yield dot('X');
    } else if (type === 'test:stderr') {
      stderr.push(`${data.file ?? ''}: ${data.message.trimEnd()}`);
    } else if (type === 'test:diagnostic' && data.nesting === 0) {
      summary.push(data.message);
    }
  }
  if (column !== 0) yield '\n';
  for (const [i, f] of failures.entries()) {
    const cause = f.error?.cause ?? f.error;
    yield `\n✖ ${i + 1}) ${f.name}\n  ${f.where}\n${indent(inspect(cause, { depth: 8, colors: false }))}\n`;
  }
  if (stderr.length) yield `\nstandard error of the tests:\n${indent(stderr.join('\n'))}\n`;
  yield '\n';
  for (const line of summary) yield `ℹ ${line}\n`;
}

function indent(text) {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
