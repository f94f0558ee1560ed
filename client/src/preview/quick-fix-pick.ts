// Which of the editor's code actions the preview's Fix button applies. VS Code's executeCodeActionProvider
// does not hand back the diagnostics an action fixes, so an action is matched by its diagnostics when they
// are there, else by the rule id (or the principle's section) its title names. Waivers are never picked:
// a waiver needs a reason only a person can give.

export interface ActionLike {
  title: string;
  isPreferred?: boolean;
  diagnostics?: readonly { code?: string | number | { value: string | number } }[];
}

export interface FixTarget { code: string; rule: string; principle?: string }

function codeOf(d: { code?: string | number | { value: string | number } }): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function names(title: string, word: string): boolean {
  return new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(title);
}

export function pickQuickFix<T extends ActionLike>(actions: readonly T[], target: FixTarget): T | undefined {
  const fixes = actions.filter((a) => !/^Waive\b/i.test(a.title));
  const byDiagnostic = fixes.filter((a) => a.diagnostics?.some((d) => codeOf(d) === target.code));
  const pool = byDiagnostic.length > 0
    ? byDiagnostic
    : fixes.filter((a) => names(a.title, target.rule) || (target.principle !== undefined && a.title.includes(`"${target.principle}"`)));
  return pool.find((a) => a.isPreferred) ?? pool[0];
}
