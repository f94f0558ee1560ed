// Which of the editor's code actions the preview's Fix button applies: the one whose code action kind says it
// completes this rule's evidence (or this principle's section), see fixKindFor in server/src/protocol.ts.
// Waivers have a kind of their own and are never picked: a waiver needs a reason only a person can give.
import { fixKindFor } from '../../../server/src/protocol';

export interface ActionLike {
  isPreferred?: boolean;
  /** vscode.CodeActionKind (its value) or the LSP string. */
  kind?: { value: string } | string;
}

export interface FixTarget { code: string; rule: string; principle?: string }

export function pickQuickFix<T extends ActionLike>(actions: readonly T[], target: FixTarget): T | undefined {
  const wanted = fixKindFor(target);
  const pool = actions.filter((a) => (typeof a.kind === 'string' ? a.kind : a.kind?.value) === wanted);
  return pool.find((a) => a.isPreferred) ?? pool[0];
}
