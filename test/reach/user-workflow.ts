// The review workflow README.md tells other repositories to copy: this repository's own workflow
// (.github/workflows/relationship-review.yml) with the released action instead of the checkout's, and no build
// step. Derived here so the two cannot drift: a change to one that the other lacks fails the docs test.
import { edit } from '../diff/git-repo';

export const RELEASED_ACTION = 'relationship-as-code/relationship-as-code@v1';
export const README_MARKER = '<!-- workflow: .github/workflows/relationship-review.yml, for another repository -->';

/** This repository's workflow as another repository uses it. */
export function forAnotherRepository(workflow: string): string {
  let text = edit(workflow, /^# This repository reviews with the action of its own checkout[^\n]*\n(?:# [^\n]*\n)*?(?=name:|\n)/m, '');
  text = edit(text, /^ {6}- name: Build\n {8}run: npm ci && npm run build\n\n/m, '');
  return edit(text, /^ {8}uses: \.\/$/m, `        uses: ${RELEASED_ACTION}`);
}

/** The workflow block after README's marker. */
export function readmeWorkflow(readme: string): string | undefined {
  const at = readme.indexOf(`${README_MARKER}\n\`\`\`yaml\n`);
  if (at < 0) return undefined;
  const start = at + README_MARKER.length + '\n```yaml\n'.length;
  return readme.slice(start, readme.indexOf('```\n', start));
}
